variable "memory_gib" {
  type    = number
  default = 1.5
}

locals {
  memory_mib = var.memory_gib * 1024
  big        = 9007199254740993
  negative   = -42
  exp        = 1.5e3
  power      = pow(2, 10)
  logarithm  = floor(log(1024, 2))
  sign       = signum(-5)
  compare    = 3 >= 2 && 1 < 2 || false
  equal      = 1 == 1.0
  text_num   = "10" + 5
}

source "null" "math" {
  communicator = "none"
}

build {
  sources = ["source.null.math"]

  provisioner "shell-local" {
    inline = [
      "echo ${local.memory_mib} ${local.big} ${local.negative} ${local.exp}",
      "echo ${local.power} ${local.logarithm} ${local.sign} ${local.compare} ${local.equal} ${local.text_num}",
    ]
  }
}
