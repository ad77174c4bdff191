# Several builds sharing sources, with renamed sources and per-build chains.
variable "version" {
  default = "5.0.0"
}

variable "regions" {
  type    = list(string)
  default = ["eu", "us"]
}

locals {
  stamp = "v${var.version}"
  regions_label = join("+", var.regions)
}

source "null" "linux" {
  communicator = "none"
}

source "null" "windows" {
  communicator = "none"
}

build {
  name    = "agents"
  sources = ["source.null.linux", "source.null.windows"]

  source "source.null.linux" {
    name = "linux-arm"
  }

  provisioner "shell-local" {
    inline = ["echo agent ${local.stamp} for ${source.name} in ${local.regions_label}"]
  }

  provisioner "shell-local" {
    except = ["null.windows"]
    inline = ["echo unix tweaks"]
  }

  post-processors {
    post-processor "shell-local" {
      inline = ["echo publishing agent-${source.name}-${local.stamp}"]
    }
    post-processor "manifest" {
      output = "dist/agent-${source.name}-${local.stamp}.json"
    }
  }
}

build {
  name    = "tools"
  sources = ["source.null.linux"]

  provisioner "shell-local" {
    inline = ["echo tools ${local.stamp}"]
  }

  post-processor "manifest" {
    output = "dist/tools-manifest.json"
    custom_data = {
      version = var.version
      regions = local.regions_label
    }
  }
}
