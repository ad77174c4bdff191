block "x" y { a = 1 b = 2 }
block2 { a = 1, b = 2 }
