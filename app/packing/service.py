"""Packing by scanning: open an order, tick one unit per scan, store every scan at once.

Each scan is its own committed transaction, so killing the desk loses nothing: reopening the
order sums the stored accepted scans. A refused scan (unknown code, another order's item, one
unit too many, a bad check digit) is stored too, with the reason the clerk saw, and leaves the
order unchanged. The first accepted scan moves the order to PACKING; the last unit moves it to
PACKED and stamps the open parcels' `packed_at`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, selectinload

from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, OrderLine, Product, ScanEvent
from app.errors import BadInput, OrderNotFound
from app.orders.lookup import find_order
from app.orders.status import Status, move
from app.packing import parcels
from app.packing.scan_codes import ParsedScan, parse_scan, quantity_error
from app.packing.stats import ClerkStats, clerk_stats_since
from app.packing.views import (
    PACKABLE,
    PackingView,
    blocked_reason,
    build_view,
    products_of,
    scanned_by_line,
)

log = logging.getLogger(__name__)

PICK_SLIP_PREFIX = "PS"


class ItemInSeveralOrders(BadInput):
    """An item barcode opens an order only when exactly one order is waiting for it."""

    def __init__(self, code: str, order_nos: list[str]) -> None:
        shown = "、".join(order_nos[:5]) + ("…" if len(order_nos) > 5 else "")
        super().__init__(f"商品 {code} 在 {len(order_nos)} 个待打包订单中：{shown}，请扫订单号")
        self.code = code
        self.order_nos = order_nos


@dataclass(frozen=True)
class ScanResult:
    accepted: bool
    # Why the scan was refused, or what was ticked, in the words the clerk reads.
    reason: str
    code: str
    quantity: int
    line_no: int | None
    sku: str
    status: str
    # True when this scan ticked the last unit and the order is now packed.
    completed: bool
    view: PackingView
    parsed: ParsedScan | None = None


def pick_slip_code(order_id: int) -> str:
    """The barcode printed on a pick slip; it names the order by its id."""
    return f"{PICK_SLIP_PREFIX}{order_id:08d}"


def open_for_packing(db: Database, code: str) -> PackingView:
    """The order named by an order number, a pick-slip barcode, or an item barcode that is
    waiting in exactly one order. Opening changes nothing."""
    text = code.strip()
    if not text:
        raise BadInput("请扫描或输入订单号")
    with db.reading() as session:
        order = _order_for_code(session, text)
        return build_view(session, order)


def packing_view(db: Database, order_id: int) -> PackingView:
    with db.reading() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise OrderNotFound(str(order_id))
        return build_view(session, order)


def _order_for_code(session: Session, text: str) -> Order:
    try:
        return find_order(session, text)
    except OrderNotFound:
        pass

    if text.upper().startswith(PICK_SLIP_PREFIX) and text[len(PICK_SLIP_PREFIX) :].isdigit():
        order = session.get(Order, int(text[len(PICK_SLIP_PREFIX) :]))
        if order is not None:
            return order

    parsed = parse_scan(text)
    if not parsed.ok:
        raise BadInput(parsed.error)
    products = _products_for(session, parsed)
    if not products:
        raise OrderNotFound(text)
    waiting = session.scalars(
        select(Order)
        .join(OrderLine, OrderLine.order_id == Order.id)
        .where(OrderLine.product_id.in_([p.id for p in products]))
        .where(Order.status.in_([s.value for s in PACKABLE]))
        .distinct()
    ).all()
    ids = {p.id for p in products}
    waiting = [o for o in waiting if _still_needs(session, o, ids)]
    if not waiting:
        raise OrderNotFound(text)
    if len(waiting) > 1:
        raise ItemInSeveralOrders(text, sorted(o.order_no for o in waiting))
    return waiting[0]


def _still_needs(session: Session, order: Order, product_ids: set[int]) -> bool:
    """True when the order can be packed now and still lacks a unit of one of these products."""
    if blocked_reason(session, order):
        return False
    scanned = scanned_by_line(session, order.id)
    return any(
        ln.product_id in product_ids and scanned.get(ln.id, 0) < ln.quantity for ln in order.lines
    )


def _products_for(session: Session, parsed: ParsedScan) -> list[Product]:
    codes = parsed.lookup_codes
    if not codes:
        return []
    condition = Product.barcode.in_(codes)
    if parsed.kind == "text":
        condition = or_(condition, Product.sku == parsed.data)
    return list(session.scalars(select(Product).where(condition)))


def lock_order(session: Session, order_id: int) -> None:
    """Take the write lock on the order row before anything is read.

    Two desks (or two `packdesk pack` runs) scanning one order at once would each read the
    units scanned so far, both find room, and both store their scan: an order of 3 ended with
    6 accepted units and stuck in PACKING. A no-op UPDATE as the transaction's first statement
    makes SQLite take its write lock at once (waiting out the busy timeout) and PostgreSQL lock
    the row, so the second scan reads the counts only after the first has committed.
    """
    session.execute(
        update(Order)
        .where(Order.id == order_id)
        .values(status_since=Order.status_since)
        .execution_options(synchronize_session=False)
    )


@dataclass
class _Loaded:
    """What one scan reads, once: the order with its lines, their products, the units already
    scanned per line and why the order is blocked. The view is built from these too."""

    order: Order
    products: dict[int, Product]
    scanned: dict[int, int]
    blocked: str

    @staticmethod
    def of(session: Session, order_id: int) -> _Loaded:
        order = session.get(
            Order, order_id, options=[selectinload(Order.lines), selectinload(Order.findings)]
        )
        if order is None:
            raise OrderNotFound(str(order_id))
        return _Loaded(
            order,
            products_of(session, order),
            scanned_by_line(session, order.id),
            blocked_reason(session, order),
        )

    def view(self, session: Session) -> PackingView:
        return build_view(
            session, self.order, scanned=self.scanned, products=self.products, blocked=self.blocked
        )


def scan(
    db: Database, order_id: int, raw_code: str, quantity: int = 1, user: str | None = None
) -> ScanResult:
    """Tick `quantity` units of whatever `raw_code` names, or refuse; stored either way.

    A quantity typed before the code (`3*6901234567892`) multiplies `quantity`.
    """
    who = user or current_user()
    parsed = parse_scan(raw_code)
    units = quantity * parsed.quantity
    with db.transaction() as session:
        lock_order(session, order_id)
        loaded = _Loaded.of(session, order_id)
        line, reason = _match(session, loaded, parsed, units)
        # Everything is read; the writes go out in one flush at commit.
        with session.no_autoflush:
            if line is None:
                return _refuse(session, loaded, raw_code, units, reason, who, parsed)
            return _accept(session, loaded, line, raw_code, units, who, parsed, note="")


def _match(
    session: Session, loaded: _Loaded, parsed: ParsedScan, units: int
) -> tuple[OrderLine | None, str]:
    """The order line this scan ticks, or None and the reason it is refused.

    The order's own products are matched in memory first; the catalogue is only asked when
    the code is not one of them, to tell another order's item from an unknown code.
    """
    if loaded.blocked:
        return None, loaded.blocked
    if quantity_error(units):
        return None, quantity_error(units)
    if not parsed.ok:
        return None, parsed.error

    codes = set(parsed.lookup_codes)
    own = {
        pid
        for pid, p in loaded.products.items()
        if p.barcode in codes or (parsed.kind == "text" and p.sku == parsed.data)
    }
    candidates = [
        ln
        for ln in loaded.order.lines
        if (ln.product_id is not None and ln.product_id in own)
        or (parsed.kind == "text" and ln.sku == parsed.data)
    ]
    if not candidates:
        products = _products_for(session, parsed)
        if products:
            return None, f"{products[0].name}（{parsed.data}）不是本订单的商品"
        return None, f"未知条码 {parsed.data}"

    for line in candidates:
        if loaded.scanned.get(line.id, 0) + units <= line.quantity:
            return line, ""
    line = candidates[0]
    done = loaded.scanned.get(line.id, 0)
    return None, f"多扫了：{line.title or line.sku} 只需 {line.quantity} 件，已扫 {done} 件"


def _refuse(
    session: Session,
    loaded: _Loaded,
    raw: str,
    units: int,
    reason: str,
    who: str,
    parsed: ParsedScan,
) -> ScanResult:
    order = loaded.order
    session.add(
        ScanEvent(
            order_id=order.id,
            code=raw[:200],
            quantity=units,
            accepted=False,
            reason=reason,
            user=who,
        )
    )
    view = loaded.view(session)
    return ScanResult(False, reason, raw, units, None, "", order.status, False, view, parsed)


def _accept(
    session: Session,
    loaded: _Loaded,
    line: OrderLine,
    raw: str,
    units: int,
    who: str,
    parsed: ParsedScan | None,
    note: str,
) -> ScanResult:
    order = loaded.order
    session.add(
        ScanEvent(
            order_id=order.id,
            order_line_id=line.id,
            product_id=line.product_id,
            code=raw[:200],
            quantity=units,
            accepted=True,
            reason=note,
            user=who,
        )
    )
    loaded.scanned[line.id] = loaded.scanned.get(line.id, 0) + units
    if order.status in {Status.VERIFIED, Status.CONFIRMED}:
        move(order, Status.PACKING, user=who, note="开始扫描打包")
    parcels.add_to_open_parcel(session, order, line, units)

    view = loaded.view(session)
    completed = False
    if view.complete:
        move(order, Status.PACKED, user=who, note="全部商品已扫描")
        parcels.stamp_packed(session, order)
        loaded.blocked = blocked_reason(session, order)
        completed = True
        view = loaded.view(session)
        log.info("order %s packed by %s", order.order_no, who)
    reason = f"✓ {line.title or line.sku} ×{units}"
    return ScanResult(
        True, reason, raw, units, line.line_no, line.sku, order.status, completed, view, parsed
    )


def override_scan(
    db: Database,
    order_id: int,
    line_no: int,
    quantity: int,
    supervisor: str,
    reason: str,
    user: str | None = None,
) -> ScanResult:
    """A supervisor ticks units the scanner cannot (torn barcode, substitute agreed with the
    buyer). It is stored as an accepted scan and as an audited override."""
    who = user or current_user()
    parcels.require_supervisor(supervisor, reason)
    with db.transaction() as session:
        lock_order(session, order_id)
        loaded = _Loaded.of(session, order_id)
        order = loaded.order
        if loaded.blocked:
            raise BadInput(loaded.blocked)
        line = next((ln for ln in order.lines if ln.line_no == line_no), None)
        if line is None:
            raise BadInput(f"订单 {order.order_no} 没有第 {line_no} 行")
        done = loaded.scanned.get(line.id, 0)
        if quantity < 1 or done + quantity > line.quantity:
            raise BadInput(f"第 {line_no} 行只需 {line.quantity} 件，已扫 {done} 件")
        parcels.record_override(
            session,
            order,
            "scan",
            supervisor,
            reason,
            detail=f"line {line_no} ×{quantity}",
            user=who,
        )
        log.info(
            "scan override on order %s line %s by %s: %s",
            order.order_no,
            line_no,
            supervisor,
            reason,
        )
        return _accept(
            session,
            loaded,
            line,
            f"OVERRIDE:{line.sku}",
            quantity,
            who,
            None,
            note=f"主管 {supervisor} 放行：{reason}",
        )


def clerk_stats(db: Database, since: datetime | None = None) -> list[ClerkStats]:
    """Scans and refusals per clerk since `since` (default: today 00:00 in the desk zone),
    for the desk counter and the supervisor's wrong-scan review."""
    with db.reading() as session:
        return clerk_stats_since(session, since)
