variable "region" {
  type = string
}

variable "size" {
  type    = string
  default = "small"
}

variable "owner" {
  type    = string
  default = "nobody"
}

source "null" "auto" {
  communicator = "none"
}

build {
  sources = ["source.null.auto"]

  provisioner "shell-local" {
    inline = ["echo ${var.region} ${var.size} ${var.owner}"]
  }
}
