a = <<EOF
x
