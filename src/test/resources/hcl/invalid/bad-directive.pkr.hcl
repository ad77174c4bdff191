a = "%{ iff x }"
b = "%{ 1 }"
c = "%{for in x}%{endfor}"
