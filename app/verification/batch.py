"""Reading and writing orders for a verification run in bulk.

The rules and `app.orders.status.move` work on `Order` objects. Loading 100,000 of them into a
session and letting the unit of work flush them costs about 1 ms per order, five times the
import, so a run builds plain (transient) `Order` objects from Core rows, lets the rules and
`move()` change them, and writes back only what changed with executemany statements. State
changes still happen only through `move()`: its events are the rows inserted here.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.db.models import Order, OrderEvent, OrderLine

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
ORDER_READ = ORDER_FIELDS + (
    "id",
    "platform",
    "order_no",
    "recipient",
    "buyer",
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
LINE_FIELDS = ("sku", "product_id")
LINE_READ = LINE_FIELDS + (
    "id",
    "order_id",
    "line_no",
    "title",
    "attributes",
    "quantity",
    "unit_price",
)


def load_orders(session: Session, ids: list[int]) -> tuple[list[Order], dict, dict]:
    """Transient orders with their lines, and the values they had (to find what changed)."""
    order_cols = [getattr(Order, name) for name in ORDER_READ]
    line_cols = [getattr(OrderLine, name) for name in LINE_READ]
    lines_of: dict[int, list[dict]] = defaultdict(list)
    for row in session.execute(
        select(*line_cols).where(OrderLine.order_id.in_(ids)).order_by(OrderLine.line_no)
    ).mappings():
        lines_of[row["order_id"]].append(dict(row))

    orders, before, lines_before = [], {}, {}
    for row in session.execute(select(*order_cols).where(Order.id.in_(ids)).order_by(Order.id)):
        values = dict(zip(ORDER_READ, row, strict=True))
        order = Order(**values)
        for line_values in lines_of.get(values["id"], []):
            order.lines.append(OrderLine(**line_values))
            lines_before[line_values["id"]] = tuple(line_values[f] for f in LINE_FIELDS)
        before[values["id"]] = tuple(values[f] for f in ORDER_FIELDS)
        orders.append(order)
    return orders, before, lines_before


def save_orders(session: Session, orders: list[Order], before: dict, lines_before: dict) -> None:
    """Write changed order fields, changed line links and the events `move()` recorded."""
    order_rows, line_rows, event_rows = [], [], []
    for order in orders:
        now = tuple(getattr(order, f) for f in ORDER_FIELDS)
        if now != before[order.id]:
            order_rows.append({"_id": order.id, **dict(zip(ORDER_FIELDS, now, strict=True))})
        for line in order.lines:
            values = tuple(getattr(line, f) for f in LINE_FIELDS)
            if values != lines_before.get(line.id):
                line_rows.append({"_id": line.id, **dict(zip(LINE_FIELDS, values, strict=True))})
        for event in order.events:
            event_rows.append(
                {
                    "order_id": order.id,
                    "from_status": event.from_status,
                    "to_status": event.to_status,
                    "at": event.at,
                    "user": event.user,
                    "note": event.note,
                }
            )

    table, lines = Order.__table__, OrderLine.__table__
    connection = session.connection()
    if order_rows:
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({f: bindparam(f, type_=table.c[f].type) for f in ORDER_FIELDS})
        )
        connection.execute(statement, order_rows)
    if line_rows:
        statement = (
            update(lines)
            .where(lines.c.id == bindparam("_id"))
            .values({f: bindparam(f, type_=lines.c[f].type) for f in LINE_FIELDS})
        )
        connection.execute(statement, line_rows)
    if event_rows:
        connection.execute(insert(OrderEvent.__table__), event_rows)
