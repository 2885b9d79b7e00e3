"""One module per directive; :mod:`.base` holds what they share."""
