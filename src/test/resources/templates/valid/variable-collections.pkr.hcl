variable "packages" {
  type    = list(string)
  default = ["curl", "ca-certificates", "tzdata"]
}

variable "labels" {
  type = map(string)
  default = {
    team    = "platform"
    purpose = "base"
  }
}

variable "ports" {
  type    = set(number)
  default = [22, 80, 443, 80]
}

variable "pair" {
  type    = tuple([string, number])
  default = ["web", 8080]
}

source "null" "collections" {
  communicator = "none"
}

build {
  sources = ["source.null.collections"]

  provisioner "shell-local" {
    inline = [
      "echo packages: ${join(" ", var.packages)}",
      "echo team: ${var.labels["team"]} purpose: ${var.labels.purpose}",
      "echo ${length(var.ports)} distinct ports",
      "echo ${var.pair[0]} listens on ${var.pair[1]}",
    ]
  }
}
