locals {
  a = "${local.b}-a"
  b = "${local.c}-b"
  c = "${local.a}-c"
}

source "null" "x" {
  communicator = "none"
}

build {
  sources = ["source.null.x"]
}
