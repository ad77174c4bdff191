variable "count" {
  default = 3

  validation {
    condition     = true
    error_message = "This rule does not test the variable."
  }
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
