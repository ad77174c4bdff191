a=1
bbb   =    "x"
c=[1,2,3]
d={a=1,b=2}
e = f( 1 ,2 )
f = ! true
g = - 1
h = 1-1
i = a ? -1 : - 2
j = x . y
k = x [ 0 ]
l = [ for x in [ 1 , 2 ] : x * 2 if x > 1 ]
m = { for k , v in var.m : k => v ... }
n = f( a , b ... )
o = var.x [ * ] . id
p = "${ var.a }-${var.b}"
q = "%{ if a }x%{~ else ~}y%{ endif }"
r = a*b+c/d%e
s = a==b!=c
t = x==-1
u = "${x}${y}"
v = "${ {a=1} }"
w = (  1 + 2  )
x = a /*c*/ + b
y = "${x}"[0]
z = x.*.y
