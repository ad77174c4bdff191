# Ingot only: a lone post-processor and two chains; each starts from the build's artifact.
source "debian" "image" {
  suite    = "bookworm"
  packages = ["ca-certificates"]
}

build {
  sources = ["source.debian.image"]

  post-processor "manifest" {
    name   = "early-manifest"
    output = "early.json"
  }

  post-processors {
    post-processor "container" {
      image_name = "image"
    }
    post-processor "checksum" {
      checksum_types = ["md5"]
    }
  }

  post-processors {
    post-processor "container" {
      image_name = "image"
    }
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
