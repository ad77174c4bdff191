source "null" "web" {
  communicator = "none"
}

source "null" "web" {
  communicator = "none"
}

build {
  sources = ["source.null.web"]
}
