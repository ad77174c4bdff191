variable "zones" {
  type    = list(string)
  default = []
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
