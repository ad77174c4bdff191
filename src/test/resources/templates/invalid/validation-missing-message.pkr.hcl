variable "name" {
  default = "web"

  validation {
    condition = length(var.name) > 2
  }
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
