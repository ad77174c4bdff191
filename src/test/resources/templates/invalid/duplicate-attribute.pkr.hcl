source "null" "a" {
  communicator = "none"
  communicator = "ssh"
}

build {
  sources = ["source.null.a"]
}
