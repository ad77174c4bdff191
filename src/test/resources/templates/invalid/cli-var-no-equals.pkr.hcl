variable "region" {
  default = "eu-west-1"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
