variable "name" {
  default = "web"
}

source "null" "a" {
  communicator = "none"
}

build {
  name    = var.name
  sources = ["source.null.a"]
}
