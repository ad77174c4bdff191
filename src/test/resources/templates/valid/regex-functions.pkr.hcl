variable "version" {
  type    = string
  default = "1.22.3"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.version))
    error_message = "The version must look like 1.2.3."
  }
}

locals {
  parts  = regex("^([0-9]+)\\.([0-9]+)\\.([0-9]+)$", var.version)
  major  = tonumber(local.parts[0])
  digits = regexall("[0-9]", var.version)
  label  = tostring(local.major)
}

source "null" "regex" {
  communicator = "none"
}

build {
  sources = ["source.null.regex"]

  provisioner "shell-local" {
    inline = ["echo major ${local.label} has ${length(local.digits)} digits"]
  }
}
