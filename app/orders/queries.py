"""Read-only views of orders as plain snapshots, for the windows and the CLI.

Snapshots are frozen dataclasses, never live ORM objects, so a table model can hold them after
the session has closed. The order list pages by key in SQL (see measurements.md: a proxy model
over 100k rows is too slow), so the window only ever holds the rows it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Order
from app.orders.lookup import find_order
from app.orders.status import LABELS, Status


@dataclass(frozen=True)
class FindingView:
    rule: str
    field: str
    reason: str
    severity: str


@dataclass(frozen=True)
class LineView:
    line_no: int
    sku: str
    title: str
    attributes: str
    quantity: int
    unit_price: Decimal
    product_id: int | None


@dataclass(frozen=True)
class EventView:
    from_status: str
    to_status: str
    at: datetime
    user: str
    note: str


@dataclass(frozen=True)
class ParcelView:
    parcel_no: int
    carrier: str
    tracking_no: str
    weight: Decimal | None
    packed_at: datetime | None
    waybill_printed_at: datetime | None
    shipped_at: datetime | None


@dataclass(frozen=True)
class OrderSummary:
    """One row of the order list."""

    id: int
    platform: str
    order_no: str
    status: str
    status_label: str
    recipient: str
    phone: str
    address: str
    paid_total: Decimal
    paid_at: datetime | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class OrderDetail:
    id: int
    platform: str
    order_no: str
    status: str
    status_label: str
    buyer: str
    email: str
    recipient: str
    phone: str
    phone_ext: str
    province: str
    city: str
    district: str
    province_code: str
    city_code: str
    district_code: str
    address_detail: str
    postcode: str
    address_raw: str
    goods_total: Decimal
    postage: Decimal
    discount: Decimal
    paid_total: Decimal
    paid: bool
    platform_status: str
    buyer_remark: str
    seller_remark: str
    created_at: datetime | None
    paid_at: datetime | None
    # Asked for by the customer (manual orders); None when nobody asked.
    requested_ship_date: date | None = None
    lines: tuple[LineView, ...] = ()
    findings: tuple[FindingView, ...] = ()
    events: tuple[EventView, ...] = field(default=())
    parcels: tuple[ParcelView, ...] = ()


def _address(order: Order) -> str:
    return "".join((order.province, order.city, order.district, order.address_detail))


def _filtered(query, status: str | None, search: str | None):
    if status:
        query = query.where(Order.status == status)
    if search:
        needle = f"%{search.strip()}%"
        query = query.where(
            or_(
                Order.order_no.like(needle),
                Order.recipient.like(needle),
                Order.phone.like(needle),
                Order.buyer.like(needle),
            )
        )
    return query


def count_orders(session: Session, *, status: str | None = None, search: str | None = None) -> int:
    query = _filtered(select(func.count(Order.id)), status, search)
    return session.scalar(query) or 0


def list_orders(
    session: Session,
    *,
    status: str | None = None,
    search: str | None = None,
    after_id: int | None = None,
    limit: int | None = None,
) -> list[OrderSummary]:
    """Orders newest first; pass the last id seen as `after_id` to get the next page."""
    query = _filtered(select(Order), status, search).options(selectinload(Order.findings))
    if after_id is not None:
        query = query.where(Order.id < after_id)
    query = query.order_by(Order.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [summarize(o) for o in session.scalars(query)]


def summarize(order: Order) -> OrderSummary:
    return OrderSummary(
        id=order.id,
        platform=order.platform,
        order_no=order.order_no,
        status=order.status,
        status_label=LABELS[Status(order.status)],
        recipient=order.recipient,
        phone=order.phone,
        address=_address(order),
        paid_total=order.paid_total,
        paid_at=order.paid_at,
        reasons=tuple(f.reason for f in order.findings if f.severity == "hold"),
    )


def order_detail(session: Session, order_no: str, platform: str | None = None) -> OrderDetail:
    return detail_of(find_order(session, order_no, platform))


def detail_of(order: Order) -> OrderDetail:
    return OrderDetail(
        id=order.id,
        platform=order.platform,
        order_no=order.order_no,
        status=order.status,
        status_label=LABELS[Status(order.status)],
        buyer=order.buyer,
        email=order.email,
        recipient=order.recipient,
        phone=order.phone,
        phone_ext=order.phone_ext,
        province=order.province,
        city=order.city,
        district=order.district,
        province_code=order.province_code,
        city_code=order.city_code,
        district_code=order.district_code,
        address_detail=order.address_detail,
        postcode=order.postcode,
        address_raw=order.address_raw,
        goods_total=order.goods_total,
        postage=order.postage,
        discount=order.discount,
        paid_total=order.paid_total,
        paid=order.paid,
        platform_status=order.platform_status,
        buyer_remark=order.buyer_remark,
        seller_remark=order.seller_remark,
        created_at=order.created_at,
        paid_at=order.paid_at,
        requested_ship_date=order.requested_ship_date,
        lines=tuple(
            LineView(
                ln.line_no,
                ln.sku,
                ln.title,
                ln.attributes,
                ln.quantity,
                ln.unit_price,
                ln.product_id,
            )
            for ln in order.lines
        ),
        findings=tuple(FindingView(f.rule, f.field, f.reason, f.severity) for f in order.findings),
        events=tuple(
            EventView(e.from_status, e.to_status, e.at, e.user, e.note) for e in order.events
        ),
        parcels=tuple(
            ParcelView(
                s.parcel_no,
                s.carrier,
                s.tracking_no or "",
                s.weight,
                s.packed_at,
                s.waybill_printed_at,
                s.shipped_at,
            )
            for s in order.shipments
        ),
    )


def order_page(
    db,
    *,
    status: str | None = None,
    search: str | None = None,
    after_id: int | None = None,
    limit: int = 200,
) -> list[OrderSummary]:
    """One page of the order list, for windows that hold a `Database` rather than a session."""
    with db.reading() as session:
        return list_orders(session, status=status, search=search, after_id=after_id, limit=limit)


def order_total(db, *, status: str | None = None, search: str | None = None) -> int:
    with db.reading() as session:
        return count_orders(session, status=status, search=search)


def get_order_detail(db, order_no: str, platform: str | None = None) -> OrderDetail:
    with db.reading() as session:
        return order_detail(session, order_no, platform)


def status_counts(db) -> dict[str, int]:
    """How many orders are in each state, for the navigation badges and the flow view."""
    with db.reading() as session:
        rows = session.execute(select(Order.status, func.count(Order.id)).group_by(Order.status))
        return {status: count for status, count in rows}
