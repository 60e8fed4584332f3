"""Cancelling an order: its reservations go back to the shelf in the same transaction."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.db.models import Order
from app.orders.status import Status, move
from app.stock.reservation import LineChange, release_order

log = logging.getLogger(__name__)


def cancel_order(session: Session, order: Order, user: str, note: str = "") -> list[LineChange]:
    """Move the order to CANCELLED and release what its lines held.

    Raises `IllegalTransition` for an order that has already shipped; from then on
    `assert_not_cancelled` stops packing and handover of its pick.
    """
    move(order, Status.CANCELLED, user=user, note=note or "取消订单")
    released = release_order(session, order, user)
    log.info("order %s cancelled by %s; released %d line(s)", order.order_no, user, len(released))
    return released
