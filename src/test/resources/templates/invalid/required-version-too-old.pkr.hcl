# Written for Packer before 1.7: Ingot follows a newer language level.
packer {
  required_version = "~> 1.6.0"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
