"""ABC classes by 12-month revenue.

Products are ranked by what they sold in the last 365 days (shipped pieces × the line's unit
price, or the catalogue price when the shipment has no order line). Walking down the ranking,
a product is A while the running share before it is under the A band (80 % by default), B
while under A + B (the next 15 %), and C after that; a product that sold nothing is C. The
bands are the setting `stock.abc_bands` (percentages, e.g. [80, 15, 5]).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings_checks
from app.db.models import OrderLine, Product, StockMove
from app.db.types import utcnow

log = logging.getLogger(__name__)

DEFAULT_BANDS = (80, 15, 5)


def revenue_by_product(session: Session, since: datetime) -> dict[int, Decimal]:
    rows = session.execute(
        select(
            StockMove.product_id,
            OrderLine.unit_price,
            Product.price,
            func.sum(-StockMove.on_hand_delta),
        )
        .join(Product, Product.id == StockMove.product_id)
        .outerjoin(OrderLine, OrderLine.id == StockMove.order_line_id)
        .where(StockMove.kind == "ship", StockMove.at >= since)
        .group_by(StockMove.product_id, OrderLine.unit_price, Product.price)
    )
    revenue: dict[int, Decimal] = {}
    for pid, line_price, list_price, pieces in rows:
        unit = line_price if line_price is not None else list_price
        revenue[pid] = revenue.get(pid, Decimal(0)) + unit * int(pieces)
    return revenue


def classify(
    revenue: dict[int, Decimal],
    product_ids: list[int],
    bands: tuple[int, int, int] = DEFAULT_BANDS,
) -> dict[int, str]:
    """Class per product id from revenue; pure, so the rule is tested on its own."""
    total = sum(revenue.values(), Decimal(0))
    a_limit = Decimal(bands[0]) / 100
    b_limit = Decimal(bands[0] + bands[1]) / 100
    ranked = sorted(product_ids, key=lambda pid: (-revenue.get(pid, Decimal(0)), pid))

    classes, running = {}, Decimal(0)
    for pid in ranked:
        earned = revenue.get(pid, Decimal(0))
        share_before = running / total if total else Decimal(1)
        if earned <= 0:
            classes[pid] = "C"
        elif share_before < a_limit:
            classes[pid] = "A"
        elif share_before < b_limit:
            classes[pid] = "B"
        else:
            classes[pid] = "C"
        running += earned
    return classes


def abc_bands(session: Session) -> tuple[int, int, int]:
    return settings_checks.read(session, "stock.abc_bands", DEFAULT_BANDS)


def classify_products(session: Session, now: datetime | None = None) -> dict[int, str]:
    since = (now or utcnow()) - timedelta(days=365)
    revenue = revenue_by_product(session, since)
    product_ids = list(session.scalars(select(Product.id)))
    classes = classify(revenue, product_ids, abc_bands(session))
    log.info(
        "ABC classes: %d A, %d B, %d C",
        *(sum(1 for c in classes.values() if c == k) for k in "ABC"),
    )
    return classes
