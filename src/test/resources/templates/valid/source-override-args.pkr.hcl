# A build-level source block fills in fields the top-level source leaves unset.
source "null" "partial" {
  ssh_username = "builder"
}

build {
  source "source.null.partial" {
    name         = "remote"
    communicator = "none"
    ssh_host     = "127.0.0.1"
  }

  source "source.null.partial" {
    name         = "local"
    communicator = "none"
  }

  provisioner "shell-local" {
    only   = ["null.local"]
    inline = ["echo local build"]
  }
}
