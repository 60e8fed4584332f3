"""Putting a tracking number on a parcel: typed, scanned from a pre-printed roll, or drawn from
the carrier's pool of pre-issued numbers.

A number belongs to one parcel only, for ever: a number used on order A is refused on order B,
and a voided waybill's number is never handed out again (the carrier may already have it in
its system). Saving the same number on the same parcel again changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings_checks
from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.carriers import TrackingPoolNumber, WaybillPrint
from app.db.types import utcnow
from app.errors import BadInput
from app.file_access import read_text
from app.orders.lookup import find_order
from app.shipping.carriers import get_carrier
from app.shipping.tracking_numbers import check_tracking_number, normalise

log = logging.getLogger(__name__)

LOW_POOL_KEY = "shipping.pool_low_threshold"
LOW_POOL_DEFAULT = 50


class BadTrackingNumber(BadInput):
    def __init__(self, number: str, reason: str) -> None:
        super().__init__(f"运单号 {number}: {reason}")
        self.number = number
        self.reason = reason


class TrackingNumberTaken(BadInput):
    """The number is already on another parcel (or was voided, which retires it)."""

    def __init__(self, number: str, order_no: str, voided: bool = False) -> None:
        words = "已作废（原订单 {o}），不能再用" if voided else "已被订单 {o} 使用"
        super().__init__(f"运单号 {number} " + words.format(o=order_no))
        self.number = number
        self.order_no = order_no
        self.voided = voided


class PoolEmpty(BadInput):
    def __init__(self, carrier_code: str, ever_filled: bool = True) -> None:
        state = "已用完" if ever_filled else "还没有导入运单号"
        super().__init__(
            f"{carrier_code} 的运单号池{state}，请导入运单号"
            f"（packdesk tracking pool import {carrier_code} 文件）或手工输入"
        )
        self.carrier_code = carrier_code


@dataclass(frozen=True)
class AssignResult:
    order_no: str
    carrier: str
    tracking_no: str
    from_pool: bool
    changed: bool
    pool_left: int
    pool_low: bool
    parcel_no: int = 1


@dataclass(frozen=True)
class PoolImportReport:
    carrier: str
    file: str
    added: int
    already_known: int
    # (line number, number as written, reason)
    refused: tuple[tuple[int, str, str], ...]
    left: int
    low: bool


def parcels_for(session: Session, order: Order) -> list[Shipment]:
    """The order's parcels by parcel number; parcel 1 is created when packing made none.

    A batch may put the parcels in `session.info["order_parcels"]` {order id: [parcels]} to
    save a query per order.
    """
    known = session.info.setdefault("order_parcels", {})
    if order.id in known:
        return known[order.id]
    shipments = list(
        session.scalars(
            select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.parcel_no)
        )
    )
    if not shipments:
        shipments = [Shipment(order_id=order.id, parcel_no=1)]
        session.add(shipments[0])
        session.flush()
    known[order.id] = shipments
    return shipments


def shipment_for(session: Session, order: Order, parcel_no: int = 1) -> Shipment:
    """One parcel of the order (the first by default, which carries the main number)."""
    for shipment in parcels_for(session, order):
        if shipment.parcel_no == parcel_no:
            return shipment
    raise BadInput(f"订单 {order.order_no} 没有第 {parcel_no} 个包裹")


def pool_left(session: Session, carrier_code: str) -> int:
    return session.scalar(
        select(func.count(TrackingPoolNumber.id)).where(
            TrackingPoolNumber.carrier_code == carrier_code,
            TrackingPoolNumber.used_at.is_(None),
        )
    )


def pool_is_low(session: Session, left: int) -> bool:
    return left < settings_checks.read(session, LOW_POOL_KEY, LOW_POOL_DEFAULT)


def _owner_of(session: Session, number: str) -> tuple[Shipment | None, str | None]:
    """The parcel holding `number`, or the order of a voided waybill that retired it."""
    holder = session.scalar(select(Shipment).where(Shipment.tracking_no == number))
    if holder is not None:
        return holder, None
    voided = session.scalar(
        select(Order.order_no)
        .join(WaybillPrint, WaybillPrint.order_id == Order.id)
        .where(WaybillPrint.tracking_no == number, WaybillPrint.action == "void")
    )
    return None, voided


def _draw_from_pool(session: Session, carrier_code: str) -> TrackingPoolNumber:
    entry = session.scalar(
        select(TrackingPoolNumber)
        .where(
            TrackingPoolNumber.carrier_code == carrier_code,
            TrackingPoolNumber.used_at.is_(None),
        )
        .order_by(TrackingPoolNumber.id)
        .limit(1)
    )
    if entry is None:
        ever = session.scalar(
            select(TrackingPoolNumber.id)
            .where(TrackingPoolNumber.carrier_code == carrier_code)
            .limit(1)
        )
        raise PoolEmpty(carrier_code, ever_filled=ever is not None)
    return entry


def assign(
    session: Session,
    order: Order,
    carrier_code: str,
    number: str | None = None,
    parcel_no: int = 1,
) -> AssignResult:
    """Put `number` (or the next pool number) on one parcel of the order, with its carrier.

    Every parcel has its own number. Chinese carriers treat the first parcel's number as the
    main number (母单号) and the others as child numbers (子单号); both come from the same pool
    and pass the same format check, so a child number is assigned exactly like a main one.
    """
    carrier = get_carrier(session, carrier_code)
    shipment = shipment_for(session, order, parcel_no)

    pool_entry = None
    if number is None:
        if shipment.tracking_no and shipment.carrier == carrier.code:
            return _result(session, order, shipment, from_pool=False, changed=False)
        pool_entry = _draw_from_pool(session, carrier.code)
        number = pool_entry.number
    number = normalise(number)

    problem = check_tracking_number(carrier.code, number)
    if problem:
        raise BadTrackingNumber(number, problem)
    holder, voided_on = _owner_of(session, number)
    if voided_on is not None:
        raise TrackingNumberTaken(number, voided_on, voided=True)
    if holder is not None and holder.id != shipment.id:
        other = session.get(Order, holder.order_id)
        raise TrackingNumberTaken(number, other.order_no)
    if holder is not None and shipment.carrier == carrier.code:
        return _result(session, order, shipment, from_pool=False, changed=False)
    if shipment.tracking_no and shipment.waybill_printed_at and shipment.tracking_no != number:
        raise BadInput(
            f"订单 {order.order_no} 第 {shipment.parcel_no} 个包裹已用运单号 "
            f"{shipment.tracking_no} 打印面单，请先作废再换号"
        )

    if shipment.carrier != carrier.code:
        # A service belongs to one carrier: a parcel moved to another carrier goes with the
        # main parcel's service when that is the same carrier, else with its default.
        main = shipment_for(session, order)
        shipment.service = main.service if main.carrier == carrier.code else ""
    shipment.carrier = carrier.code
    shipment.tracking_no = number
    if pool_entry is None:
        pool_entry = session.scalar(
            select(TrackingPoolNumber).where(TrackingPoolNumber.number == number)
        )
    if pool_entry is not None:
        pool_entry.used_at = utcnow()
    session.flush()
    log.info(
        "order %s parcel %d: tracking %s %s",
        order.order_no,
        shipment.parcel_no,
        carrier.code,
        number,
    )
    return _result(session, order, shipment, from_pool=pool_entry is not None, changed=True)


def _result(session, order, shipment, *, from_pool: bool, changed: bool) -> AssignResult:
    left = pool_left(session, shipment.carrier)
    return AssignResult(
        order.order_no,
        shipment.carrier,
        shipment.tracking_no,
        from_pool,
        changed,
        left,
        pool_is_low(session, left),
        shipment.parcel_no,
    )


def assign_tracking_number(
    db: Database,
    order_no: str,
    carrier_code: str,
    number: str | None = None,
    parcel_no: int = 1,
) -> AssignResult:
    """Service: typed/scanned number, or the next pool number when `number` is None."""
    with db.transaction() as session:
        return assign(session, find_order(session, order_no), carrier_code, number, parcel_no)


def import_pool(db: Database, carrier_code: str, path: Path | str) -> PoolImportReport:
    """Add pre-issued numbers (one per line; blank lines and # comments skipped).

    A number in the wrong format refuses that line, naming it; a number the pool already has
    is counted and skipped, so importing the same file twice adds nothing.
    """
    path = Path(path)
    text = read_text(path)

    with db.transaction() as session:
        carrier = get_carrier(session, carrier_code)
        known = set(session.scalars(select(TrackingPoolNumber.number)))
        known |= set(
            session.scalars(select(Shipment.tracking_no).where(Shipment.tracking_no.is_not(None)))
        )
        refused: list[tuple[int, str, str]] = []
        added = already = 0
        for line_no, raw in enumerate(text.splitlines(), start=1):
            cell = raw.split(",")[0].strip()
            if not cell or cell.startswith("#"):
                continue
            number = normalise(cell)
            problem = check_tracking_number(carrier.code, number)
            if problem:
                refused.append((line_no, cell, problem))
                continue
            if number in known:
                already += 1
                continue
            known.add(number)
            session.add(
                TrackingPoolNumber(carrier_code=carrier.code, number=number, source_file=path.name)
            )
            added += 1
        session.flush()
        left = pool_left(session, carrier.code)
        low = pool_is_low(session, left)

    log.info(
        "pool import %s for %s: %d added, %d known, %d refused, %d left",
        path,
        carrier.code,
        added,
        already,
        len(refused),
        left,
    )
    return PoolImportReport(carrier.code, str(path), added, already, tuple(refused), left, low)


@dataclass(frozen=True)
class PoolStatus:
    carrier: str
    left: int
    low: bool


def pool_status(db: Database) -> list[PoolStatus]:
    """How many pre-issued numbers each carrier has left, and whether that is running low."""
    with db.reading() as session:
        counts = dict(
            session.execute(
                select(TrackingPoolNumber.carrier_code, func.count(TrackingPoolNumber.id))
                .where(TrackingPoolNumber.used_at.is_(None))
                .group_by(TrackingPoolNumber.carrier_code)
            ).all()
        )
        return [PoolStatus(code, n, pool_is_low(session, n)) for code, n in sorted(counts.items())]
