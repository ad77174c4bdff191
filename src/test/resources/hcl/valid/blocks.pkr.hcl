block {}
block "a" {}
block a "b" {
  inner {
    deep = true
  }
}
one_line { x = 1 }
unicode_é = "ok"
comment = 1 // trailing comment
/* block comment */ after = 2
