# The null source has no communicator in Ingot, so "shell" cannot run on it.
source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  provisioner "shell" {
    inline = ["echo on the target"]
  }
}
