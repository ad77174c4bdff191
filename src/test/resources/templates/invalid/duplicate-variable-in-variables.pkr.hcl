variable "owner" {
  default = "ops"
}

variables {
  owner  = "dev"
  region = "eu"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
