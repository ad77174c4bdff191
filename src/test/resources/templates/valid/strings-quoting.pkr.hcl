locals {
  single_quotes = "it's fine"
  json_snippet  = "{\"key\": \"value\"}"
  dollar        = "costs $5"
  percent       = "100%"
  multiline     = "line one\nline two"
  nested_interp = "outer ${"inner ${upper("x")}"}"
  template_lit  = "{{.BuildName}} stays as text"
}

source "null" "quotes" {
  communicator = "none"
}

build {
  sources = ["source.null.quotes"]

  provisioner "shell-local" {
    inline = [
      "echo \"${local.single_quotes}\" '${local.json_snippet}'",
      "echo '${local.dollar}' '${local.percent}' '${local.nested_interp}' '${local.template_lit}'",
    ]
  }
}
