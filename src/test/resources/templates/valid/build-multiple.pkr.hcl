source "null" "web" {
  communicator = "none"
}

source "null" "worker" {
  communicator = "none"
}

build {
  name    = "frontend"
  sources = ["source.null.web"]

  provisioner "shell-local" {
    inline = ["echo frontend ${source.name}"]
  }
}

build {
  name    = "backend"
  sources = ["source.null.web", "source.null.worker"]

  provisioner "shell-local" {
    inline = ["echo backend ${source.name}"]
  }

  post-processor "manifest" {
    output = "backend-manifest.json"
  }
}
