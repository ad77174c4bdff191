source "null" "amd64" {
  communicator = "none"
}

source "null" "arm64" {
  communicator = "none"
}

source "null" "riscv" {
  communicator = "none"
}

build {
  sources = [
    "source.null.amd64",
    "source.null.arm64",
    "source.null.riscv",
  ]

  provisioner "shell-local" {
    inline = ["echo building for ${source.name}"]
  }
}
