"""Putting messages in the outbox; sending and exporting them live beside this module."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.db.models import OutboxMessage

log = logging.getLogger(__name__)


def enqueue(
    session: Session,
    *,
    kind: str,
    channel: str,
    body: str,
    order_id: int | None = None,
    recipient: str = "",
    subject: str = "",
) -> OutboxMessage:
    """Queue one message; it is stored with the caller's transaction and sent later."""
    message = OutboxMessage(
        order_id=order_id,
        kind=kind,
        channel=channel,
        recipient=recipient,
        subject=subject,
        body=body,
    )
    session.add(message)
    log.info("outbox: %s %s message queued for order id %s", kind, channel, order_id)
    return message
