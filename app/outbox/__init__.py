"""The outbox: every message to a customer is queued here first, then sent or exported."""
