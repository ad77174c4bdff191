variable "base" {
  default = "web"
}

variable "name" {
  default = "${var.base}-server"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
