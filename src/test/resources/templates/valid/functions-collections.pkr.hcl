variable "base_packages" {
  default = ["curl", "git", "jq"]
}

variable "extra_packages" {
  default = ["git", "vim"]
}

variable "sizes" {
  default = {
    small  = 1
    medium = 2
    large  = 4
  }
}

locals {
  packages   = distinct(concat(var.base_packages, var.extra_packages))
  sorted     = sort(local.packages)
  count      = length(local.packages)
  size_names = keys(var.sizes)
  size_vals  = values(var.sizes)
  medium     = lookup(var.sizes, "medium", 0)
  huge       = lookup(var.sizes, "huge", 8)
  merged     = merge(var.sizes, { xlarge = 8 })
  zipped     = zipmap(["a", "b"], [1, 2])
  flat       = flatten([["x"], ["y", "z"]])
  has_git    = contains(local.packages, "git")
  git_index  = length(local.sorted) - 1
  second     = element(local.sorted, 1)
  firsts     = slice(local.sorted, 0, 2)
  backwards  = reverse(local.sorted)
  seq        = range(1, 4)
  biggest    = max(local.size_vals...)
  smallest   = min(1, 2, 3)
  nonempty   = compact(["a", "", "b"])
  chunks     = chunklist(local.sorted, 2)
  product    = setproduct(["a", "b"], ["1"])
  union      = setunion(["a"], ["b"])
}

source "null" "collections" {
  communicator = "none"
}

build {
  sources = ["source.null.collections"]

  provisioner "shell-local" {
    inline = [
      "echo ${join(" ", local.sorted)} (${local.count})",
      "echo ${join(",", local.size_names)} medium=${local.medium} huge=${local.huge}",
      "echo ${length(local.merged)} ${local.zipped.b} ${join("", local.flat)} ${local.has_git}",
      "echo ${local.git_index} ${local.second} ${join(",", local.firsts)} ${local.backwards[0]}",
      "echo ${join(",", local.seq)} ${local.biggest} ${local.smallest} ${length(local.nonempty)}",
      "echo ${length(local.chunks)} ${length(local.product)} ${length(local.union)}",
    ]
  }
}
