variable "name" {
  default = "web"
}

locals {
  letters = [for c in var.name : upper(c)]
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
