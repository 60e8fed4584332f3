"""Storing parsed orders: new ones in bulk, changed open ones updated, the rest left alone.

New orders go in through `bulk.bulk_insert` (ORM objects per row are ~25x slower on 100k
rows, see measurements.md). Their arrival event is written as the same row
`app.orders.status.record_arrival` writes; building that many ORM objects to call it costs
about 7 s per 100k orders. Updates and cancellations are rare and go through the ORM and
`app.orders.status.move`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter

from sqlalchemy import select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from app.db.models import Finding, Order, OrderEvent, OrderLine, Product
from app.db.types import utcnow
from app.intake import stop_list
from app.intake.bulk import bulk_insert
from app.intake.changes import apply_changes, changed_fields, checked_words
from app.intake.records import ParsedOrder, RowOutcome
from app.orders.status import OPEN_STATES, Status, move

log = logging.getLogger(__name__)

# The Order columns an import sets; comparing them tells an update from a repeat.
FIELDS = (
    "buyer",
    "email",
    "recipient",
    "phone",
    "province",
    "city",
    "district",
    "address_detail",
    "postcode",
    "address_raw",
    "goods_total",
    "postage",
    "discount",
    "paid_total",
    "paid",
    "platform_status",
    "buyer_remark",
    "seller_remark",
    "created_at",
    "paid_at",
)
# What a format that lacks a field stores for it.
DEFAULTS = {name: "" for name in FIELDS} | {
    "goods_total": Decimal("0"),
    "postage": Decimal("0"),
    "discount": Decimal("0"),
    "paid_total": Decimal("0"),
    "paid": False,
    "created_at": None,
    "paid_at": None,
}
CANCELLED_REASON = "平台上已取消 (cancelled on the platform)"
RECHECK_NOTE = "平台导出更新：需重新审核"
_RESERVED = {Status.CONFIRMED.value, Status.BACKORDERED.value}
_STOPPABLE = {Status.PACKING.value, Status.PACKED.value, Status.LABELLED.value}
_LOOKUP_CHUNK = 900


@dataclass
class StoreTally:
    user: str
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    held: int = 0
    stopped: int = 0
    rows: list[RowOutcome] = field(default_factory=list)
    products: dict[str, int] | None = None


def store_orders(session: Session, orders: list[ParsedOrder], tally: StoreTally) -> None:
    """Store one batch of orders of one platform inside the caller's transaction."""
    if not orders:
        return
    if tally.products is None:
        tally.products = dict(session.execute(select(Product.sku, Product.id)).all())
    existing = _existing(session, orders[0].platform, [o.order_no for o in orders])

    new: list[ParsedOrder] = []
    for parsed in orders:
        known = existing.get(parsed.order_no)
        if known is None:
            new.append(parsed)
            continue
        changed = changed_fields(parsed, known.row, known.lines, FIELDS)
        if changed or (parsed.cancelled and not known.cancelled):
            order = session.get(Order, known.row.id)
            _apply_repeat(session, parsed, order, changed, tally)
        else:
            tally.unchanged += 1
            tally.rows.append(RowOutcome(parsed.file, parsed.row, parsed.order_no, "unchanged"))
    _insert_new(session, new, tally)


@dataclass(slots=True)
class _Known:
    """An order already stored, as plain rows: ORM objects are built only for those an import
    changes (loading 100k of them with their lines to find none changed takes seconds)."""

    row: Row
    lines: list[Row] = field(default_factory=list)
    cancelled: bool = False


_KNOWN_COLUMNS = ("id", "order_no", "status", "phone_ext", *FIELDS)
_KNOWN_LINE_COLUMNS = ("order_id", "sku", "title", "attributes", "quantity", "unit_price")


def _existing(session: Session, platform: str, numbers: list[str]) -> dict[str, _Known]:
    orders_t, lines_t = Order.__table__, OrderLine.__table__
    found: dict[str, _Known] = {}
    for start in range(0, len(numbers), _LOOKUP_CHUNK):
        chunk = numbers[start : start + _LOOKUP_CHUNK]
        query = select(*(orders_t.c[name] for name in _KNOWN_COLUMNS)).where(
            orders_t.c.platform == platform, orders_t.c.order_no.in_(chunk)
        )
        by_id = {row.id: _Known(row) for row in session.execute(query)}
        if not by_id:
            continue
        lines = (
            select(*(lines_t.c[name] for name in _KNOWN_LINE_COLUMNS))
            .where(lines_t.c.order_id.in_(by_id))
            .order_by(lines_t.c.order_id, lines_t.c.line_no)
        )
        for line in session.execute(lines):
            by_id[line.order_id].lines.append(line)
        cancelled = select(Finding.order_id).where(
            Finding.order_id.in_(by_id), Finding.rule == "platform_cancelled"
        )
        for order_id in session.scalars(cancelled):
            by_id[order_id].cancelled = True
        found.update((known.row.order_no, known) for known in by_id.values())
    return found


