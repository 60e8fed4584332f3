"""Stock: the ledger, reservations, shortages, and inventory control."""
