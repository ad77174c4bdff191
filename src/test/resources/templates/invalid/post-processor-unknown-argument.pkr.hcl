source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  post-processor "checksum" {
    checksum_type = ["sha256"]
  }
}
