list  = [for v in var.list : upper(v)]
pairs = [for i, v in var.list : "${i}:${v}" if i > 0]
obj   = { for k, v in var.map : k => v }
group = { for v in var.list : v.kind => v.name... if v.enabled }
in_tuple = [for x in [1, 2] : x]
