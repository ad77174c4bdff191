variable "packages" {
  default = ["nginx", "curl"]
}

locals {
  user_data = templatefile("${path.root}/user-data.tpl", {
    hostname = "web01"
    packages = var.packages
  })
}

source "null" "tpl" {
  communicator = "none"
}

build {
  sources = ["source.null.tpl"]

  provisioner "shell-local" {
    inline = ["printf '%s' '${local.user_data}'"]
  }
}
