# Ingot only: one chain, each post-processor getting the artifact of the one before.
source "debian" "artifact" {
  suite    = "bookworm"
  variant  = "distroless"
  packages = ["ca-certificates", "tzdata"]
}

build {
  sources = ["source.debian.artifact"]

  post-processors {
    post-processor "container" {
      image_name = "artifact"
      tag        = "1.0"
    }
    post-processor "compress" {
      output              = "output/{{.BuildName}}.tar.gz"
      compression_level   = 6
      keep_input_artifact = true
    }
    post-processor "checksum" {
      checksum_types = ["sha256", "sha512"]
      output         = "output/{{.BuildName}}.{{.ChecksumType}}"
    }
    post-processor "manifest" {
      output = "output/manifest.json"
    }
  }
}
