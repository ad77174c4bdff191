# The smallest useful template: one source, one build.
source "null" "example" {
  communicator = "none"
}

build {
  sources = ["source.null.example"]
}
