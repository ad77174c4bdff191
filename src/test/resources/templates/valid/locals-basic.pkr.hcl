variable "app" {
  default = "billing"
}

variable "env" {
  default = "staging"
}

locals {
  name      = "${var.app}-${var.env}"
  timestamp = "20240101"
  tags = {
    app = var.app
    env = var.env
  }
}

source "null" "locals" {
  communicator = "none"
}

build {
  name    = "billing"
  sources = ["source.null.locals"]

  provisioner "shell-local" {
    inline = ["echo ${local.name}-${local.timestamp} ${local.tags.app}/${local.tags.env}"]
  }
}
