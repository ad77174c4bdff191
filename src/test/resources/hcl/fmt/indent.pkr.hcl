block "a" {
attr = 1
  nested {
        deep = [
      1,
   2,
        ]
  }
    }
variable "v" {
	type = string
	default = "tabbed"
}
obj = {
a = 1
bbbb = 2

cc = 3
  "q" = 4
  (x) = 5
"d": 6
}
list = [1, 2,
  3]
call = f(
a,
  b,
)
one { x = 1 }
empty {}
