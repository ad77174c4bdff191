packer {
  required_version = ">= 1.6.0, < 2.0.0"
}

source "null" "versioned" {
  communicator = "none"
}

build {
  sources = ["source.null.versioned"]
}
