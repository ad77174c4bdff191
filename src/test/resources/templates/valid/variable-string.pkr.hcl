variable "image_name" {
  type        = string
  default     = "base-image"
  description = "Name given to the image in the manifest."
}

variable "greeting" {
  type    = string
  default = <<-EOT
    Hello from ${"Ingot"}
  EOT
}

source "null" "app" {
  communicator = "none"
}

build {
  sources = ["source.null.app"]

  provisioner "shell-local" {
    inline = ["echo building ${var.image_name}", "echo '${trimspace(var.greeting)}'"]
  }
}
