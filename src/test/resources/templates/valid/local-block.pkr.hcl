# The single "local" block, which can mark its value sensitive.
variable "vault_addr" {
  default = "https://vault.internal:8200"
}

local "vault_token" {
  expression = "hvs.${md5(var.vault_addr)}"
  sensitive  = true
}

local "login_url" {
  expression = "${var.vault_addr}/v1/auth"
}

source "null" "vault" {
  communicator = "none"
}

build {
  sources = ["source.null.vault"]

  provisioner "shell-local" {
    environment_vars = ["VAULT_TOKEN=${local.vault_token}"]
    inline           = ["echo logging in at ${local.login_url}"]
  }
}
