"""Top-level windows, one module per step of the flow."""
