source "null" "broken" {
  communicator = "none"

build {
  sources = ["source.null.broken"]
}
