# The null source makes no files, so there is nothing to compress: Ingot says so before building.
source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  post-processor "compress" {
    output = "out.tar.gz"
  }
}
