# Values come from PKR_VAR_* (see env-vars.env); a string needs no quotes,
# other types are read as HCL expressions.
variable "region" {
  type = string
}

variable "count" {
  type    = number
  default = 1
}

variable "zones" {
  type    = list(string)
  default = []
}

variable "not_in_env" {
  default = "kept"
}

source "null" "env" {
  communicator = "none"
}

build {
  sources = ["source.null.env"]

  provisioner "shell-local" {
    inline = ["echo ${var.region} ${var.count} ${join(",", var.zones)} ${var.not_in_env}"]
  }
}
