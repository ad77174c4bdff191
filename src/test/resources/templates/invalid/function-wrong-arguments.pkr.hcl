locals {
  joined = join(["a", "b"])
  padded = format("%d", "not a number")
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
