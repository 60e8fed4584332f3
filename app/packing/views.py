"""Plain snapshots of an order at the packing desk, built inside the service's session.

The window keeps these after the session has closed, so they hold values, never ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Order, OrderLine, Product, ScanEvent
from app.intake.stop_list import is_stopped
from app.orders.status import LABELS, Status

# States from which scanning may start or go on.
PACKABLE = frozenset({Status.VERIFIED, Status.CONFIRMED, Status.PACKING})


@dataclass(frozen=True)
class PackLine:
    line_id: int
    line_no: int
    sku: str
    title: str
    attributes: str
    barcode: str
    quantity: int
    scanned: int
    fragile: bool
    product_id: int | None

    @property
    def done(self) -> bool:
        return self.scanned >= self.quantity


@dataclass(frozen=True)
class PackingView:
    order_id: int
    order_no: str
    platform: str
    status: str
    status_label: str
    recipient: str
    lines: tuple[PackLine, ...]
    # Verification findings that do not hold the order (fragile, carrier wishes), and remarks.
    remarks: tuple[str, ...]
    # Empty when scanning may go on; otherwise why this order cannot be packed now.
    blocked_reason: str = ""

    @property
    def units_expected(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def units_scanned(self) -> int:
        return sum(min(line.scanned, line.quantity) for line in self.lines)

    @property
    def complete(self) -> bool:
        return bool(self.lines) and all(line.done for line in self.lines)


def scanned_by_line(session: Session, order_id: int) -> dict[int, int]:
    """Accepted units per order line, summed over the stored scans."""
    rows = session.execute(
        select(ScanEvent.order_line_id, func.sum(ScanEvent.quantity))
        .where(ScanEvent.order_id == order_id, ScanEvent.accepted.is_(True))
        .group_by(ScanEvent.order_line_id)
    )
    return {line_id: int(total) for line_id, total in rows if line_id is not None}


def blocked_reason(session: Session, order: Order) -> str:
    """Why scanning this order must not go on, in a clerk's words; empty when it may."""
    status = Status(order.status)
    if status == Status.CANCELLED:
        return "订单已取消，不能打包"
    if status == Status.HELD:
        holds = [f.reason for f in order.findings if f.severity == "hold"]
        return "订单已挂起，不能打包" + (f"：{'; '.join(holds)}" if holds else "")
    if _stopped(session, order.id):
        return "订单在拦截名单上，不能打包"
    if status in {Status.PACKED, Status.LABELLED}:
        return "订单已打包完成"
    if status not in PACKABLE:
        return f"订单状态为「{LABELS[status]}」，不能打包"
    return ""


def _stopped(session: Session, order_id: int) -> bool:
    """On the intake stop list: cancelled on the platform after it was packed or labelled."""
    return bool(is_stopped(session, order_id))


def _remarks(order: Order, lines: list[PackLine]) -> tuple[str, ...]:
    remarks = [f.reason for f in order.findings if f.severity in {"warn", "info"}]
    fragile = [line.title or line.sku for line in lines if line.fragile]
    if fragile:
        remarks.append("易碎品：" + "、".join(fragile))
    if order.buyer_remark:
        remarks.append("买家留言：" + order.buyer_remark)
    if order.seller_remark:
        remarks.append("卖家备注：" + order.seller_remark)
    return tuple(remarks)


def products_of(session: Session, order: Order) -> dict[int, Product]:
    """The catalogue rows of an order's lines, by id, from one query."""
    ids = [ln.product_id for ln in order.lines if ln.product_id is not None]
    if not ids:
        return {}
    return {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(ids)))}


def build_view(
    session: Session,
    order: Order,
    *,
    scanned: dict[int, int] | None = None,
    products: dict[int, Product] | None = None,
    blocked: str | None = None,
) -> PackingView:
    """The view of `order`; a caller that already holds the scanned counts, the products or
    the blocked reason passes them in, so a scan costs as few queries as it can."""
    if scanned is None:
        scanned = scanned_by_line(session, order.id)
    if products is None:
        products = products_of(session, order)

    lines = []
    for ln in order.lines:
        if not _shippable(ln, products):
            continue
        product = products.get(ln.product_id) if ln.product_id else None
        lines.append(
            PackLine(
                line_id=ln.id,
                line_no=ln.line_no,
                sku=ln.sku,
                title=ln.title or (product.name if product else ""),
                attributes=ln.attributes,
                barcode=(product.barcode or "") if product else "",
                quantity=ln.quantity,
                scanned=scanned.get(ln.id, 0),
                fragile=bool(product and product.fragile),
                product_id=ln.product_id,
            )
        )

    status = Status(order.status)
    return PackingView(
        order_id=order.id,
        order_no=order.order_no,
        platform=order.platform,
        status=status.value,
        status_label=LABELS[status],
        recipient=order.recipient,
        lines=tuple(lines),
        remarks=_remarks(order, lines),
        blocked_reason=blocked_reason(session, order) if blocked is None else blocked,
    )


def _shippable(line: OrderLine, products: dict[int, Product]) -> bool:
    """Virtual goods are sold but never packed, so they are not expected at the desk."""
    product = products.get(line.product_id) if line.product_id else None
    return product is None or product.shippable
