a { b
}
