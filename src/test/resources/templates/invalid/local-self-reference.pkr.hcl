locals {
  counter = local.counter + 1
}

source "null" "x" {
  communicator = "none"
}

build {
  sources = ["source.null.x"]
}
