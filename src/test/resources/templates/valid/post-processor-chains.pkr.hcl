source "null" "image" {
  communicator = "none"
}

build {
  sources = ["source.null.image"]

  # Two independent post-processors and a chain: each starts from the build's artifact.
  post-processor "manifest" {
    name   = "early-manifest"
    output = "early.json"
  }

  post-processor "checksum" {
    checksum_types = ["md5"]
  }

  post-processors {
    post-processor "compress" {
      name   = "archive"
      format = "tar.gz"
      output = "image.tar.gz"
    }
    post-processor "manifest" {
      name   = "final-manifest"
      output = "final.json"
    }
  }
}
