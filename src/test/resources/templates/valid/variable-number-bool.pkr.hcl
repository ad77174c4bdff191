variable "disk_size" {
  type        = number
  default     = 4096
  description = "Disk size in MiB."
}

variable "ratio" {
  type    = number
  default = 0.75
}

variable "headless" {
  type    = bool
  default = true
}

variable "debug" {
  type    = bool
  default = false
}

locals {
  usable_mib = floor(var.disk_size * var.ratio)
  mode       = var.headless ? "headless" : "gui"
}

source "null" "vm" {
  communicator = "none"
}

build {
  sources = ["source.null.vm"]

  provisioner "shell-local" {
    inline = [
      "echo usable=${local.usable_mib} mode=${local.mode}",
      "echo debug=${var.debug}",
    ]
  }
}
