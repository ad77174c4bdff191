locals {
  name = "first"
}

locals {
  name = "second"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
