variable {
  default = "no name"
}

variable "a" "b" {
  default = "two names"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
