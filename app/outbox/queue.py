"""Putting messages in the outbox; sending and exporting them live beside this module.

A message is `pending` (waiting to go out), `sent`, `failed` (the server refused it; the
error says why) or `no_address`: the customer has no address on that channel, so nothing can
send it and nothing retries it.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.db.models import OutboxMessage

log = logging.getLogger(__name__)

PENDING = "pending"
NO_ADDRESS = "no_address"
# What is missing, in the words the outbox shows for a message kept as `no_address`.
MISSING_ADDRESS = {"sms": "无手机号", "email": "无邮箱地址"}


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
    """Queue one message; it is stored with the caller's transaction and sent later.

    Without a recipient the message is still stored, but as `no_address` with the reason
    (无邮箱地址) instead of pending. A supervisor reads the pending list as "what will go out":
    an e-mail nobody can send must not sit there for ever, nor be picked up by the sender. It
    stays visible, and in the CSV export for the platform's own messaging tool, so the outbox
    still shows what this customer was not told. It is not moved to another channel: the
    confirmation and the shipping notice already queue an SMS beside the e-mail, and the
    customer would get that SMS twice.
    """
    recipient = recipient.strip()
    missing = "" if recipient else MISSING_ADDRESS.get(channel, "无收件地址")
    message = OutboxMessage(
        order_id=order_id,
        kind=kind,
        channel=channel,
        recipient=recipient,
        subject=subject,
        body=body,
        state=NO_ADDRESS if missing else PENDING,
        error=missing,
    )
    session.add(message)
    if missing:
        log.info("outbox: %s %s for order id %s kept unsent: %s", kind, channel, order_id, missing)
    else:
        log.info("outbox: %s %s message queued for order id %s", kind, channel, order_id)
    return message
