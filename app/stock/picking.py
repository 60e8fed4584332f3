"""The pick list for a batch of orders: what to take from which bin, in walking order.

Rows are per product (summed over the batch) and sorted by bin code, so the picker walks the
aisles once. Quantities are what each line holds reserved, because only reserved goods may
leave the shelf; cancelled orders are left out and named, so nobody picks them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Order, Product
from app.orders.status import Status
from app.stock.reservation import line_holdings
from app.stock.units import line_pieces


@dataclass(frozen=True)
class PickRow:
    bin: str
    sku: str
    name: str
    barcode: str
    quantity: int
    order_nos: tuple[str, ...]


@dataclass(frozen=True)
class PickOrder:
    """One order of the batch, for its pick slip: the packing desk opens it by `order_id`."""

    order_id: int
    order_no: str
    recipient: str
    pieces: int


@dataclass(frozen=True)
class PickList:
    rows: tuple[PickRow, ...]
    order_nos: tuple[str, ...]
    skipped_cancelled: tuple[str, ...]
    orders: tuple[PickOrder, ...] = ()


def _bin_key(row: PickRow) -> tuple[int, str, str]:
    """Products without a bin go last; bins sort as text (A-01-02 before A-02-01)."""
    return (0 if row.bin else 1, row.bin, row.sku)


def pick_list(session: Session, order_nos: list[str]) -> PickList:
    orders = session.scalars(
        select(Order).where(Order.order_no.in_(order_nos)).options(selectinload(Order.lines))
    ).all()
    wanted: dict[int, int] = {}
    by_product: dict[int, list[str]] = {}
    cancelled = []
    slips = []

    for order in sorted(orders, key=lambda o: o.order_no):
        if order.status == Status.CANCELLED.value:
            cancelled.append(order.order_no)
            continue
        holdings = line_holdings(session, order)
        pieces = 0
        for line in order.lines:
            product_id, _pieces = line_pieces(session, line)
            reserved, _shipped = holdings.get(line.id, (0, 0))
            if product_id is None or reserved <= 0:
                continue
            wanted[product_id] = wanted.get(product_id, 0) + reserved
            pieces += reserved
            by_product.setdefault(product_id, []).append(order.order_no)
        slips.append(PickOrder(order.id, order.order_no, order.recipient, pieces))

    products = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(wanted)))}
    rows = [
        PickRow(
            products[pid].bin,
            products[pid].sku,
            products[pid].name,
            products[pid].barcode or "",
            qty,
            tuple(dict.fromkeys(by_product[pid])),
        )
        for pid, qty in wanted.items()
    ]
    return PickList(
        tuple(sorted(rows, key=_bin_key)),
        tuple(o.order_no for o in orders if o.order_no not in cancelled),
        tuple(cancelled),
        tuple(slips),
    )
