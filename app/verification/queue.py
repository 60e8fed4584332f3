"""The held queue the verification window shows: oldest hold first, with its reasons."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Order, Product
from app.orders.queries import OrderSummary, summarize
from app.orders.status import Status


def held_queue(session: Session, limit: int = 500) -> list[OrderSummary]:
    query = (
        select(Order)
        .where(Order.status == Status.HELD.value)
        .options(selectinload(Order.findings))
        .order_by(Order.status_since, Order.id)
        .limit(limit)
    )
    return [summarize(o) for o in session.scalars(query)]


def catalog_skus(session: Session) -> list[str]:
    """Seller codes for the SKU editor's completion list."""
    return list(session.scalars(select(Product.sku).order_by(Product.sku)))
