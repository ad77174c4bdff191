variable "settings" {
  default = {
    listen  = "0.0.0.0:8080"
    workers = 4
  }
}

locals {
  settings_json = jsonencode(var.settings)
  settings_yaml = yamlencode(var.settings)
  decoded       = jsondecode("{\"a\": [1, 2]}")
  b64           = base64encode("hello")
  plain         = base64decode(local.b64)
  digest        = sha256("hello")
  short_md5     = substr(md5("hello"), 0, 8)
  query         = urlencode("a b&c")
  csv           = csvdecode("name,size\nroot,10\nhome,20\n")
  number        = parseint("ff", 16)
  rounded       = ceil(1.2) + floor(1.8) + abs(-3)
}

source "null" "encoding" {
  communicator = "none"
}

build {
  sources = ["source.null.encoding"]

  provisioner "shell-local" {
    inline = [
      "echo '${local.settings_json}'",
      "echo ${length(local.decoded.a)} ${local.plain} ${local.short_md5}",
      "echo ${local.query} ${local.csv[1].name} ${local.number} ${local.rounded}",
    ]
  }
}
