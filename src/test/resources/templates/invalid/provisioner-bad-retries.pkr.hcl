source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  provisioner "shell-local" {
    max_retries = "several"
    inline      = ["echo hi"]
  }
}
