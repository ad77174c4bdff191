variable "image_version" {
  type        = string
  default     = "1.4.2"
  description = "Semantic version of the image."

  validation {
    condition     = regex_replace(var.image_version, "^[0-9]+\\.[0-9]+\\.[0-9]+$", "") == ""
    error_message = "The image_version must look like 1.2.3."
  }
}

variable "cpus" {
  type    = number
  default = 2

  validation {
    condition     = var.cpus >= 1
    error_message = "At least one CPU is needed."
  }

  validation {
    condition     = var.cpus <= 64
    error_message = "No more than 64 CPUs are supported."
  }
}

variable "flavour" {
  type    = string
  default = "minimal"

  validation {
    condition     = contains(["minimal", "standard", "full"], var.flavour)
    error_message = "The flavour must be one of minimal, standard or full."
  }
}

source "null" "validated" {
  communicator = "none"
}

build {
  sources = ["source.null.validated"]

  provisioner "shell-local" {
    inline = ["echo ${var.flavour} ${var.image_version} on ${var.cpus} cpus"]
  }
}
