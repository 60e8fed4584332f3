"""Printing waybills: the service that labels packed orders and returns the PDF.

Printing is a change of state, not just a drawing: the parcel gets its carrier and tracking
number, the time its waybill was printed, and the order moves from packed to labelled, all in
the same transaction as the drawing, so a PDF that failed to draw leaves no half-labelled
order behind. The font is loaded before anything changes, so a missing font stops the print
at once.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app import settings
from app.config import current_user
from app.db.engine import Database
from app.db.models import Order
from app.db.models.carriers import WaybillPrint
from app.db.types import utcnow
from app.documents.fonts import register_cjk_font
from app.documents.waybill_data import WaybillData, collect
from app.documents.waybill_layout import TEMPLATES, Template, draw_waybills
from app.documents.zpl import waybills_zpl
from app.errors import BadInput
from app.orders.lookup import find_order
from app.orders.status import LABELS, Status, move
from app.shipping.carriers import get_carrier
from app.shipping.selection import choose, rank_carriers
from app.shipping.stops import require_not_stopped
from app.shipping.tracking import assign, shipment_for
from app.shipping.tracking_numbers import check_tracking_number

log = logging.getLogger(__name__)

DPI_KEY = "printer.dpi"
SIZES = tuple(TEMPLATES)


def template_for(size: str) -> Template:
    try:
        return TEMPLATES[size]
    except KeyError:
        raise BadInput(f"面单尺寸 {size!r} 不支持，可选: {', '.join(SIZES)}") from None


def _carrier_code(session: Session, order: Order, tracking: str | None, wanted: str | None) -> str:
    """The parcel's carrier: given, already chosen, or the best-ranked one.

    With a typed number and no carrier yet, the best-ranked carrier whose format fits the
    number is taken; the number alone never picks among carriers of equal rank.
    """
    shipment = shipment_for(session, order)
    if wanted:
        if shipment.carrier != wanted.upper():
            choose(session, order, wanted, reason="打印面单时指定")
        return wanted.upper()
    if shipment.carrier:
        return shipment.carrier
    if tracking:
        for rank in rank_carriers(session, order):
            if rank.eligible and check_tracking_number(rank.code, tracking) is None:
                choose(session, order, rank.code, reason=f"按运单号 {tracking} 的格式")
                return rank.code
    return choose(session, order).carrier


def _label_one(
    session: Session,
    order_no: str,
    tracking: str | None,
    carrier: str | None,
    mask: bool,
    size: str,
    reason: str,
    user: str,
) -> WaybillData:
    order = find_order(session, order_no)
    require_not_stopped(session, order)
    status = Status(order.status)
    if status not in (Status.PACKED, Status.LABELLED):
        raise BadInput(f"订单 {order.order_no} 状态为「{LABELS[status]}」，打包完成后才能打印面单")

    code = _carrier_code(session, order, tracking, carrier)
    shipment = shipment_for(session, order)
    if tracking or not shipment.tracking_no:
        assign(session, order, code, tracking)

    now = utcnow()
    action = "reprint" if shipment.waybill_printed_at else "print"
    if action == "reprint" and not reason.strip():
        raise BadInput(f"订单 {order.order_no} 的面单已打印过，重新打印请写明原因")
    shipment.waybill_printed_at = now
    if status == Status.PACKED:
        move(order, Status.LABELLED, user=user, note=f"面单 {shipment.tracking_no}")
    session.add(
        WaybillPrint(
            order_id=order.id,
            shipment_id=shipment.id,
            carrier_code=code,
            tracking_no=shipment.tracking_no,
            action=action,
            size=size,
            reason=reason,
            user=user,
        )
    )
    return collect(session, order, shipment, get_carrier(session, code), mask=mask, printed_at=now)


def render_waybills(
    db: Database,
    order_nos: list[str],
    tracking: str | None = None,
    size: str = "100x180",
    mask: bool = False,
    *,
    carrier: str | None = None,
    reason: str = "",
    user: str | None = None,
) -> bytes:
    """Label the packed orders and return one PDF with a waybill per order.

    `tracking` is only for a single order (a typed or scanned number); without it each parcel
    keeps its number or draws the next one from its carrier's pool. An order printed before is
    reprinted under the same number, only with a `reason`, which is recorded.
    """
    return _label_and_draw(
        db, order_nos, tracking, size, mask, carrier, reason, user, draw_waybills
    )


def render_waybills_zpl(
    db: Database,
    order_nos: list[str],
    tracking: str | None = None,
    size: str = "100x180",
    mask: bool = False,
    *,
    carrier: str | None = None,
    reason: str = "",
    user: str | None = None,
) -> str:
    """The same as `render_waybills`, as ZPL for Zebra-compatible thermal printers."""
    return _label_and_draw(
        db, order_nos, tracking, size, mask, carrier, reason, user, waybills_zpl
    )


def preview_waybills(
    db: Database, order_nos: list[str], size: str = "100x180", mask: bool = False
) -> bytes:
    """The PDF the next print would produce, with nothing stored (the session is rolled back).

    A parcel without a number shows the next pool number, which the real print will take.
    """
    template = template_for(size)
    font = register_cjk_font()
    with db.reading() as session:
        dpi = int(settings.get(session, DPI_KEY, 203))
        items = [
            _label_one(session, no, None, None, mask, size, "预览", current_user())
            for no in order_nos
        ]
        session.rollback()
    return draw_waybills(items, template, font, dpi)


def _label_and_draw(db, order_nos, tracking, size, mask, carrier, reason, user, draw):
    if not order_nos:
        raise BadInput("没有要打印的订单")
    if tracking and len(order_nos) > 1:
        raise BadInput("一个运单号只能用于一个订单，批量打印请从运单号池取号")
    template = template_for(size)
    font = register_cjk_font()
    user = user or current_user()

    with db.transaction() as session:
        dpi = int(settings.get(session, DPI_KEY, 203))
        items = [
            _label_one(session, no, tracking, carrier, mask, size, reason, user)
            for no in order_nos
        ]
        document = draw(items, template, font, dpi)
    log.info("printed %d waybill(s) %s (%s)", len(items), size, ", ".join(order_nos[:5]))
    return document
