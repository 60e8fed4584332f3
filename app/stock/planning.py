"""Planning data by hand and by batch: suppliers, per-product plans, the nightly refresh.

`refresh_planning` recomputes ABC classes and next week's forecast for every product and
stores them on `stock_plans`, so the Stock window shows them without recomputing 10,000
forecasts each time it opens.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Product
from app.db.models.stock_control import StockPlan, Supplier
from app.stock.abc import classify_products
from app.stock.errors import BadQuantity
from app.stock.forecast import next_week_all
from app.stock.receiving import product_by_sku

log = logging.getLogger(__name__)


def plan_of(session: Session, product_id: int) -> StockPlan:
    plan = session.get(StockPlan, product_id)
    if plan is None:
        plan = StockPlan(
            product_id=product_id,
            category="",
            reorder_point=0,
            safety_stock=0,
            abc_class="",
            forecast_next_week=0,
        )
        session.add(plan)
    return plan


def save_supplier(
    session: Session,
    code: str,
    name: str,
    *,
    lead_time_days: int,
    moq: int = 1,
    contact: str = "",
    email: str = "",
) -> Supplier:
    if lead_time_days < 0:
        raise BadQuantity("交货周期", lead_time_days, "不能为负数")
    if moq < 1:
        raise BadQuantity("最小起订量", moq, "至少为 1")
    supplier = session.scalar(select(Supplier).where(Supplier.code == code))
    if supplier is None:
        supplier = Supplier(code=code)
        session.add(supplier)
    supplier.name, supplier.lead_time_days, supplier.moq = name, lead_time_days, moq
    supplier.contact, supplier.email = contact, email
    session.flush()
    return supplier


def set_plan(
    session: Session,
    sku: str,
    *,
    reorder_point: int | None = None,
    safety_stock: int | None = None,
    supplier_code: str | None = None,
    category: str | None = None,
) -> StockPlan:
    product = product_by_sku(session, sku)
    plan = plan_of(session, product.id)
    if reorder_point is not None:
        plan.reorder_point = reorder_point
    if safety_stock is not None:
        plan.safety_stock = safety_stock
    if category is not None:
        plan.category = category
    if supplier_code is not None:
        plan.supplier_id = session.scalar(
            select(Supplier.id).where(Supplier.code == supplier_code)
        )
    session.flush()
    return plan


def refresh_planning(session: Session, now: datetime | None = None) -> int:
    """Store ABC class and next-week forecast on every product's plan; return the count."""
    classes = classify_products(session, now)
    forecasts = next_week_all(session, now)
    plans = {p.product_id: p for p in session.scalars(select(StockPlan))}
    for pid in session.scalars(select(Product.id)):
        plan = plans.get(pid) or plan_of(session, pid)
        plan.abc_class = classes.get(pid, "C")
        plan.forecast_next_week = forecasts.get(pid, 0)
    log.info("planning refreshed for %d products", len(classes))
    return len(classes)
