a = 1



b = 2
   
c = 3
block {

  x = 1


}
last = "no trailing newline"   