"""Order verification: named rules that explain every hold, and confirmation of clean orders."""
