# A realistic pipeline: versioned application image, several flavours,
# per-flavour steps, and a release chain.
packer {
  required_version = ">= 1.6.0"
}

variable "app" {
  type = object({
    name    = string
    version = string
    port    = number
  })
  default = {
    name    = "orders"
    version = "3.2.1"
    port    = 8080
  }
}

variable "release" {
  type    = bool
  default = false
}

variable "signing_key" {
  type      = string
  sensitive = true
  default   = "-----PLACEHOLDER KEY-----"
}

locals {
  image_tag     = "${var.app.name}:${var.app.version}"
  channel       = var.release ? "stable" : "nightly"
  debug_tools   = ["strace", "gdb", "curl"]
  healthcheck   = "curl -fsS http://localhost:${var.app.port}/health"
  output_prefix = "output/${var.app.name}-${var.app.version}"
}

source "null" "slim" {
  communicator = "none"
}

source "null" "debug" {
  communicator = "none"
}

build {
  name        = "orders"
  description = "Builds the orders image in every flavour."

  sources = ["source.null.slim", "source.null.debug"]

  provisioner "shell-local" {
    inline = [
      "echo installing ${local.image_tag} (${source.name})",
      "echo exposing port ${var.app.port}",
    ]
  }

  provisioner "shell-local" {
    only   = ["null.debug"]
    inline = [for t in local.debug_tools : "echo adding ${t}"]
  }

  provisioner "shell-local" {
    environment_vars = ["SIGNING_KEY=${var.signing_key}"]
    max_retries      = 2
    inline           = ["echo signing with a key of ${length(var.signing_key)} characters"]
  }

  provisioner "shell-local" {
    pause_before = "5s"
    timeout      = "2m"
    inline       = ["echo ${local.healthcheck}"]
  }

  post-processors {
    post-processor "shell-local" {
      inline = ["echo packaging ${local.output_prefix}-${source.name}"]
    }
    post-processor "manifest" {
      output = "${local.output_prefix}-manifest.json"
      custom_data = {
        channel = local.channel
        flavour = source.name
      }
    }
  }
}
