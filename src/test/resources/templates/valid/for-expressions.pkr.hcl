variable "users" {
  default = {
    alice = { admin = true, shell = "/bin/zsh" }
    bob   = { admin = false, shell = "/bin/bash" }
    carol = { admin = true, shell = "/bin/bash" }
  }
}

variable "services" {
  default = ["nginx", "redis", "postgres"]
}

locals {
  admins        = [for name, u in var.users : name if u.admin]
  shells        = { for name, u in var.users : name => u.shell }
  by_shell      = { for name, u in var.users : u.shell => name... }
  unit_files    = [for s in var.services : "${s}.service"]
  indexed       = [for i, s in var.services : "${i}:${s}"]
  upper_map     = { for s in var.services : s => upper(s) }
  enable_cmds   = [for s in sort(var.services) : "systemctl enable ${s}" if s != "redis"]
  nested        = flatten([for s in var.services : [for n in [1, 2] : "${s}-${n}"]])
}

source "null" "loops" {
  communicator = "none"
}

build {
  sources = ["source.null.loops"]

  provisioner "shell-local" {
    inline = concat(
      ["echo admins: ${join(",", local.admins)}"],
      [for name, shell in local.shells : "echo ${name} uses ${shell}"],
      ["echo ${length(local.by_shell["/bin/bash"])} bash users"],
      ["echo ${join(" ", local.unit_files)} ${join(" ", local.indexed)}"],
      ["echo ${local.upper_map["nginx"]} ${length(local.nested)}"],
      [for c in local.enable_cmds : "echo ${c}"],
    )
  }
}
