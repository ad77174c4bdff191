variable "name" {
  default = "web"

  validation {
    condition     = var.name
    error_message = "The name must be set."
  }
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
