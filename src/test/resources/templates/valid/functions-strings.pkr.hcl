variable "name" {
  default = "  My Web App  "
}

locals {
  trimmed  = trimspace(var.name)
  slug     = lower(replace(local.trimmed, " ", "-"))
  title    = title(lower(local.trimmed))
  shout    = upper(local.slug)
  padded   = format("%-12s|", local.slug)
  numbered = formatlist("%02d-%s", [1, 2, 3], ["a", "b", "c"])
  parts    = split("-", local.slug)
  rejoined = join("_", local.parts)
  reversed = strrev(local.slug)
  prefix   = trimprefix(local.slug, "my-")
  suffix   = trimsuffix(local.slug, "-app")
  cleaned  = regex_replace(local.slug, "[aeiou]", "")
  chomped  = chomp("line\n")
  indented = indent(2, "a\nb")
  first3   = substr(local.slug, 0, 3)
}

source "null" "strings" {
  communicator = "none"
}

build {
  sources = ["source.null.strings"]

  provisioner "shell-local" {
    inline = [
      "echo ${local.slug} ${local.title} ${local.shout}",
      "echo '${local.padded}' ${join(",", local.numbered)}",
      "echo ${local.rejoined} ${local.reversed} ${local.prefix} ${local.suffix}",
      "echo ${local.cleaned} ${local.chomped} ${local.first3}",
    ]
  }
}
