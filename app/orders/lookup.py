"""Finding one order by the number a clerk typed or scanned."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order
from app.errors import AmbiguousOrder, OrderNotFound


def find_order(session: Session, order_no: str, platform: str | None = None) -> Order:
    """The order with this platform number; raise if there is none or it is ambiguous."""
    query = select(Order).where(Order.order_no == order_no.strip())
    if platform:
        query = query.where(Order.platform == platform)
    found = session.scalars(query).all()
    if not found:
        raise OrderNotFound(order_no)
    if len(found) > 1:
        raise AmbiguousOrder(order_no, sorted(o.platform for o in found))
    return found[0]
