# NAME: a starter template written by `ingot init`.
#
#   ingot validate NAME.pkr.hcl    check it
#   ingot inspect NAME.pkr.hcl     see its variables, sources and builds
#   ingot build NAME.pkr.hcl       run it
#
# Change a variable with -var 'greeting=Hi', a -var-file, or PKR_VAR_greeting.

packer {
  required_version = ">= 1.7.0"
}

variable "greeting" {
  type        = string
  default     = "Hello from Ingot"
  description = "What the build says."

  validation {
    condition     = length(var.greeting) > 0
    error_message = "The greeting must not be empty."
  }
}

locals {
  output_dir = "output/NAME"
}

# The null source makes no artifact: a place to try provisioners and post-processors.
source "null" "NAME" {
  communicator = "none"
}

build {
  name    = "NAME"
  sources = ["source.null.NAME"]

  provisioner "shell-local" {
    inline = ["echo '${var.greeting} (${build.name}, ${source.type}.${source.name})'"]
  }

  post-processor "manifest" {
    output = "${local.output_dir}/packer-manifest.json"
  }
}
