"""Shortages: restock requests to the supplier and a delay notice to the customer.

When a line cannot be fully reserved, the missing pieces are asked of the product's supplier
(expected on today + the supplier's lead time, in calendar days, because suppliers quote
calendar days) and the customer is told in the outbox when the rest can follow.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import desk_timezone
from app.db.models import Order, Product
from app.db.models.stock_control import RestockRequest, StockPlan, Supplier
from app.db.types import utcnow
from app.outbox.queue import enqueue
from app.stock.reservation import ReservationResult

log = logging.getLogger(__name__)

# Used when a product has no supplier on record.
DEFAULT_LEAD_DAYS = 7
DELAY_TEMPLATE = "delay.sms"


@dataclass(frozen=True)
class RestockView:
    request_id: int
    supplier_code: str
    supplier_name: str
    sku: str
    name: str
    quantity: int
    expected_on: date
    order_no: str


@dataclass(frozen=True)
class ShortageReport:
    order_no: str
    requests: tuple[RestockView, ...]
    notice_queued: bool

    @property
    def expected_on(self) -> date | None:
        return max((r.expected_on for r in self.requests), default=None)


def expected_date(session: Session, product_id: int, today: date | None = None) -> date:
    """Today (desk time) plus the lead time of the product's supplier."""
    plan = session.get(StockPlan, product_id)
    supplier = session.get(Supplier, plan.supplier_id) if plan and plan.supplier_id else None
    days = supplier.lead_time_days if supplier else DEFAULT_LEAD_DAYS
    start = today or utcnow().astimezone(desk_timezone()).date()
    return start + timedelta(days=days)


def _delay_text(session: Session, order: Order, items: str, expected: date) -> tuple[str, str]:
    context = {
        "recipient": order.recipient,
        "order_no": order.order_no,
        "items": items,
        "expected": expected.isoformat(),
    }
    try:
        from app.outbox.templates import render_template

        return render_template(session, DELAY_TEMPLATE, context)
    except Exception:  # noqa: BLE001 - no editable template yet: use the built-in words
        log.debug("no %s template; using the built-in delay text", DELAY_TEMPLATE)
    body = (
        f"{order.recipient}您好，您的订单{order.order_no}中{items}暂时缺货，"
        f"预计{expected:%m月%d日}补齐后发出，给您带来不便敬请谅解。"
    )
    return "", body


def handle_shortage(
    session: Session, order: Order, result: ReservationResult, user: str
) -> ShortageReport:
    """Ask the supplier for every backordered piece and queue one delay notice.

    Safe to call after every reservation: a product this order already asked a restock for
    is not asked again, and the customer hears about a shortage once, not on every retry.
    """
    asked = set(
        session.scalars(
            select(RestockRequest.product_id).where(RestockRequest.order_id == order.id)
        )
    )
    views, items = [], []
    for line in result.lines:
        if not line.backordered or line.product_id is None or line.product_id in asked:
            continue
        product = session.get(Product, line.product_id)
        plan = session.get(StockPlan, line.product_id)
        supplier = session.get(Supplier, plan.supplier_id) if plan and plan.supplier_id else None
        quantity = max(line.backordered, supplier.moq if supplier else 1)
        expected = expected_date(session, line.product_id)
        request = RestockRequest(
            supplier_id=supplier.id if supplier else None,
            product_id=line.product_id,
            quantity=quantity,
            expected_on=expected,
            order_id=order.id,
            user=user,
        )
        session.add(request)
        session.flush()
        views.append(
            RestockView(
                request.id,
                supplier.code if supplier else "",
                supplier.name if supplier else "",
                product.sku,
                product.name,
                quantity,
                expected,
                order.order_no,
            )
        )
        items.append(f"{product.name}×{line.backordered}")

    queued = False
    if views:
        latest = max(v.expected_on for v in views)
        subject, body = _delay_text(session, order, "、".join(items), latest)
        enqueue(
            session,
            kind="delay",
            channel="sms",
            body=body,
            order_id=order.id,
            recipient=order.phone,
            subject=subject,
        )
        queued = True
        log.info(
            "order %s short: %d restock request(s), expected %s",
            order.order_no,
            len(views),
            latest,
        )
    return ShortageReport(order.order_no, tuple(views), queued)
