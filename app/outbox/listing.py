"""Reading the outbox and marking messages sent, each exactly once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.models import Order, OutboxMessage
from app.db.types import utcnow
from app.errors import BadInput

log = logging.getLogger(__name__)


class AlreadySent(BadInput):
    def __init__(self, message_id: int) -> None:
        super().__init__(f"消息 {message_id} 已发送过，不会再次标记")
        self.message_id = message_id


@dataclass(frozen=True)
class MessageView:
    id: int
    order_no: str
    kind: str
    channel: str
    recipient: str
    subject: str
    body: str
    state: str
    created_at: datetime
    sent_at: datetime | None
    error: str


def list_messages(session: Session, state: str | None = None) -> list[MessageView]:
    query = (
        select(OutboxMessage, Order.order_no)
        .outerjoin(Order, Order.id == OutboxMessage.order_id)
        .order_by(OutboxMessage.id)
    )
    if state:
        query = query.where(OutboxMessage.state == state)
    return [
        MessageView(
            m.id,
            no or "",
            m.kind,
            m.channel,
            m.recipient,
            m.subject,
            m.body,
            m.state,
            m.created_at,
            m.sent_at,
            m.error,
        )
        for m, no in session.execute(query)
    ]


def mark_sent(session: Session, message_id: int) -> None:
    """Pending -> sent; a second call raises, so no message is counted or sent twice."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.state != "sent")
        .values(state="sent", sent_at=utcnow(), error="")
    )
    if result.rowcount != 1:
        if session.get(OutboxMessage, message_id) is None:
            raise BadInput(f"消息 {message_id} 不存在")
        raise AlreadySent(message_id)
    log.info("outbox message %s marked sent", message_id)


def mark_failed(session: Session, message_id: int, error: str) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(state="failed", error=error)
    )
