"""When an order will ship: working days, cut-off times and the promised ship date."""
