source "null" "web" {
  communicator = "none"
}

build {
  sources = ["source.null.wbe"]
}
