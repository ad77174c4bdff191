# Locals may refer to each other in any order, across several locals blocks.
locals {
  full_name = "${local.prefix}-${local.base}-${local.suffix}"
}

locals {
  suffix = upper(local.short_env)
  prefix = "img"
}

locals {
  base      = "web"
  short_env = substr(var.environment, 0, 3)
}

variable "environment" {
  default = "production"
}

source "null" "ordered" {
  communicator = "none"
}

build {
  sources = ["source.null.ordered"]

  provisioner "shell-local" {
    inline = ["echo ${local.full_name}"]
  }
}
