source "null" "web" {
  communicator = "none"
}

build {
  source "source.null.db" {
    name = "database"
  }
}
