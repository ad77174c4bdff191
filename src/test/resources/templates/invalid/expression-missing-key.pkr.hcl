variable "sizes" {
  type = map(number)
  default = {
    small = 1
    large = 4
  }
}

locals {
  medium = var.sizes["medium"]
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
