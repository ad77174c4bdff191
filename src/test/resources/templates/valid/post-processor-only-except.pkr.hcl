source "null" "dev" {
  communicator = "none"
}

source "null" "prod" {
  communicator = "none"
}

build {
  sources = ["source.null.dev", "source.null.prod"]

  post-processor "shell-local" {
    only   = ["null.prod"]
    inline = ["echo release ${source.name}"]
  }

  post-processor "manifest" {
    except = ["null.dev"]
    output = "prod-manifest.json"
  }

  post-processor "shell-local" {
    name   = "notify"
    inline = ["echo finished ${source.name}"]
  }
}
