"""Per-desk packing settings, and printing the waybill automatically when a parcel is ready.

Settings live in the database so one server can hold every desk's choice; the key carries the
desk's name (`PACKDESK_DESK`, else the host name): `packing.auto_print_waybill.<desk>`.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

from app import settings, settings_checks
from app.db.engine import Database
from app.db.models import Order

log = logging.getLogger(__name__)


def desk_id() -> str:
    return os.environ.get("PACKDESK_DESK") or socket.gethostname()


def auto_print_enabled(db: Database, desk: str | None = None) -> bool:
    with db.reading() as session:
        return bool(
            settings.get(session, f"packing.auto_print_waybill.{desk or desk_id()}", False)
        )


def set_auto_print(db: Database, enabled: bool, desk: str | None = None) -> None:
    with db.transaction() as session:
        settings.put(session, f"packing.auto_print_waybill.{desk or desk_id()}", bool(enabled))
    log.info(
        "desk %s: automatic waybill printing %s", desk or desk_id(), "on" if enabled else "off"
    )


def scale_port(db: Database) -> tuple[str, int]:
    """The serial port of this desk's scale ("" when it types like a keyboard) and its baud."""
    with db.reading() as session:
        port = settings.get(session, f"packing.scale_port.{desk_id()}", "")
        port = port or settings.get(session, "packing.scale_port", "")
        return str(port), settings_checks.read(session, "packing.scale_baud", 9600)


def print_waybill_to(db: Database, order_id: int, folder: Path) -> Path:
    """Render the order's waybill into `folder` as ORDER_NO.pdf, through the waybill step's
    renderer (which moves the order to LABELLED)."""
    from app.documents.waybill import render_waybills

    with db.reading() as session:
        order_no = session.get(Order, order_id).order_no
    pdf = render_waybills(db, [order_no])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{order_no}.pdf"
    path.write_bytes(pdf)
    log.info("waybill of order %s printed automatically to %s", order_no, path)
    return path
