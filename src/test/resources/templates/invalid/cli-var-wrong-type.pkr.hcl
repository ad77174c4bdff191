variable "cpus" {
  type    = number
  default = 2
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