_ORDER_NAMES = (
    *FIELDS,
    "platform",
    "order_no",
    "status",
    "status_since",
    "imported_at",
    "source_file",
    "phone_ext",
    "province_code",
    "city_code",
    "district_code",
)
_LINE_NAMES = (
    "order_id",
    "line_no",
    "sku",
    "product_id",
    "title",
    "attributes",
    "quantity",
    "unit_price",
)
_EVENT_NAMES = ("order_id", "from_status", "to_status", "at", "user", "note")
_pick_fields = itemgetter(*FIELDS)


def _insert_new(session: Session, orders: list[ParsedOrder], tally: StoreTally) -> None:
    """Orders, their lines and their arrival events as plain tuples (finishers only ever set
    `Order` fields, so `{**DEFAULTS, **fields}` holds exactly the columns)."""
    if not orders:
        return
    now = utcnow()
    new = Status.NEW.value
    order_rows = [
        (
            *_pick_fields({**DEFAULTS, **o.fields}),
            o.platform,
            o.order_no,
            new,
            o.arrived_at or now,
            now,
            o.file,
            "",
            "",
            "",
            "",
        )
        for o in orders
    ]
    bulk_insert(session, Order.__table__, _ORDER_NAMES, order_rows)
    ids = _ids_of(session, orders[0].platform, [o.order_no for o in orders])

    products = tally.products or {}
    line_rows, event_rows = [], []
    for o in orders:
        order_id = ids[o.order_no]
        line_rows.extend(
            (
                order_id,
                no,
                ln.sku,
                products.get(ln.sku),
                ln.title,
                ln.attributes,
                ln.quantity,
                ln.unit_price,
            )
            for no, ln in enumerate(o.lines, start=1)
        )
        event_rows.append((order_id, "", new, o.arrived_at or now, tally.user, f"导入 {o.file}"))
        tally.rows.append(RowOutcome(o.file, o.row, o.order_no, "stored"))
    bulk_insert(session, OrderLine.__table__, _LINE_NAMES, line_rows)
    bulk_insert(session, OrderEvent.__table__, _EVENT_NAMES, event_rows)
    tally.stored += len(orders)


def _ids_of(session: Session, platform: str, numbers: list[str]) -> dict[str, int]:
    """Ids of just-inserted orders. Asked for afterwards, because RETURNING in a bulk insert
    makes SQLite insert row by row when the order of ids must match (~4x slower)."""
    ids: dict[str, int] = {}
    for start in range(0, len(numbers), _LOOKUP_CHUNK):
        chunk = numbers[start : start + _LOOKUP_CHUNK]
        query = select(Order.order_no, Order.id).where(
            Order.platform == platform, Order.order_no.in_(chunk)
        )
        ids.update((no, id_) for no, id_ in session.execute(query))
    return ids


def _apply_repeat(
    session: Session, parsed: ParsedOrder, order: Order, changed: set[str], tally: StoreTally
) -> None:
    """The order is known: leave it, update it while open, or hold/stop it if cancelled.

    An update to a field verification checks sends a verified, confirmed or held order back
    to `new` (its reservation released, its old findings dropped), so it is verified again.
    """
    newly_cancelled = parsed.cancelled and not _has_cancel_finding(order)
    is_open = order.status in OPEN_STATES
    checked = checked_words(changed) if is_open and not parsed.cancelled else []
    recheck = bool(checked) and order.status != Status.NEW.value

    if is_open and order.status in _RESERVED and (recheck or newly_cancelled):
        # Before the lines change: the release is posted against each line's own product.
        _release(session, order, tally.user)

    notes: list[str] = []
    if recheck:
        order.findings.clear()
        move(order, Status.NEW, user=tally.user, note=RECHECK_NOTE)
        notes.append(f"平台更新了{'、'.join(checked)}，已退回重新审核")
    if is_open and changed:
        notes += apply_changes(session, parsed, order, changed, tally.products or {})
        log.info("order %s updated from %s: %s", order.order_no, parsed.file, sorted(changed))
        outcome = "updated"
        tally.updated += 1
    else:
        outcome = "unchanged"
        tally.unchanged += 1

    if newly_cancelled and is_open:
        order.findings.append(
            Finding(rule="platform_cancelled", field="platform_status", reason=CANCELLED_REASON)
        )
        move(order, Status.HELD, user=tally.user, note=CANCELLED_REASON)
        outcome, notes = "held", [CANCELLED_REASON]
        tally.held += 1
    elif newly_cancelled and order.status in _STOPPABLE:
        order.findings.append(
            Finding(rule="platform_cancelled", field="platform_status", reason=CANCELLED_REASON)
        )
        order.platform_status = parsed.fields.get("platform_status", order.platform_status)
        stop_list.stop(session, order.id, CANCELLED_REASON)
        outcome, notes = "stopped", ["已打包/已打面单，已加入拦截清单：" + CANCELLED_REASON]
        tally.stopped += 1
    elif changed and not is_open:
        notes = ["订单已进入打包或发货，未按新导出修改"]
    reason = "；".join(notes)
    tally.rows.append(RowOutcome(parsed.file, parsed.row, parsed.order_no, outcome, reason=reason))


def _release(session: Session, order: Order, user: str) -> None:
    # Imported here: stock is a later step of the flow than intake.
    from app.stock.reservation import release_order

    release_order(session, order, user)


def _has_cancel_finding(order: Order) -> bool:
    return any(f.rule == "platform_cancelled" for f in order.findings)
