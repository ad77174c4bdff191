# Valid, but validate warns: a password written in the template ends up in version control.
variable "ssh_password" {
  type      = string
  sensitive = true
  default   = ""
}

source "null" "literal" {
  communicator = "none"
  ssh_password = "written-in-the-template"
}

source "null" "from-variable" {
  communicator = "none"
  ssh_password = var.ssh_password
}

build {
  sources = ["source.null.literal", "source.null.from-variable"]
}
