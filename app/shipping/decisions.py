"""The carrier decisions kept for each order: who chose which carrier and service, and why.

`selection.choose` writes them; the supervisor's review and the tests read the latest one.
"""

from __future__ import annotations

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.carriers import CarrierDecision
from app.orders.lookup import find_order
from app.shipping.selection import CarrierChoice


def current_choice(db: Database, order_no: str) -> CarrierChoice | None:
    """The latest carrier decision for the order (None before anyone chose), for the windows."""
    with db.reading() as session:
        order = find_order(session, order_no)
        decision = session.scalar(
            select(CarrierDecision)
            .where(CarrierDecision.order_id == order.id)
            .order_by(CarrierDecision.id.desc())
            .limit(1)
        )
        if decision is None:
            return None
        return CarrierChoice(
            order.order_no,
            decision.carrier_code,
            decision.suggested_code,
            decision.overridden,
            decision.reason,
            decision.service,
        )
