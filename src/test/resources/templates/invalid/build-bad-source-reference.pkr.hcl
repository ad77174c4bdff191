source "null" "a" {
  communicator = "none"
}

build {
  sources = ["null"]
}
