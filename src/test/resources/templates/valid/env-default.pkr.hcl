# env() may be used in variable defaults, and only there.
variable "home" {
  type    = string
  default = env("HOME")
}

variable "ci_job" {
  default = env("INGOT_TEST_CI_JOB_THAT_IS_NOT_SET")
}

locals {
  job = var.ci_job == "" ? "local" : var.ci_job
}

source "null" "env" {
  communicator = "none"
}

build {
  sources = ["source.null.env"]

  provisioner "shell-local" {
    inline = ["echo home=${var.home} job=${local.job}"]
  }
}
