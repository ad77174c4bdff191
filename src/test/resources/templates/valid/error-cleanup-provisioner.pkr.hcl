source "null" "risky" {
  communicator = "none"
}

build {
  sources = ["source.null.risky"]

  provisioner "shell-local" {
    inline = ["echo doing work"]
  }

  # Runs only when a provisioner above fails.
  error-cleanup-provisioner "shell-local" {
    inline = ["echo cleaning up after ${source.name}"]
  }
}
