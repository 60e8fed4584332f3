"""Table models holding plain row snapshots fetched through app/ services."""
