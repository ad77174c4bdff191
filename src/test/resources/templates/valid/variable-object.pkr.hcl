variable "user" {
  type = object({
    name   = string
    uid    = number
    groups = list(string)
    shell  = string
  })
  default = {
    name   = "deploy"
    uid    = 1001
    groups = ["sudo", "adm"]
    shell  = "/bin/bash"
  }
}

variable "mounts" {
  type = list(object({
    path = string
    size = number
  }))
  default = [
    { path = "/var", size = 2048 },
    { path = "/home", size = 1024 },
  ]
}

source "null" "users" {
  communicator = "none"
}

build {
  sources = ["source.null.users"]

  provisioner "shell-local" {
    inline = concat(
      ["echo user ${var.user.name} (${var.user.uid}) in ${join(",", var.user.groups)}"],
      [for m in var.mounts : "echo mount ${m.path} ${m.size}MiB"],
    )
  }
}
