source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  provisioner "shell-local" {
    timeout = "10 minutes"
    inline  = ["echo hi"]
  }
}
