"""Reading and writing orders for a verification run in bulk.

The rules and `app.orders.status.move` only read and set attributes, so a run hands them plain
records instead of ORM objects: building 100,000 instrumented `Order` objects (even transient
ones) and reading their attributes through SQLAlchemy's descriptors cost more than the rules
themselves. Rows are read with Core in chunks, the rules and `move()` change the records, and
only what changed is written back with executemany statements.

State changes go through `move_record`, the record twin of `app.orders.status.move`: the same
`can_move` check against `TRANSITIONS` (an illegal move raises `IllegalTransition`) and the same
event with time and user, kept as a plain row because building an ORM `OrderEvent` per order
cost a tenth of the run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy.orm import Session

from app.db.models import Order, OrderEvent, OrderLine
from app.errors import IllegalTransition
from app.intake.bulk import bulk_insert
from app.orders.status import LABELS, Status, can_move
from app.verification.bulk_sql import select_in, update_many

# What the rules and move() may change; everything else is read only.
ORDER_FIELDS = (
    "status",
    "status_since",
    "province",
    "city",
    "district",
    "province_code",
    "city_code",
    "district_code",
    "address_detail",
    "postcode",
    "phone",
    "phone_ext",
)
LINE_FIELDS = ("sku", "product_id")
# The changeable fields of a record as one tuple, to compare before and after.
_changeable = attrgetter(*ORDER_FIELDS)
EVENT_COLUMNS = ("order_id", "from_status", "to_status", "at", "user", "note")


class EventRecord(NamedTuple):
    """A state change of a record, inserted as an `OrderEvent` row (same column names)."""

    from_status: str
    to_status: str
    at: datetime
    user: str
    note: str


@dataclass(slots=True, eq=False)
class LineRecord:
    """One order line as the rules see it (the attribute names of `OrderLine`)."""

    id: int
    order_id: int
    line_no: int
    title: str
    attributes: str
    quantity: int
    unit_price: Decimal
    sku: str
    product_id: int | None


@dataclass(slots=True, eq=False)
class OrderRecord:
    """One order as the rules and `move_record` see it: the `Order` attributes they read."""

    id: int
    order_no: str
    recipient: str
    address_raw: str
    goods_total: Decimal
    postage: Decimal
    discount: Decimal
    paid_total: Decimal
    paid: bool
    platform_status: str
    buyer_remark: str
    seller_remark: str
    status: str
    status_since: datetime
    province: str
    city: str
    district: str
    province_code: str
    city_code: str
    district_code: str
    address_detail: str
    postcode: str
    phone: str
    phone_ext: str
    lines: list[LineRecord] = field(default_factory=list)
    # State changes made by `move_record`, inserted in bulk by `save_orders`.
    events: list[EventRecord] = field(default_factory=list)


ORDER_READ = tuple(f for f in OrderRecord.__dataclass_fields__ if f not in ("lines", "events"))
LINE_READ = tuple(LineRecord.__dataclass_fields__)


def move_record(
    order: OrderRecord, wanted: Status, *, user: str, at: datetime, note: str = ""
) -> EventRecord:
    """Move a record as `app.orders.status.move` moves an `Order`, or raise `IllegalTransition`."""
    current = Status(order.status)
    if not can_move(current, wanted):
        raise IllegalTransition(order.order_no, LABELS[current], LABELS[Status(wanted)])

    event = EventRecord(current.value, Status(wanted).value, at, user, note)
    order.events.append(event)
    order.status = event.to_status
    order.status_since = at
    return event


@dataclass(slots=True)
class Loaded:
    """A chunk of records and the values they had, to write back only what changed."""

    orders: list[OrderRecord]
    before: dict[int, tuple]
    lines_before: dict[int, tuple]


def load_orders(session: Session, ids: list[int], statuses: tuple[str, ...]) -> Loaded:
    """Records for the orders of `ids` that are (still) in one of `statuses`, with lines.

    The state is checked again here because a run commits chunk by chunk: an order confirmed
    at another desk after the run started must not be verified again.
    """
    rows = select_in(session, Order.__table__, ORDER_READ, "id", ids, also=("status", statuses))
    wanted = [row[0] for row in rows]

    lines_of: dict[int, list[LineRecord]] = defaultdict(list)
    lines_before: dict[int, tuple] = {}
    lines = select_in(
        session,
        OrderLine.__table__,
        LINE_READ,
        "order_id",
        wanted,
        order_by=("order_id", "line_no"),
    )
    for row in lines:
        line = LineRecord(*row)
        lines_of[line.order_id].append(line)
        lines_before[line.id] = (line.sku, line.product_id)

    orders, before = [], {}
    for row in rows:
        order = OrderRecord(*row, lines=lines_of.get(row[0], []))
        orders.append(order)
        before[order.id] = _changeable(order)
    return Loaded(orders, before, lines_before)


def save_orders(session: Session, loaded: Loaded) -> None:
    """Write changed order fields, changed line links and the events `move_record` made."""
    order_rows, line_rows, event_rows = [], [], []
    for order in loaded.orders:
        now = _changeable(order)
        if now != loaded.before[order.id]:
            order_rows.append((*now, order.id))
        for line in order.lines:
            values = (line.sku, line.product_id)
            if values != loaded.lines_before.get(line.id):
                line_rows.append((*values, line.id))
        for e in order.events:
            event_rows.append((order.id, e.from_status, e.to_status, e.at, e.user, e.note))

    update_many(session, Order.__table__, ORDER_FIELDS, "id", order_rows)
    update_many(session, OrderLine.__table__, LINE_FIELDS, "id", line_rows)
    bulk_insert(session, OrderEvent.__table__, EVENT_COLUMNS, event_rows)
