variable "license_key" {
  type      = string
  sensitive = true
  default   = "LIC-0000-1111-2222"
}

variable "customer" {
  default = "acme"
}

source "null" "licensed" {
  communicator = "none"
}

build {
  sources = ["source.null.licensed"]

  post-processor "manifest" {
    output = "licensed-manifest.json"
    custom_data = {
      customer = var.customer
      license  = var.license_key
    }
  }
}
