variable "production" {
  type    = bool
  default = false
}

variable "disks" {
  default = [
    { name = "root", size = 10 },
    { name = "data", size = 100 },
  ]
}

locals {
  log_level  = var.production ? "warn" : "debug"
  replicas   = var.production ? 3 : 1
  disk_names = var.disks[*].name
  disk_sizes = var.disks.*.size
  total_size = local.disk_sizes[0] + local.disk_sizes[1]
  big_disks  = [for d in var.disks : d.name if d.size > 50]
  label      = var.production && local.replicas > 1 ? "ha" : (local.replicas == 1 ? "single" : "multi")
  safe_name  = try(var.disks[5].name, "none")
  has_third  = can(var.disks[2])
  negated    = !var.production
  modulo     = 17 % 5
  ratio      = local.total_size / 10
}

source "null" "cond" {
  communicator = "none"
}

build {
  sources = ["source.null.cond"]

  provisioner "shell-local" {
    inline = [
      "echo ${local.log_level} ${local.replicas} ${local.label}",
      "echo ${join(",", local.disk_names)} total=${local.total_size} ratio=${local.ratio}",
      "echo big=${join(",", local.big_disks)} ${local.safe_name} ${local.has_third} ${local.negated} ${local.modulo}",
    ]
  }
}
