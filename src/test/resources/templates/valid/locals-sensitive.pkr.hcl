variable "db_password" {
  type      = string
  sensitive = true
  default   = "s3cr3t-pa55"
}

variable "db_host" {
  default = "db.internal"
}

locals {
  # Computed from a sensitive variable, so it is sensitive as well.
  dsn     = "postgres://app:${var.db_password}@${var.db_host}:5432/app"
  db_port = 5432
}

source "null" "db" {
  communicator = "none"
}

build {
  sources = ["source.null.db"]

  provisioner "shell-local" {
    environment_vars = ["DATABASE_URL=${local.dsn}", "DB_PORT=${local.db_port}"]
    inline           = ["test -n \"$DATABASE_URL\""]
  }
}
