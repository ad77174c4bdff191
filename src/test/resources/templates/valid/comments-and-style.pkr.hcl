/*
 * Block comments, line comments of both kinds, odd spacing and
 * trailing commas are all fine.
 */

// The source.
source "null" "style" { # inline comment
  communicator   =   "none"
}

build {
  sources = [
    "source.null.style", // trailing comma below
  ]

  provisioner "shell-local" {
    inline = [
      "echo one",   # first
      "echo two",   /* second */
    ]
    environment_vars = ["A=1",
    "B=2"]
  }
}
