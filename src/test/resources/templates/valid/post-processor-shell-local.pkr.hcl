source "null" "hooks" {
  communicator = "none"
}

build {
  sources = ["source.null.hooks"]

  post-processor "shell-local" {
    environment_vars = ["STAGE=post", "BUILD=${build.name}"]
    inline = [
      "echo stage $STAGE",
      "echo packer build name $PACKER_BUILD_NAME",
    ]
  }

  post-processor "shell-local" {
    keep_input_artifact = true
    command             = "echo one command"
  }
}
