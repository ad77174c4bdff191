source "null" "debian" {
  communicator = "none"
}

source "null" "ubuntu" {
  communicator = "none"
}

source "null" "alpine" {
  communicator = "none"
}

build {
  sources = ["source.null.debian", "source.null.ubuntu", "source.null.alpine"]

  provisioner "shell-local" {
    only   = ["null.debian", "null.ubuntu"]
    inline = ["echo apt-based: ${source.name}"]
  }

  provisioner "shell-local" {
    except = ["null.debian", "null.ubuntu"]
    inline = ["echo apk-based: ${source.name}"]
  }

  provisioner "shell-local" {
    inline = ["echo everyone: ${source.name}"]
  }
}
