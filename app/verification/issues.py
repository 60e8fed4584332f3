"""What a rule returns: one reason in words, the field to fix, and how serious it is."""

from __future__ import annotations

from dataclasses import dataclass

HOLD = "hold"
WARN = "warn"
INFO = "info"


@dataclass(frozen=True)
class Issue:
    rule: str
    # The field a clerk edits to fix it: "phone", "address", "paid_total", "lines[2].sku" ...
    field: str
    reason: str
    severity: str = HOLD


def line_field(line_no: int, name: str) -> str:
    return f"lines[{line_no}].{name}"
