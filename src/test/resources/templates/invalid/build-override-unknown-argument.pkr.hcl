source "null" "web" {
  communicator = "none"
}

build {
  source "source.null.web" {
    nmae = "frontend"
  }
}
