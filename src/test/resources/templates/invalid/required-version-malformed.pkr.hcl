packer {
  required_version = "at least one point six"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
