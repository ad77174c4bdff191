variable "name" {
  type    = string
  default = "web"

  validation {
    condition     = length(var.name) > 0
    error_message = "name must not be empty"
  }
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
