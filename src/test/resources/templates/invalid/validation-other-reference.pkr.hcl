variable "min" {
  default = 1
}

variable "count" {
  default = 3

  validation {
    condition     = var.count >= var.min
    error_message = "The count must not be below the minimum."
  }
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
