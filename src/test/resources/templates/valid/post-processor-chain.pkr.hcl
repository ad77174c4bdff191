source "null" "artifact" {
  communicator = "none"
}

build {
  sources = ["source.null.artifact"]

  # One chain: each post-processor gets the artifact of the one before.
  post-processors {
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
