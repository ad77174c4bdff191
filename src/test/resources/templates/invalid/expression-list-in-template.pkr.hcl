variable "packages" {
  default = ["curl", "git"]
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  provisioner "shell-local" {
    inline = ["apt-get install ${var.packages}"]
  }
}
