variable "debug" {
  type    = bool
  default = false
}

variable "tags" {
  type    = list(string)
  default = []
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
