arith     = 1 + 2 * 3 - 4 / 5 % 6
neg       = -1 + -var.x
logic     = !a && b || c
compare   = a == b != c
rel       = a < b && c <= d || e > f && g >= h
cond      = var.enabled ? "yes" : "no"
nested    = a ? b ? 1 : 2 : c ? 3 : 4
paren     = (1 + 2) * 3
index     = var.list[0]
dyn_index = var.map[var.key]
str_index = var.map["key"]
legacy    = var.list.0.name
attr      = var.obj.a.b.c
splat     = var.list[*].id
attr_spl  = var.list.*.id
full_spl  = var.list[*].tags["name"]
call      = max(1, 2, 3)
expand    = max(var.numbers...)
empty     = []
empty_obj = {}
trail     = [1, 2, ]
number    = 1.5e3
chain     = f(x).a[0]
tmpl_idx  = "${x}"[0]
dash-name = a-b
multi = [
  1,
  2,
]
call_nl = format(
  "%s",
  "x",
)
