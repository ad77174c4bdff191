variable "name" {
  default = "web"
}

locals {
  total = var.name + 1
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
