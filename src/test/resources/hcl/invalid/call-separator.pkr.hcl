a = f(1 2)
b = f(1
