variable "flavours" {
  default = ["a"]
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = [for f in var.flavours : "source.null.${f}"]
}
