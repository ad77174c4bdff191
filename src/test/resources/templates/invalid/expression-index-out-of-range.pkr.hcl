variable "zones" {
  default = ["a", "b"]
}

locals {
  third = var.zones[2]
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
