"""Orders: their states, queries for the windows, and the transitions between steps."""
