variable "steps" {
  default = {
    update  = "echo apt-get update"
    install = "echo apt-get install -y nginx"
    clean   = "echo apt-get clean"
  }
}

source "null" "dyn" {
  communicator = "none"
}

build {
  sources = ["source.null.dyn"]

  # One provisioner per entry of var.steps, in key order.
  dynamic "provisioner" {
    for_each = var.steps
    labels   = ["shell-local"]
    content {
      inline = [provisioner.value]
    }
  }

  dynamic "provisioner" {
    for_each = ["first", "second"]
    iterator = step
    labels   = ["shell-local"]
    content {
      inline = ["echo step ${step.key}: ${step.value}"]
    }
  }
}
