"""What a clerk does about an exception; every action is recorded against it.

Closing needs an outcome in words ("客户已签收", "已补发"): an exception closed without one
teaches the supervisor nothing about the carrier.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.tracking import ExceptionAction, TrackingException
from app.db.types import utcnow
from app.errors import BadInput
from app.outbox.queue import enqueue
from app.shipping.notices import notice_context
from app.tracking.exception_queue import ExceptionRow, exception_row
from app.tracking.rules import RULES
from app.tracking.templates import message_text

log = logging.getLogger(__name__)


class ExceptionInputError(BadInput):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def _open_exception(session: Session, exception_id: int) -> TrackingException:
    exc = session.get(TrackingException, exception_id)
    if exc is None:
        raise ExceptionInputError("异常编号", f"没有编号为 {exception_id} 的异常")
    if exc.closed_at is not None:
        raise ExceptionInputError(
            "异常编号", f"异常 {exception_id} 已于 {exc.closed_at:%m-%d} 关闭"
        )
    return exc


def _record(
    session: Session,
    exc: TrackingException,
    kind: str,
    note: str,
    user: str | None,
    message_id: int | None = None,
) -> None:
    session.add(
        ExceptionAction(
            exception_id=exc.id,
            kind=kind,
            note=note.strip(),
            outbox_message_id=message_id,
            user=user or current_user(),
        )
    )
    session.flush()
    log.info("exception %s: %s (%s)", exc.id, kind, note.strip())


def _required(text: str, field: str) -> str:
    if not text.strip():
        raise ExceptionInputError(field, "不能为空")
    return text.strip()


def note_carrier_call(
    db: Database, exception_id: int, note: str, user: str | None = None
) -> ExceptionRow:
    """A call to the carrier's outlet: what they said goes in the note."""
    with db.transaction() as session:
        exc = _open_exception(session, exception_id)
        _record(session, exc, "carrier_call", _required(note, "通话记录"), user)
        return exception_row(session, exc.id)


def send_customer_update(
    db: Database,
    exception_id: int,
    message: str = "",
    channel: str = "sms",
    user: str | None = None,
) -> ExceptionRow:
    """Queue the templated tracking update to the customer, with an optional extra sentence."""
    with db.transaction() as session:
        exc = _open_exception(session, exception_id)
        shipment = session.get(Shipment, exc.shipment_id)
        order = session.get(Order, exc.order_id)
        context = notice_context(session, order, shipment)
        context |= {"status": RULES[exc.rule].label, "message": message.strip()}
        subject, body = message_text(session, f"tracking_update.{channel}", context)
        recipient = order.phone if channel == "sms" else ""
        if not recipient:
            raise ExceptionInputError("收件人", f"订单 {order.order_no} 没有可用的{channel}地址")
        queued = enqueue(
            session,
            kind="tracking_update",
            channel=channel,
            body=body,
            order_id=order.id,
            recipient=recipient,
            subject=subject,
        )
        session.flush()
        _record(session, exc, "customer_update", body, user, queued.id)
        return exception_row(session, exc.id)


def request_intercept(
    db: Database, exception_id: int, note: str = "", user: str | None = None
) -> ExceptionRow:
    """Asked the carrier to stop the parcel; the carrier's own system does the rest."""
    with db.transaction() as session:
        exc = _open_exception(session, exception_id)
        _record(session, exc, "intercept", note or "已向快递申请拦截", user)
        return exception_row(session, exc.id)


def request_address_change(
    db: Database, exception_id: int, new_address: str, user: str | None = None
) -> ExceptionRow:
    with db.transaction() as session:
        exc = _open_exception(session, exception_id)
        address = _required(new_address, "新地址")
        _record(session, exc, "address_change", f"改派至：{address}", user)
        return exception_row(session, exc.id)


def open_return(
    db: Database, exception_id: int, note: str = "", user: str | None = None
) -> ExceptionRow:
    """Register the parcel's goods as a return (refused and returned parcels come back)."""
    with db.reading() as session:
        exc = _open_exception(session, exception_id)
        order = session.get(Order, exc.order_id)
        order_no = order.order_no
        lines = [(ln.sku, ln.quantity) for ln in order.lines]

    words = note.strip() or f"物流异常：{RULES[exc.rule].label}"
    # Imported here: the returns service imports the tracking modules in turn.
    from app.returns.request import ReturnLineInput, create_return

    ret = create_return(
        db,
        order_no,
        [ReturnLineInput(sku, qty, "other", words) for sku, qty in lines],
        note=words,
        user=user,
        notify=False,
    )

    with db.transaction() as session:
        exc = _open_exception(session, exception_id)
        text = f"退货单 {ret.rma_no}：{words}"
        _record(session, exc, "open_return", text, user)
        return exception_row(session, exc.id)


def close_exception(
    db: Database, exception_id: int, outcome: str, user: str | None = None
) -> ExceptionRow:
    with db.transaction() as session:
        exc = _open_exception(session, exception_id)
        exc.outcome = _required(outcome, "处理结果")
        exc.closed_at = utcnow()
        exc.closed_by = user or current_user()
        log.info("exception %s closed by %s: %s", exc.id, exc.closed_by, exc.outcome)
        session.flush()
        return exception_row(session, exc.id)
