"""The shipping notice: at handover each order's customer is told when, how and by when.

The handover (`app.shipping.handover`) calls `queue_shipping_notice` for every parcel it ships,
inside its own transaction. The texts come from the editable templates of the outbox; the
expected delivery date given here is stored with the parcel, because the exception rule
"past the expected delivery date" must hold the warehouse to what the customer was told.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings_checks
from app.config import desk_timezone
from app.db.models import Order, OutboxMessage, Shipment
from app.db.models.tracking import ParcelProgress
from app.outbox.queue import enqueue
from app.shipping.carriers import carrier_name
from app.tracking.delivery_date import expected_delivery
from app.tracking.templates import message_text

log = logging.getLogger(__name__)

KIND = "shipping_notice"
DEFAULT_CHANNELS = ["sms", "email"]


def carrier_label(session: Session, code: str) -> str:
    """The carrier's name as customers know it (顺丰速运), or its code when unknown."""
    try:
        return carrier_name(session, code) or code
    except Exception:  # noqa: BLE001 - a name is cosmetic; the notice must still go out
        log.warning("no name for carrier %s", code, exc_info=True)
        return code


def _email_of(order: Order) -> str:
    """The order's e-mail, or the buyer name when a platform wrote an address there."""
    email = order.email
    if not email and "@" in order.buyer:
        email = order.buyer
    return email.strip()


def _already_queued(session: Session, order_id: int, tracking_no: str) -> bool:
    bodies = session.scalars(
        select(OutboxMessage.body).where(
            OutboxMessage.order_id == order_id, OutboxMessage.kind == KIND
        )
    )
    return any(tracking_no in body for body in bodies)


def notice_context(session: Session, order: Order, shipment: Shipment) -> dict[str, str]:
    """The fields a shipping-notice template may use, as the customer should read them
    (`{shop}` is filled by the template renderer)."""
    zone = desk_timezone()
    shipped = shipment.shipped_at
    progress = session.get(ParcelProgress, shipment.id)
    due = progress.expected_delivery if progress else None
    return {
        "order_no": order.order_no,
        "recipient": order.recipient,
        "carrier": carrier_label(session, shipment.carrier),
        "tracking_no": shipment.tracking_no or "",
        "ship_time": shipped.astimezone(zone).strftime("%Y-%m-%d %H:%M") if shipped else "",
        "expected_delivery": due.isoformat() if due else "",
    }


def _record_expected_date(session: Session, order: Order, shipment: Shipment) -> None:
    progress = session.get(ParcelProgress, shipment.id)
    if progress is None:
        progress = ParcelProgress(shipment_id=shipment.id)
        session.add(progress)
    if progress.expected_delivery is None:
        progress.expected_delivery = expected_delivery(
            session, shipment.carrier, order.province, shipment.shipped_at, shipment.service
        )


def queue_shipping_notice(session: Session, shipment: Shipment) -> list[OutboxMessage]:
    """Queue the SMS and e-mail shipping notices for one handed-over parcel.

    Also records the expected delivery date for the exception rules. Calling it again for the
    same parcel queues nothing new, so a handover that is retried never notifies twice.
    """
    order = session.get(Order, shipment.order_id)
    if shipment.shipped_at is None:
        raise ValueError(f"shipment {shipment.id} has no shipped_at; hand it over first")

    # The handover notifies once per order, with its last parcel; every shipped parcel of
    # the order still needs its own expected date for the "late" rule.
    siblings = session.scalars(
        select(Shipment).where(Shipment.order_id == order.id, Shipment.shipped_at.is_not(None))
    ).all()
    for parcel in siblings:
        _record_expected_date(session, order, parcel)
    session.flush()

    tracking_no = shipment.tracking_no or ""
    if tracking_no and _already_queued(session, order.id, tracking_no):
        log.info("shipping notice for %s / %s already queued", order.order_no, tracking_no)
        return []

    context = notice_context(session, order, shipment)
    others = [p.tracking_no for p in siblings if p.id != shipment.id and p.tracking_no]
    if others:
        context["tracking_no"] = "、".join([tracking_no, *others])
    recipients = {"sms": order.phone.strip(), "email": _email_of(order)}
    queued = []
    for channel in settings_checks.read(session, "shipping_notice.channels", DEFAULT_CHANNELS):
        address = recipients.get(channel, "")
        if channel == "sms" and not address:
            log.warning("order %s has no phone: no shipping SMS", order.order_no)
            continue
        # Like the confirmation, the e-mail text is kept even without an address, as 无邮箱地址
        # rather than pending (see `enqueue`): the CSV export carries it to the platform's
        # bulk-message tool, and nothing tries to send it.
        subject, body = message_text(session, f"{KIND}.{channel}", context)
        queued.append(
            enqueue(
                session,
                kind=KIND,
                channel=channel,
                body=body,
                order_id=order.id,
                recipient=address,
                subject=subject,
            )
        )
    return queued
