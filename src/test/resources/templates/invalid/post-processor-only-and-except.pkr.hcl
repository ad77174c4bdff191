source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  post-processor "manifest" {
    only   = ["null.a"]
    except = ["null.a"]
  }
}
