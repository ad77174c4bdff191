variable "builder_host" {
  default = "127.0.0.1"
}

source "null" "template" {
  communicator = "none"
}

build {
  # The same source three times, under different names.
  source "source.null.template" {
    name = "first"
  }

  source "source.null.template" {
    name = "second"
  }

  source "null.template" {
    name = "third"
  }

  provisioner "shell-local" {
    inline = ["echo ${source.name}"]
  }
}
