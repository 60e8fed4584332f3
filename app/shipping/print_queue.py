"""The print queue: parcels waiting for a waybill or already labelled, and voiding a waybill.

Voiding frees the parcel for a new waybill but retires the number: the carrier may already have
it in its system, so it is never handed out again (the void is remembered by number, and a
pool number stays marked used).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.carriers import Handover, HandoverItem, WaybillPrint
from app.errors import BadInput
from app.orders.lookup import find_order
from app.orders.status import LABELS, Status, move
from app.shipping.carriers import carriers, default_service
from app.shipping.stops import stop_reason, stopped_orders

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueueRow:
    order_no: str
    status: str
    status_label: str
    recipient: str
    destination: str
    carrier: str
    tracking_no: str
    printed_at: datetime | None
    # Why the parcel must not leave (cancelled on the platform), or "".
    stopped: str
    # The carrier's service the parcel travels by (its default when none was chosen).
    service: str = ""


def print_queue(db: Database, include_labelled: bool = True, limit: int = 2000) -> list[QueueRow]:
    """Packed orders waiting for their waybill, then labelled ones not yet handed over."""
    states = [Status.PACKED.value] + ([Status.LABELLED.value] if include_labelled else [])
    with db.reading() as session:
        return _rows(session, Order.status.in_(states), limit)


def queue_row(db: Database, order_no: str) -> QueueRow:
    """One order's parcel as the queue shows it (carrier, service, number), in any state:
    the carrier choice dialog says what the order has now before the clerk changes it."""
    with db.reading() as session:
        order = find_order(session, order_no)
        return _rows(session, Order.id == order.id, 1)[0]


def _rows(session, where, limit: int) -> list[QueueRow]:
    rows = session.execute(
        select(Order, Shipment)
        .outerjoin(Shipment, (Shipment.order_id == Order.id) & (Shipment.parcel_no == 1))
        .where(where)
        .order_by(Order.status, Order.status_since, Order.id)
        .limit(limit)
    ).all()
    stopped = stopped_orders(session)
    usual = {c.code: default_service(c) for c in carriers(session, active_only=False)}

    def service_of(shipment: Shipment | None) -> str:
        if shipment is None or not shipment.carrier:
            return ""
        fallback = usual.get(shipment.carrier)
        return shipment.service or (fallback.name if fallback else "")

    return [
        QueueRow(
            o.order_no,
            o.status,
            LABELS[Status(o.status)],
            o.recipient,
            f"{o.province}{o.city}",
            (s.carrier if s else "") or "",
            (s.tracking_no if s else "") or "",
            s.waybill_printed_at if s else None,
            stop_reason(session, o, stopped) or "",
            service_of(s),
        )
        for o, s in rows
    ]


def void_waybill(
    db: Database,
    order_no: str,
    reason: str,
    user: str | None = None,
    parcel_no: int | None = None,
) -> str:
    """Void the order's waybills (or only parcel `parcel_no`'s); returns the retired numbers.

    The order goes back to packed: it is labelled only while every parcel has a waybill.
    """
    if not reason.strip():
        raise BadInput("作废面单请写明原因")
    user = user or current_user()
    with db.transaction() as session:
        order = find_order(session, order_no)
        query = select(Shipment).where(
            Shipment.order_id == order.id,
            Shipment.tracking_no.is_not(None),
            Shipment.waybill_printed_at.is_not(None),
        )
        if parcel_no is not None:
            query = query.where(Shipment.parcel_no == parcel_no)
        shipments = session.scalars(query.order_by(Shipment.parcel_no)).all()
        which = f"订单 {order_no}" + (f" 第 {parcel_no} 个包裹" if parcel_no else "")
        if not shipments:
            raise BadInput(f"{which} 没有已打印的面单")
        if any(s.shipped_at is not None for s in shipments):
            raise BadInput(f"{which} 已交接发出，不能作废面单")
        on_manifest = session.scalar(
            select(HandoverItem.handover_id)
            .join(Handover, Handover.id == HandoverItem.handover_id)
            .where(
                HandoverItem.shipment_id.in_([s.id for s in shipments]),
                Handover.closed_at.is_(None),
            )
            .limit(1)
        )
        if on_manifest is not None:
            # The courier may already hold the parcel: a voided number on an open manifest
            # would ship it with no number at all.
            raise BadInput(
                f"{which} 已扫入交接单 {on_manifest}，交接完成前不能作废面单；"
                "请把包裹从快递员那里取回，交接完成后再作废"
            )

        numbers = []
        for shipment in shipments:
            numbers.append(shipment.tracking_no)
            session.add(
                WaybillPrint(
                    order_id=order.id,
                    shipment_id=shipment.id,
                    carrier_code=shipment.carrier,
                    tracking_no=shipment.tracking_no,
                    action="void",
                    reason=reason.strip(),
                    user=user,
                )
            )
            shipment.tracking_no = None
            shipment.waybill_printed_at = None
        words = "、".join(numbers)
        if order.status == Status.LABELLED.value:
            move(order, Status.PACKED, user=user, note=f"作废面单 {words}: {reason.strip()}")
    log.info("order %s: waybill(s) %s voided (%s)", order_no, words, reason)
    return words
