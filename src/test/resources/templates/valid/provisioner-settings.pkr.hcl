source "null" "flaky" {
  communicator = "none"
}

build {
  sources = ["source.null.flaky"]

  provisioner "shell-local" {
    pause_before = "2s"
    max_retries  = 3
    timeout      = "5m"
    inline       = ["echo may need a retry"]
  }

  provisioner "shell-local" {
    pause_before = "1m30s"
    timeout      = "1h"
    inline       = ["echo slow step"]
  }

  provisioner "shell-local" {
    max_retries = 0
    inline      = ["echo once"]
  }
}
