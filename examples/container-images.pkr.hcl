# A distroless Debian base image and an application image built on top of it, without a Docker
# daemon. Digests only change when the content does (SOURCE_DATE_EPOCH, sorted entries, numeric
# owners, deterministic gzip).
#
#   ingot build -only='base.*' examples/container-images.pkr.hcl   # base: layout + archive (+ push)
#   ingot build -only='app.*'  examples/container-images.pkr.hcl   # app: base layers + one layer
#
# In that order: app starts from the layout base writes, so a build of both at once has none yet.
#
# Pushing needs a registry: set -var registry=host:port (credentials come from
# REGISTRY_AUTH_FILE or ~/.docker/config.json, never from this file). With the default
# (a registry on loopback, plain HTTP) start one with `docker-registry serve config.yml`.

variable "registry" {
  type    = string
  default = "127.0.0.1:5000"
}

source "debian" "distroless" {
  suite    = "bookworm"
  variant  = "distroless"
  packages = ["base-files", "netbase", "tzdata", "ca-certificates", "libc6", "libssl3"]
}

source "oci" "app" {
  # The base build's layout, where output_directory put it: relative to the working directory,
  # as outputs are (a plain relative path here is the template's directory). A registry
  # reference works too: "${var.registry}/base/debian:12".
  base    = "oci-layout:${path.cwd}/output/base/oci:12"
  changes = ["ENV APP_HOME=/srv/app", "WORKDIR /srv/app", "LABEL org.example.role=app"]
}

build {
  name    = "base"
  sources = ["source.debian.distroless"]

  post-processors {
    post-processor "container" {
      user = "65532:65532"
      env  = { SSL_CERT_FILE = "/etc/ssl/certs/ca-certificates.crt" }
      # libc in its own layer: every image of this family shares it.
      layering         = [["libc6", "libgcc-s1", "gcc-*-base"], ["libssl3", "openssl"]]
      formats          = ["oci", "oci-archive", "docker-archive"]
      tag              = "12"
      output_directory = "output/base"
      annotations = {
        "org.opencontainers.image.title"       = "distroless-debian"
        "org.opencontainers.image.description" = "Minimal Debian 12 base: libc, libssl, CA certificates, tzdata"
        "org.opencontainers.image.licenses"    = "various (see /usr/share/doc)"
        "org.opencontainers.image.vendor"      = "example"
      }
    }
    # To publish, add (and run with -var registry=host:port):
    # post-processor "oci-push" {
    #   repository = "${var.registry}/base/debian"
    #   tags       = ["12"]
    #   insecure   = true   # plain HTTP, loopback registries only
    # }
  }
}

build {
  name    = "app"
  sources = ["source.oci.app"]

  # A distroless base has no shell: the file provisioner writes into the chroot directly.
  provisioner "file" {
    content     = "{\"greeting\": \"hello\"}\n"
    destination = "/srv/app/config.json"
  }

  post-processors {
    post-processor "container" {
      cmd              = ["/srv/app/server", "--config", "/srv/app/config.json"]
      ports            = ["8080/tcp"]
      tag              = "1.0"
      output_directory = "output/app"
      annotations = {
        "org.opencontainers.image.version" = "1.0"
        "org.opencontainers.image.title"   = "example-app"
      }
    }
  }
}
