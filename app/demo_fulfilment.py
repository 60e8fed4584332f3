"""What the demo shop's orders went through after the office: stock, packing scans, parcels.

`app.demo` invents the shop and moves each order along its path of states; this module leaves
behind the records the rest of the warehouse would have left for that path, so the demo's
packing slips, waybills and stock figures agree with its order states. The times come from
the order's own history, which lies in the past week.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order, ScanEvent, Shipment
from app.db.models.carriers import TrackingPoolNumber
from app.orders.status import Status
from app.packing import parcels
from app.packing.views import products_of
from app.shipping.seed import ensure_seeded
from app.stock.reservation import reserve_order, ship_order_stock

RESERVED_STATES = {
    Status.CONFIRMED,
    Status.BACKORDERED,
    Status.PACKING,
    Status.PACKED,
    Status.LABELLED,
}
SHIPPED_STATES = {Status.SHIPPED, Status.DELIVERED}
# States in which every unit of the order has been scanned at the packing desk.
PACKED_STATES = {Status.PACKED, Status.LABELLED} | SHIPPED_STATES
DEMO_CARRIERS = ("SF", "ZTO", "YTO", "JD")
# How far apart the scans of an order still being packed lie.
SCAN_SPACING = timedelta(seconds=20)


def fulfil(session: Session, order: Order, state: Status, rng: random.Random, user: str) -> None:
    """Leave the stock, scan and parcel records of an order that has reached `state`."""
    _stock(session, order, state, user)
    _scans(session, order, state, user)
    _shipment(session, order, state, rng)


def _stock(session: Session, order: Order, state: Status, user: str) -> None:
    """Confirmed orders hold a reservation; shipped ones have taken their goods out."""
    if state in RESERVED_STATES | SHIPPED_STATES:
        reserve_order(session, order, user)
    if state in SHIPPED_STATES:
        ship_order_stock(session, order, user)


def _scans(session: Session, order: Order, state: Status, user: str) -> None:
    """The accepted scans the packing desk would have stored, and the parcel they filled.

    `app.packing.service.scan` stamps each scan with the present moment and commits it on its
    own; the demo's history lies in the past and is stored in one transaction, so the same
    rows are written here: one accepted scan per unit, carrying the product's barcode, each
    line's units put into parcel 1 by the desk's own parcel helper. A packed order has every
    unit scanned, the first when it entered PACKING and the last when it became PACKED; an
    order still in PACKING lacks its last unit. Scanning moves no stock (the reservation made
    at confirmation ships at handover), so the ledger is left alone.

    Without these rows a demo order that was shipped printed a packing slip showing nothing
    shipped and everything short.
    """
    if state is not Status.PACKING and state not in PACKED_STATES:
        return
    products = products_of(session, order)
    units = [line for line in order.lines for _ in range(line.quantity)]
    events = _event_times(order)
    if state is Status.PACKING:
        units = units[:-1]
        times = [events["packing"] + SCAN_SPACING * k for k in range(len(units))]
    else:
        times = _spread(events["packing"], events["packed"], len(units))

    for line, at in zip(units, times, strict=True):
        product = products.get(line.product_id) if line.product_id else None
        session.add(
            ScanEvent(
                order_id=order.id,
                order_line_id=line.id,
                product_id=line.product_id,
                code=product.barcode if product and product.barcode else line.sku,
                quantity=1,
                accepted=True,
                user=user,
                at=at,
            )
        )
    for line, scanned in Counter(units).items():
        parcels.add_to_open_parcel(session, order, line, scanned)
    for shipment in parcels.parcels_of(session, order.id):
        shipment.created_at = times[0]


def _spread(first: datetime, last: datetime, count: int) -> list[datetime]:
    """`count` times from `first` to `last`, evenly; a single scan is the last one."""
    if count == 1:
        return [last]
    return [first + (last - first) * k / (count - 1) for k in range(count)]


def _event_times(order: Order) -> dict[str, datetime]:
    return {event.to_status: event.at for event in order.events}


def tracking_pools(session: Session, rng: random.Random, per_carrier: int = 40) -> None:
    """Pre-issued numbers, so the clerk can print waybills for the demo's packed orders."""
    ensure_seeded(session)
    used = set(
        session.scalars(select(Shipment.tracking_no).where(Shipment.tracking_no.is_not(None)))
    )
    for carrier in DEMO_CARRIERS:
        added = 0
        while added < per_carrier:
            number = _tracking_number(carrier, rng)
            if number in used:
                continue
            used.add(number)
            session.add(
                TrackingPoolNumber(carrier_code=carrier, number=number, source_file="演示数据")
            )
            added += 1


def _tracking_number(carrier: str, rng: random.Random) -> str:
    digits = rng.randint(10**11, 10**12 - 1)
    return {
        "SF": f"SF1{digits}",
        "ZTO": f"73{digits}",
        "YTO": f"YT2{digits}",
        "JD": f"JDVA{digits % 10**11:011d}",
    }[carrier]


def _shipment(session: Session, order: Order, state: Status, rng: random.Random) -> None:
    """Carrier, weight, waybill number and times of the parcel the scans filled."""
    if state not in PACKED_STATES:
        return
    events = _event_times(order)
    carrier = rng.choice(DEMO_CARRIERS)
    shipment = parcels.parcels_of(session, order.id)[0]
    shipment.carrier = carrier
    shipment.weight = sum((ln.quantity * Decimal("0.3") for ln in order.lines), Decimal("0.2"))
    shipment.tracking_no = None if state is Status.PACKED else _tracking_number(carrier, rng)
    shipment.packed_at = events.get("packed")
    shipment.waybill_printed_at = events.get("labelled")
    shipment.shipped_at = events.get("shipped")
