variable "name" {
  default = "img"
}

variable "list" {
  default = [1, 2, 3]
}

locals {
  objs = [{ id = "a", n = 1 }, { id = "b", n = 2 }]
  m    = { k = "v", z = "w" }
  one  = { id = "solo" }
}

source "null" "x" {
  communicator = "none"
}

build {
  sources = ["source.null.x"]
}
