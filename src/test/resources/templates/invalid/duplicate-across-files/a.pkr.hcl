variable "version" {
  default = "1.0"
}

source "null" "a" {
  communicator = "none"
}
