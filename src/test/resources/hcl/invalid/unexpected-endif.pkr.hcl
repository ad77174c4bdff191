a = "x%{endif}"
b = "%{for x in y}z%{else}%{endfor}"
