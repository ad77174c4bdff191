source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  post-processor "compress" {
    keep_input_artifact = "definitely"
  }
}
