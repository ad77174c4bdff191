variable "motd" {
  default = "Managed by Ingot"
}

locals {
  banner = <<EOT
#############################
# ${var.motd}
#############################
EOT

  script = <<-SCRIPT
    set -eu
    echo "${var.motd}" > /tmp/motd
    cat /tmp/motd
  SCRIPT
}

source "null" "heredoc" {
  communicator = "none"
}

build {
  sources = ["source.null.heredoc"]

  provisioner "shell-local" {
    inline = [local.script]
  }

  provisioner "shell-local" {
    inline = [
      <<-EOF
      printf '%s\n' "${trimspace(local.banner)}"
      EOF
    ]
  }
}
