"""Optional e-mail sending over SMTP; settings `smtp.host`, `smtp.port`, `smtp.sender`,
`smtp.user`, `smtp.password`, `smtp.starttls`. Without `smtp.host` nothing is sent.

Each message is marked sent in its own transaction right after the server accepted it, so a
crash half-way never sends a message twice on the next run.
"""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from sqlalchemy import select

from app import settings, settings_checks
from app.db.engine import Database
from app.db.models import OutboxMessage
from app.outbox.listing import mark_failed, mark_sent

log = logging.getLogger(__name__)


def send_pending_email(db: Database) -> tuple[int, int]:
    """(sent, failed) for pending e-mail messages that have an address."""
    with db.reading() as session:
        host = settings.get(session, "smtp.host", "")
        port = settings_checks.read(session, "smtp.port", 25)
        sender = settings.get(session, "smtp.sender", "shop@localhost")
        user = settings.get(session, "smtp.user", "")
        password = settings.get(session, "smtp.password", "")
        starttls = settings_checks.read(session, "smtp.starttls", False)
        pending = session.execute(
            select(
                OutboxMessage.id,
                OutboxMessage.recipient,
                OutboxMessage.subject,
                OutboxMessage.body,
            ).where(
                OutboxMessage.state == "pending",
                OutboxMessage.channel == "email",
                OutboxMessage.recipient != "",
            )
        ).all()
    if not host or not pending:
        return 0, 0

    sent = failed = 0
    with smtplib.SMTP(host, port, timeout=20) as smtp:
        if starttls:
            smtp.starttls()
        if user:
            smtp.login(user, password)
        for message_id, recipient, subject, body in pending:
            mail = EmailMessage()
            mail["From"], mail["To"], mail["Subject"] = sender, recipient, subject
            mail.set_content(body)
            try:
                smtp.send_message(mail)
            except smtplib.SMTPException as exc:
                with db.transaction() as session:
                    mark_failed(session, message_id, str(exc))
                failed += 1
                continue
            with db.transaction() as session:
                mark_sent(session, message_id)
            sent += 1
    log.info("smtp: %s sent, %s failed", sent, failed)
    return sent, failed
