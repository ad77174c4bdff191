source "null" "remote" {
  communicator = "ssh"
  ssh_host     = "127.0.0.1"
  ssh_username = "builder"
  ssh_password = "placeholder"
}

build {
  sources = ["source.null.remote"]
}
