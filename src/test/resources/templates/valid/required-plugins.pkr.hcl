# Plugins are built into Ingot: required_plugins is accepted with a warning.
packer {
  required_version = ">= 1.7.0"
  required_plugins {
    docker = {
      version = ">= 1.0.0"
      source  = "github.com/hashicorp/docker"
    }
  }
}

source "null" "plugins" {
  communicator = "none"
}

build {
  sources = ["source.null.plugins"]
}
