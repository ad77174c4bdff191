variable "environments" {
  type = map(object({
    replicas = number
    regions  = list(string)
    labels   = map(string)
  }))
  default = {
    dev = {
      replicas = 1
      regions  = ["eu-west-1"]
      labels   = { tier = "dev" }
    }
    prod = {
      replicas = 3
      regions  = ["eu-west-1", "us-east-1"]
      labels   = { tier = "prod", pager = "yes" }
    }
  }
}

locals {
  all_regions    = distinct(flatten([for e in values(var.environments) : e.regions]))
  total_replicas = length(keys(var.environments))
}

source "null" "envs" {
  communicator = "none"
}

build {
  sources = ["source.null.envs"]

  provisioner "shell-local" {
    inline = [for name, e in var.environments : "echo ${name}: ${e.replicas} in ${join(",", e.regions)}"]
  }

  provisioner "shell-local" {
    inline = ["echo ${join(" ", local.all_regions)}"]
  }
}
