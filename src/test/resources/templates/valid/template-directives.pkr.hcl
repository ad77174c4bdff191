variable "hosts" {
  default = ["web1", "web2", "db1"]
}

variable "with_header" {
  type    = bool
  default = true
}

locals {
  hosts_file = <<-EOT
    %{ if var.with_header }# generated hosts
    %{ endif }%{ for i, h in var.hosts }10.0.0.${i + 10} ${h}
    %{ endfor }
  EOT

  inline_list = "%{ for h in var.hosts }${h};%{ endfor }"
  stripped    = "a %{~ if true ~} b %{~ endif ~} c"
  escaped     = "literal $${not_interpolated} and %%{not_a_directive}"
}

source "null" "directives" {
  communicator = "none"
}

build {
  sources = ["source.null.directives"]

  provisioner "shell-local" {
    inline = [
      "printf '%s' '${local.hosts_file}'",
      "echo '${local.inline_list}' '${local.stripped}' '${local.escaped}'",
    ]
  }
}
