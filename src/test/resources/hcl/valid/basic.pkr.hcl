# A typical Packer template.
packer {
  required_version = ">= 1.6.0"
}

variable "image_name" {
  type    = string
  default = "debian-12"
}

variable "sizes" {
  type = list(number)
  default = [1, 2,
    3]
}

locals {
  timestamp = regex_replace(timestamp(), "[- TZ:]", "")
  name      = "${var.image_name}-${local.timestamp}"
  tags = {
    owner = "ops"
    "cost-center": 42
    (var.image_name) = true
  }
}

source "null" "example" {
  communicator = "none"
}

build {
  name    = "example"
  sources = ["source.null.example"]

  provisioner "shell-local" {
    inline = ["echo hello ${local.name}", "echo done"]
  }

  post-processor "manifest" {}
}
