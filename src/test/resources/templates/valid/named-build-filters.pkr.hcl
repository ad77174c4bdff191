# In a named build, provisioner only/except still name "type.name" of the source.
source "null" "base" {
  communicator = "none"
}

build {
  name = "platform"

  source "source.null.base" {
    name = "canary"
  }

  sources = ["source.null.base"]

  provisioner "shell-local" {
    only   = ["null.canary"]
    inline = ["echo canary only"]
  }

  provisioner "shell-local" {
    except = ["null.canary"]
    inline = ["echo not on canary: ${build.name}"]
  }

  post-processor "shell-local" {
    only   = ["null.base"]
    inline = ["echo post ${source.name}"]
  }
}
