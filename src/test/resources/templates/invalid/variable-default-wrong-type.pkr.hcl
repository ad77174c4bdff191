variable "ports" {
  type    = list(number)
  default = ["http", "https"]
}

variable "enabled" {
  type    = bool
  default = "yes"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
