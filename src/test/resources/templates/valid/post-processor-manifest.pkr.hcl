variable "version" {
  default = "2.3.0"
}

source "null" "release" {
  communicator = "none"
}

build {
  sources = ["source.null.release"]

  post-processor "manifest" {
    output     = "manifest-${var.version}.json"
    strip_path = true
    custom_data = {
      version = var.version
      source  = source.name
      commit  = "abc1234"
    }
  }
}
