variable "proxy" {
  type     = string
  default  = null
  nullable = true
}

variable "mirror" {
  type     = string
  default  = "http://127.0.0.1:3142"
  nullable = false
}

locals {
  proxy_env = var.proxy == null ? [] : ["http_proxy=${var.proxy}"]
}

source "null" "nullable" {
  communicator = "none"
}

build {
  sources = ["source.null.nullable"]

  provisioner "shell-local" {
    environment_vars = local.proxy_env
    inline           = ["echo mirror ${var.mirror}"]
  }
}
