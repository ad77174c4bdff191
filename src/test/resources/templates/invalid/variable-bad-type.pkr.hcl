variable "name" {
  type    = strin
  default = "web"
}

variable "ports" {
  type = list(numbr)
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
