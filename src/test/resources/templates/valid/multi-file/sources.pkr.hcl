source "null" "app" {
  communicator = "none"
}
