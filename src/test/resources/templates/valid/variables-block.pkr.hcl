# The older "variables" block: each attribute declares a variable with its default.
variables {
  owner     = "platform-team"
  retention = 30
  channels  = ["stable", "beta"]
}

source "null" "legacy" {
  communicator = "none"
}

build {
  sources = ["source.null.legacy"]

  provisioner "shell-local" {
    inline = ["echo ${var.owner} keeps images ${var.retention} days on ${join("/", var.channels)}"]
  }
}
