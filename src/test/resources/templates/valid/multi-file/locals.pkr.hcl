locals {
  artifact = "${var.app_name}-${var.app_version}"
}
