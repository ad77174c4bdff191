environment    = "production"
instance_count = 3
features = [
  "monitoring",
  "backups",
]
