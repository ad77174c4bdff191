short = 1
heredoc = <<EOF
  keep   this ${ var.x }
	tabs too
EOF
flush   =   <<-EOT
    indented
  EOT
after = 2
nested {
  script = <<-SH
    echo "${var.y}"
  SH
  z = 3
}
e = f(<<EOF
  x ${y}
EOF
)
g = [
  <<EOF
hi
EOF
  , 2]
