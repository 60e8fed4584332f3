"""Putting a tracking number on a parcel: typed, scanned from a pre-printed roll, or drawn from
the carrier's pool of pre-issued numbers.

A number belongs to one parcel only, for ever: a number used on order A is refused on order B,
and a voided waybill's number is never handed out again (the carrier may already have it in
its system). Saving the same number on the same parcel again changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings_checks
from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.carriers import TrackingPoolNumber, WaybillPrint
from app.db.types import utcnow
from app.errors import BadInput
from app.orders.lookup import find_order
from app.orders.status import LABELS, Status
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


def taken_words(order_no: str, voided: bool = False) -> str:
    """Why a number cannot go on another parcel: the order holding it, or the voided one."""
    return f"已作废（原订单 {order_no}），不能再用" if voided else f"已被订单 {order_no} 使用"


class TrackingNumberTaken(BadInput):
    """The number is already on another parcel (or was voided, which retires it)."""

    def __init__(self, number: str, order_no: str, voided: bool = False) -> None:
        super().__init__(f"运单号 {number} {taken_words(order_no, voided)}")
        self.number = number
        self.order_no = order_no
        self.voided = voided


# A number is put on a parcel from verification on and until the parcel leaves: before that the
# order may still be held or cancelled, and a number drawn for it would be spent for nothing.
NUMBERABLE = frozenset(
    {
        Status.VERIFIED,
        Status.CONFIRMED,
        Status.BACKORDERED,
        Status.PACKING,
        Status.PACKED,
        Status.LABELLED,
    }
)
# What the clerk does about an order in a state that takes no number.
_NOT_NUMBERABLE_HINTS = {
    Status.NEW: "请先审核订单",
    Status.HELD: "请先处理挂起原因（如未付款），审核通过后再分配",
    Status.CANCELLED: "已取消的订单不发货",
    Status.SHIPPED: "包裹已交给快递公司，不能再换运单号",
    Status.DELIVERED: "包裹已签收，不能再换运单号",
}


class OrderNotNumberable(BadInput):
    """The order is in a state that must not get a tracking number (cancelled, held, ...)."""

    def __init__(self, order_no: str, status: Status) -> None:
        hint = _NOT_NUMBERABLE_HINTS.get(status, "")
        super().__init__(
            f"订单 {order_no} 状态为「{LABELS[status]}」，不能分配运单号"
            + (f"：{hint}" if hint else "")
        )
        self.order_no = order_no
        self.status = status


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


def has_pool(session: Session, carrier_code: str) -> bool:
    """Whether numbers were ever imported for the carrier (used up or not)."""
    first = session.scalar(
        select(TrackingPoolNumber.id)
        .where(TrackingPoolNumber.carrier_code == carrier_code)
        .limit(1)
    )
    return first is not None


def pool_is_low(session: Session, left: int) -> bool:
    return left < settings_checks.read(session, LOW_POOL_KEY, LOW_POOL_DEFAULT)


def require_numberable(order: Order) -> None:
    """Refuse an order that must not get a number now (see NUMBERABLE)."""
    status = Status(order.status)
    if status not in NUMBERABLE:
        raise OrderNotNumberable(order.order_no, status)


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
    """The carrier's oldest unused pool number that no parcel holds and no void retired.

    A pool number can be spent without being marked used: a voided number imported before the
    import refused them, or a number typed on a parcel before it reached the pool. Handing it
    out would fail every draw that follows, so it is passed over and marked used on the way.
    """
    number = TrackingPoolNumber.number
    spent = (
        select(Shipment.id).where(Shipment.tracking_no == number).exists()
        | select(WaybillPrint.id)
        .where(WaybillPrint.tracking_no == number, WaybillPrint.action == "void")
        .exists()
    )
    query = (
        select(TrackingPoolNumber, spent)
        .where(
            TrackingPoolNumber.carrier_code == carrier_code,
            TrackingPoolNumber.used_at.is_(None),
        )
        .order_by(TrackingPoolNumber.id)
        .limit(1)
    )
    while (row := session.execute(query).first()) is not None:
        entry, is_spent = row
        if not is_spent:
            return entry
        log.warning(
            "pool number %s %s is on a parcel or voided; marked used", carrier_code, entry.number
        )
        entry.used_at = utcnow()
        session.flush()
    raise PoolEmpty(carrier_code, ever_filled=has_pool(session, carrier_code))


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
    require_numberable(order)
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
    # A carrier whose numbers are always typed has no pool to run low.
    low = pool_is_low(session, left) and (from_pool or has_pool(session, shipment.carrier))
    return AssignResult(
        order.order_no,
        shipment.carrier,
        shipment.tracking_no,
        from_pool,
        changed,
        left,
        low,
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
