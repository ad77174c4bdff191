source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  post-processors {
    provisioner "shell-local" {
      inline = ["echo wrong place"]
    }
  }
}
