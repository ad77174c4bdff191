plain    = "hello"
escapes  = "tab\tnewline\nquote\"backslash\\ unicode\u00e9 \U0001F600"
interp   = "a ${var.b} c"
only     = "${var.b}"
dollar   = "$${not} %%{not}"
if       = "%{if var.x}yes%{else}no%{endif}"
strip    = "a %{~ if true ~} b %{~ endif ~} c"
for      = "%{for i, v in var.list}${i}=${v},%{endfor}"
nested   = "${"inner ${var.x}"}"
empty    = ""
heredoc  = <<EOF
line one ${var.x}
  line two
EOF
flush = <<-EOT
    indented ${var.y}
      more
    done
  EOT
after = 1
