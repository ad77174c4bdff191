a = [for in x: y]
b = [for x y: z]
c = [for x in y z]
d = [for k, v in x: k => v]
e = {for x in y: x}
f = [for x in y: x...]
g = [for x in y: x if]
