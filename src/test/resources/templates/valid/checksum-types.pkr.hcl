# Ingot only: a distroless root filesystem made into a container image, then checksummed.
variable "checksum_types" {
  type    = list(string)
  default = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
}

source "debian" "sums" {
  suite    = "bookworm"
  packages = ["ca-certificates"]
}

build {
  sources = ["source.debian.sums"]

  post-processors {
    post-processor "container" {
      image_name = "sums"
    }
    post-processor "checksum" {
      checksum_types      = var.checksum_types
      output              = "sums/{{.BuildName}}_{{.ChecksumType}}.checksum"
      keep_input_artifact = true
    }
  }
}
