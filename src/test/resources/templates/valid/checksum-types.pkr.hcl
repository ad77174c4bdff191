variable "checksum_types" {
  type    = list(string)
  default = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
}

source "null" "sums" {
  communicator = "none"
}

build {
  sources = ["source.null.sums"]

  post-processor "checksum" {
    checksum_types      = var.checksum_types
    output              = "sums/{{.BuildName}}_{{.ChecksumType}}.checksum"
    keep_input_artifact = true
  }
}
