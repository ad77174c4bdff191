source "null" "web" {
  communicator = "none"
}

build {
  sources = ["source.null.web"]
}

build {
  sources = ["source.null.web"]

  provisioner "shell-local" {
    inline = ["echo again"]
  }
}
