"""Orders cancelled on the platform after they were packed or labelled: do not ship them.

The packing and handover screens ask `is_stopped` before they let a parcel go. The list is the
setting `intake.stop_list` ({order id: reason}), so every desk on one server sees the same
list without a table of its own.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app import settings, settings_checks

log = logging.getLogger(__name__)

KEY = "intake.stop_list"


def stopped_order_ids(session: Session) -> set[int]:
    return {int(k) for k in settings_checks.read(session, KEY, {})}


def is_stopped(session: Session, order_id: int) -> bool:
    return str(order_id) in settings_checks.read(session, KEY, {})


def stop_reason(session: Session, order_id: int) -> str:
    return settings_checks.read(session, KEY, {}).get(str(order_id), "")


def stop(session: Session, order_id: int, reason: str) -> None:
    stopped = settings_checks.read(session, KEY, {})
    stopped[str(order_id)] = reason
    settings.put(session, KEY, stopped)
    log.warning("order id %s put on the stop list: %s", order_id, reason)


def release(session: Session, order_id: int) -> None:
    """Take an order off the list once it has been unpacked or otherwise dealt with."""
    stopped = settings_checks.read(session, KEY, {})
    if stopped.pop(str(order_id), None) is not None:
        settings.put(session, KEY, stopped)
        log.info("order id %s taken off the stop list", order_id)
