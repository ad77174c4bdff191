variable "config" {
  default = {
    name = "svc"
    ports = {
      http = 80
    }
  }
}

locals {
  https_port = try(var.config.ports.https, 443)
  http_port  = try(var.config.ports.http, 8080)
  owner      = coalesce("", "ops", "fallback")
  lists      = coalescelist([], ["x", "y"])
  has_tls    = can(var.config.ports.https)
  converted  = [for s in ["1", "2"] : s + 0]
}

source "null" "try" {
  communicator = "none"
}

build {
  sources = ["source.null.try"]

  provisioner "shell-local" {
    inline = [
      "echo ${local.http_port} ${local.https_port} ${local.owner} ${join(",", local.lists)}",
      "echo tls=${local.has_tls} sum=${local.converted[0] + local.converted[1]}",
    ]
  }
}
