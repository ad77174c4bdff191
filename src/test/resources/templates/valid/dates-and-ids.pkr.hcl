locals {
  # Values that differ per run: fine to compute, they are known when the build starts.
  build_stamp = formatdate("YYYYMMDD-hhmm", timestamp())
  run_id      = uuidv4()
  stable_id   = uuidv5("dns", "images.example.test")
  date_only   = formatdate("YYYY-MM-DD", "2024-03-01T10:00:00Z")
}

source "null" "dated" {
  communicator = "none"
}

build {
  sources = ["source.null.dated"]

  post-processor "manifest" {
    output = "manifest.json"
    custom_data = {
      stamp     = local.build_stamp
      run       = local.run_id
      stable    = local.stable_id
      date_only = local.date_only
    }
  }
}
