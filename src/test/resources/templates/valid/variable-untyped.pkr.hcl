# Variables without a type take the type of their default.
variable "region" {
  default = "eu-west-1"
}

variable "replicas" {
  default = 3
}

variable "zones" {
  default = ["a", "b"]
}

variable "nested" {
  default = { values = [1, 2, 3] }
}

source "null" "untyped" {
  communicator = "none"
}

build {
  sources = ["source.null.untyped"]

  provisioner "shell-local" {
    inline = [
      "echo ${var.region} x${var.replicas}",
      "echo zones ${join(",", [for z in var.zones : "${var.region}${z}"])}",
      "echo ${length(var.nested.values)}",
    ]
  }
}
