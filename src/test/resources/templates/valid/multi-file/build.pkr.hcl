build {
  name    = "inventory"
  sources = ["source.null.app"]

  provisioner "shell-local" {
    inline = ["echo packaging ${local.artifact}"]
  }

  post-processor "manifest" {
    output = "${local.artifact}.json"
  }
}
