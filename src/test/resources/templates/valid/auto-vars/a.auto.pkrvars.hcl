region = "us-east-1"
size   = "medium"
