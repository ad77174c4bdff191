# leading comment
// slash comment
a = 1 # trailing
bb = 2 // another
/* block */ c = 3
ddd = 4   /* inline */

  # indented comment
block {
      # inside
  x = 1   # aligned?
  yyy = 2 # aligned!
}
/*
multi-line
  comment
*/
e = 5
