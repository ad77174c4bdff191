variable "ssh_key" {
  type        = string
  description = "Has no default and is not set."
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
