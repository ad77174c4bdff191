source "null" "a" {
  communicator = "none"
}

biuld {
  sources = ["source.null.a"]
}
