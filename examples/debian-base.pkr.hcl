# A distroless Debian base image, written as an OCI image layout on local disk: no server, no
# Docker daemon, no root. Packages come from the mirrors, suites and keys of this machine's own apt
# configuration (/etc/apt/sources.list, /etc/apt/sources.list.d/*.sources), signature-checked.
#
#   ./ingot build examples/debian-base.pkr.hcl
#   skopeo inspect oci:output/debian-base/oci:latest      # or: umoci ls --layout output/debian-base/oci
#
# Run it again with -force to rebuild (packages come from the cache then). With the same packages
# and SOURCE_DATE_EPOCH the image digest stays the same.

variable "packages" {
  type        = list(string)
  default     = ["base-files", "netbase", "tzdata", "libc6"]
  description = "Packages of the image (their dependencies come along)."
}

# No suite or mirror named: the host's apt sources decide (Debian 12 on a Debian 12 machine).
source "debian" "base" {
  variant  = "distroless"
  packages = var.packages
}

build {
  name    = "debian-base"
  sources = ["source.debian.base"]

  post-processors {
    post-processor "container" {
      user = "65532:65532"
      tag  = "latest"
      annotations = {
        "org.opencontainers.image.title" = "debian-base"
      }
    }
    post-processor "manifest" {
      output = "output/packer-manifest.json"
    }
  }
}
