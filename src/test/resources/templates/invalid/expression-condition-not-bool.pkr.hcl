variable "mode" {
  default = "fast"
}

locals {
  threads = var.mode ? 8 : 1
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
