variable "environment" {
  type = string
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "features" {
  type    = list(string)
  default = []
}

source "null" "vf" {
  communicator = "none"
}

build {
  sources = ["source.null.vf"]

  provisioner "shell-local" {
    inline = ["echo ${var.environment} x${var.instance_count}: ${join(",", var.features)}"]
  }
}
