variable "disk_size" {
  type    = number
  default = 512

  validation {
    condition     = var.disk_size >= 1024
    error_message = "The disk must be at least 1024 MiB."
  }
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
