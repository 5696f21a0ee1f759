"""Domain operations. Views call these; they change and flush, the request commits once."""
