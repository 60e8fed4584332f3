"""How many units of an order line went out, came back, and may still go out or come back.

A returned quantity is counted exactly once: it is never netted against what was shipped.
If a line of 5 was shipped and all 5 came back, raising the order to 6 owes the customer one
more unit (6 - 5 shipped), not six; lowering it to 3 owes nothing, and never turns into an
inbound of 2. Returns in progress (not rejected) hold their quantity, so the same unit cannot
be requested twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Order, OrderLine, StockMove
from app.db.models.returns import ReturnLine, ReturnRequest
from app.orders.status import Status

SHIPPED_STATES = frozenset({Status.SHIPPED.value, Status.DELIVERED.value})


@dataclass(frozen=True)
class LineQuantities:
    ordered: int
    shipped: int
    # Held by returns that are not rejected, whether or not the goods arrived yet.
    returned: int

    @property
    def returnable(self) -> int:
        return max(0, self.shipped - self.returned)

    @property
    def outstanding(self) -> int:
        """Units still to send out; never negative, so a lowered order makes no inbound."""
        return max(0, self.ordered - self.shipped)


def shipped_quantity(session: Session, line: OrderLine, order: Order) -> int:
    """Units of the line handed to a carrier, from the ledger's ship movements.

    Orders shipped before the ledger recorded lines (no ship movement at all for the order)
    count the whole line as shipped when the order is shipped or delivered.
    """
    rows = session.execute(
        select(StockMove.order_line_id, func.sum(StockMove.on_hand_delta))
        .where(StockMove.order_id == order.id, StockMove.kind == "ship")
        .group_by(StockMove.order_line_id)
    ).all()
    if rows:
        by_line = {line_id: -int(total) for line_id, total in rows}
        return max(0, by_line.get(line.id, 0))
    return line.quantity if order.status in SHIPPED_STATES else 0


def returned_quantity(session: Session, line_id: int, *, excluding: int | None = None) -> int:
    query = (
        select(func.coalesce(func.sum(ReturnLine.quantity), 0))
        .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
        .where(ReturnLine.order_line_id == line_id, ReturnRequest.state != "rejected")
    )
    if excluding is not None:
        query = query.where(ReturnRequest.id != excluding)
    return int(session.scalar(query) or 0)


def line_quantities(
    session: Session, line: OrderLine, *, excluding_return: int | None = None
) -> LineQuantities:
    order = line.order
    return LineQuantities(
        ordered=line.quantity,
        shipped=shipped_quantity(session, line, order),
        returned=returned_quantity(session, line.id, excluding=excluding_return),
    )
