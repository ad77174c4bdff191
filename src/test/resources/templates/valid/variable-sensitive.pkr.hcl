variable "registry_password" {
  type        = string
  sensitive   = true
  default     = "not-a-real-password-1234"
  description = "Password for the registry; never printed."
}

variable "api_token" {
  type      = string
  sensitive = true
  default   = "tok-5f2c9a"
}

locals {
  # Derived from a sensitive value: masked as well.
  auth_header = "Bearer ${var.api_token}"
}

source "null" "secret" {
  communicator = "none"
}

build {
  sources = ["source.null.secret"]

  provisioner "shell-local" {
    environment_vars = [
      "REGISTRY_PASSWORD=${var.registry_password}",
      "AUTH_HEADER=${local.auth_header}",
    ]
    inline = ["test -n \"$REGISTRY_PASSWORD\"", "test -n \"$AUTH_HEADER\""]
  }
}
