variable "known" {
  default = "x"
}

source "null" "vf" {
  communicator = "none"
}

build {
  sources = ["source.null.vf"]
}
