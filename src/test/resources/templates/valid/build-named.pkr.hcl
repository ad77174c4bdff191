source "null" "base" {
  communicator = "none"
}

build {
  name        = "golden"
  description = <<-EOT
    Builds the golden base image used by every team.
  EOT
  sources     = ["source.null.base"]

  provisioner "shell-local" {
    inline = ["echo build ${build.name} from ${source.type}.${source.name}"]
  }
}
