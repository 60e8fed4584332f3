"""PackDesk domain: orders, stock, packing, shipping and their documents, with no Qt in sight."""
