"""Is this parcel stopped? An order cancelled on the platform must not be labelled or shipped.

The intake step keeps the stop list (`app.intake.stop_list`); an order already cancelled in
PackDesk is stopped too.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.models import Order
from app.errors import BadInput
from app.intake import stop_list
from app.orders.status import Status


class ParcelStopped(BadInput):
    """The order was cancelled on the platform: do not print, do not hand over."""

    def __init__(self, order_no: str, reason: str) -> None:
        super().__init__(f"停止发货：订单 {order_no} {reason}")
        self.order_no = order_no
        self.reason = reason


def stopped_orders(session: Session) -> dict[int, str]:
    """The whole stop list at once {order id: reason}, for batches."""
    return {i: stop_list.stop_reason(session, i) for i in stop_list.stopped_order_ids(session)}


def stop_reason(
    session: Session, order: Order, snapshot: dict[int, str] | None = None
) -> str | None:
    """Why the order must not leave (in words), or None; `snapshot` from `stopped_orders`."""
    if order.status == Status.CANCELLED:
        return "已取消"
    stopped = stopped_orders(session) if snapshot is None else snapshot
    if order.id in stopped:
        return stopped[order.id] or "已在平台取消"
    return None


def require_not_stopped(
    session: Session, order: Order, snapshot: dict[int, str] | None = None
) -> None:
    reason = stop_reason(session, order, snapshot)
    if reason is not None:
        raise ParcelStopped(order.order_no, reason)
