locals {
  this_file   = "${path.root}/files-and-paths.pkr.hcl"
  file_exists = fileexists(local.this_file)
  file_size   = length(file(local.this_file))
  templates   = fileset(path.root, "files-and-*.pkr.hcl")
  base        = basename(local.this_file)
  dir         = dirname(local.this_file)
  absolute    = abspath(path.root)
  home_based  = pathexpand("~/images")
}

source "null" "files" {
  communicator = "none"
}

build {
  sources = ["source.null.files"]

  provisioner "shell-local" {
    inline = [
      "echo ${local.base} in ${local.dir} exists=${local.file_exists} size>0=${local.file_size > 0}",
      "echo ${length(local.templates)} match, abs=${local.absolute} ${local.home_based}",
    ]
  }
}
