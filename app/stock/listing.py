"""The stock list as plain snapshots: figures, plan, class, forecast and alert per product.

The text filter runs in SQL (case-insensitive LIKE on SKU, barcode, name and bin), so the
window never filters 10,000 rows through a proxy model; see measurements.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.models import Product
from app.db.models.stock_control import StockLevel, StockPlan, Supplier
from app.stock.alerts import Alert, PlanFigures, alert_of, suggested_quantity


@dataclass(frozen=True)
class StockRow:
    product_id: int
    sku: str
    name: str
    bin: str
    on_hand: int
    reserved: int
    available: int
    reorder_point: int
    safety_stock: int
    abc_class: str
    forecast_next_week: int
    alert: Alert
    suggested: int
    supplier_code: str


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_stock(
    session: Session, text: str = "", *, alerts_only: bool = False, limit: int | None = None
) -> list[StockRow]:
    """Every product (or those matching `text`), sorted by SKU."""
    on_hand = func.coalesce(StockLevel.on_hand, 0)
    reserved = func.coalesce(StockLevel.reserved, 0)
    query = (
        select(
            Product.id,
            Product.sku,
            Product.name,
            Product.bin,
            on_hand,
            reserved,
            func.coalesce(StockPlan.reorder_point, 0),
            func.coalesce(StockPlan.safety_stock, 0),
            func.coalesce(StockPlan.abc_class, ""),
            func.coalesce(StockPlan.forecast_next_week, 0),
            func.coalesce(Supplier.lead_time_days, 0),
            func.coalesce(Supplier.moq, 1),
            func.coalesce(Supplier.code, ""),
        )
        .outerjoin(StockLevel, StockLevel.product_id == Product.id)
        .outerjoin(StockPlan, StockPlan.product_id == Product.id)
        .outerjoin(Supplier, Supplier.id == StockPlan.supplier_id)
        .order_by(Product.sku)
    )
    needle = text.strip()
    if needle:
        pattern = f"%{_escape_like(needle)}%"
        query = query.where(
            or_(
                *(
                    # ILIKE: PostgreSQL's LIKE is case-sensitive, SQLite's is not for ASCII.
                    column.ilike(pattern, escape="\\")
                    for column in (Product.sku, Product.name, Product.barcode, Product.bin)
                )
            )
        )
    if limit is not None:
        query = query.limit(limit)

    rows = []
    for (
        pid,
        sku,
        name,
        bin_code,
        oh,
        rs,
        rop,
        safety,
        abc,
        forecast,
        lead,
        moq,
        supplier,
    ) in session.execute(query):
        plan = PlanFigures(oh - rs, rop, safety, forecast, lead, moq)
        alert = alert_of(plan)
        if alerts_only and alert is Alert.NONE:
            continue
        rows.append(
            StockRow(
                pid,
                sku,
                name,
                bin_code,
                oh,
                rs,
                oh - rs,
                rop,
                safety,
                abc,
                forecast,
                alert,
                suggested_quantity(plan),
                supplier,
            )
        )
    return rows
