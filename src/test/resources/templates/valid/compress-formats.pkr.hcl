source "null" "archive" {
  communicator = "none"
}

build {
  sources = ["source.null.archive"]

  post-processor "compress" {
    name   = "targz"
    output = "out/{{.BuildName}}.tar.gz"
  }

  post-processor "compress" {
    name              = "zip"
    output            = "out/{{.BuildName}}.zip"
    compression_level = 9
  }

  post-processor "compress" {
    name   = "plain-tar"
    output = "out/{{.BuildName}}.tar"
  }
}
