source "nul" "a" {
  communicator = "none"
}

build {
  sources = ["source.nul.a"]
}
