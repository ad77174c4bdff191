variable "greeting" {
  default = "Grüße, 世界! \u00e9\t\"quoted\" \\ backslash"
}

locals {
  emoji  = "🚀 launch"
  length = length(local.emoji)
  upper  = upper("straße")
}

source "null" "unicode" {
  communicator = "none"
}

build {
  sources = ["source.null.unicode"]

  provisioner "shell-local" {
    inline = ["echo '${var.greeting}' ${local.emoji} ${local.length} ${local.upper}"]
  }
}
