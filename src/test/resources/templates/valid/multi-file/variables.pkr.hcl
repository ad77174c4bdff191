variable "app_name" {
  type        = string
  default     = "inventory"
  description = "Application baked into the image."
}

variable "app_version" {
  type    = string
  default = "0.9.1"
}
