# "any" as a type constraint (Terraform style): the value keeps the type it is given.
variable "extra" {
  type        = any
  default     = { tags = ["a", "b"], count = 2 }
  description = "Free-form settings passed through to the scripts."
}

variable "items" {
  type    = list(any)
  default = [1, 2, 3]
}

source "null" "any" {
  communicator = "none"
}

build {
  sources = ["source.null.any"]

  provisioner "shell-local" {
    inline = ["echo ${join(",", var.extra.tags)} ${var.extra.count} ${length(var.items)}"]
  }
}
