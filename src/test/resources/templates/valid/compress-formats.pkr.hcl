# Ingot only: the same container image archived three ways.
source "debian" "archive" {
  suite    = "bookworm"
  packages = ["tzdata"]
}

build {
  sources = ["source.debian.archive"]

  post-processors {
    post-processor "container" {
      image_name = "archive"
    }
    post-processor "compress" {
      name   = "targz"
      output = "out/{{.BuildName}}.tar.gz"
    }
  }

  post-processors {
    post-processor "container" {
      image_name = "archive"
    }
    post-processor "compress" {
      name              = "zip"
      output            = "out/{{.BuildName}}.zip"
      compression_level = 9
    }
  }

  post-processors {
    post-processor "container" {
      image_name = "archive"
    }
    post-processor "compress" {
      name   = "plain-tar"
      output = "out/{{.BuildName}}.tar"
    }
  }
}
