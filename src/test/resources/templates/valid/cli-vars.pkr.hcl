variable "image_name" {
  type = string
}

variable "cpus" {
  type    = number
  default = 1
}

variable "debug" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "packages" {
  type    = list(string)
  default = ["base"]
}

source "null" "cli" {
  communicator = "none"
}

build {
  sources = ["source.null.cli"]

  provisioner "shell-local" {
    inline = [
      "echo ${var.image_name} cpus=${var.cpus} debug=${var.debug}",
      "echo ${join(",", keys(var.tags))} ${join(" ", var.packages)}",
    ]
  }
}
