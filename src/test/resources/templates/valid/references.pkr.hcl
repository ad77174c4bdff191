# The special references: source.name, source.type, build.name, path.root,
# path.cwd and packer.version.
source "null" "refs" {
  communicator = "none"
}

build {
  name    = "refs"
  sources = ["source.null.refs"]

  provisioner "shell-local" {
    inline = [
      "echo source ${source.type}.${source.name} in build ${build.name}",
      "echo template dir ${path.root} from ${path.cwd}",
      "echo packer ${packer.version}",
    ]
  }

  post-processor "manifest" {
    output = "${path.root}/manifest-${source.name}.json"
    custom_data = {
      built_by = "packer ${packer.version}"
    }
  }
}
