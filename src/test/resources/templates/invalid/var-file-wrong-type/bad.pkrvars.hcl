debug = "maybe"
tags  = "not-a-list"
