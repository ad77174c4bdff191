source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  provisioner "shell-locl" {
    inline = ["echo hi"]
  }
}
