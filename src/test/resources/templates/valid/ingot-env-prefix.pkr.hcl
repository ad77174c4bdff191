# INGOT_VAR_name works like PKR_VAR_name (see ingot-env-prefix.env).
variable "channel" {
  type = string
}

source "null" "env" {
  communicator = "none"
}

build {
  sources = ["source.null.env"]

  provisioner "shell-local" {
    inline = ["echo channel ${var.channel}"]
  }
}
