"""Substitutes for a short product: same category, same attributes, enough available.

A substitution changes what the customer receives, so it is only proposed here; it is applied
(the order line switched to the other product and reserved) once the customer's acceptance has
been recorded, with who recorded it and how the customer said yes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order, OrderLine, Product
from app.db.models.stock_control import StockLevel, StockPlan, Substitution
from app.db.types import utcnow
from app.stock.errors import NotAccepted
from app.stock.reservation import ReservationResult, release_order, reserve_order

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SubstituteOption:
    product_id: int
    sku: str
    name: str
    spec: str
    available: int


def suggest_substitutes(
    session: Session, product_id: int, quantity: int
) -> list[SubstituteOption]:
    """Other products of the same category and spec with at least `quantity` available."""
    plan = session.get(StockPlan, product_id)
    product = session.get(Product, product_id)
    if plan is None or not plan.category:
        return []
    available = StockLevel.on_hand - StockLevel.reserved
    rows = session.execute(
        select(Product.id, Product.sku, Product.name, Product.spec, available)
        .join(StockPlan, StockPlan.product_id == Product.id)
        .join(StockLevel, StockLevel.product_id == Product.id)
        .where(
            StockPlan.category == plan.category,
            Product.spec == product.spec,
            Product.id != product_id,
            available >= quantity,
        )
        .order_by(available.desc(), Product.sku)
    )
    return [SubstituteOption(*row) for row in rows]


def propose_substitution(session: Session, line: OrderLine, substitute_id: int) -> Substitution:
    proposal = Substitution(
        order_line_id=line.id,
        original_product_id=line.product_id,
        substitute_product_id=substitute_id,
    )
    session.add(proposal)
    session.flush()
    return proposal


def record_acceptance(
    session: Session, substitution_id: int, *, user: str, note: str
) -> Substitution:
    """The customer agreed (note says how: 旺旺聊天, 电话 ...); `user` recorded it."""
    proposal = session.get(Substitution, substitution_id)
    proposal.accepted_at = utcnow()
    proposal.accepted_by = user
    proposal.acceptance_note = note
    return proposal


def apply_substitution(session: Session, substitution_id: int, *, user: str) -> ReservationResult:
    """Switch the line to the substitute and reserve it; refused before acceptance."""
    proposal = session.get(Substitution, substitution_id)
    if proposal.accepted_at is None:
        raise NotAccepted(substitution_id)

    line = session.get(OrderLine, proposal.order_line_id)
    order = session.get(Order, line.order_id)
    release_order(session, order, user)
    substitute = session.get(Product, proposal.substitute_product_id)
    line.product_id = substitute.id
    line.sku = substitute.sku
    proposal.applied_at = utcnow()
    session.flush()
    log.info(
        "order %s line %d: substituted %s (accepted by customer, recorded by %s)",
        order.order_no,
        line.line_no,
        substitute.sku,
        proposal.accepted_by,
    )
    return reserve_order(session, order, user)
