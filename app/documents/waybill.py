"""Printing waybills: the service that labels packed orders and returns the PDF.

Printing is a change of state, not just a drawing: the parcel gets its carrier and tracking
number, the time its waybill was printed, and the order moves from packed to labelled, all in
the same transaction as the drawing, so a PDF that failed to draw leaves no half-labelled
order behind. The font is loaded before anything changes, so a missing font stops the print
at once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import zip_longest

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app import settings_checks
from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.carriers import WaybillPrint
from app.db.types import utcnow
from app.documents.fonts import register_cjk_font
from app.documents.waybill_data import WaybillContext, WaybillData
from app.documents.waybill_layout import TEMPLATES, Template, draw_waybills
from app.documents.zpl import waybills_zpl
from app.errors import AmbiguousOrder, BadInput, OrderNotFound
from app.orders.status import LABELS, MoveBatch, Status
from app.packing.weighing import WeightBlocked, blocked_parcels
from app.shipping.carriers import get_carrier
from app.shipping.selection import choose, rank_carriers
from app.shipping.stops import require_not_stopped, stopped_orders
from app.shipping.tracking import assign, parcels_for, shipment_for
from app.shipping.tracking_numbers import check_tracking_number

log = logging.getLogger(__name__)

DPI_KEY = "printer.dpi"
SIZES = tuple(TEMPLATES)


def template_for(size: str) -> Template:
    try:
        return TEMPLATES[size]
    except KeyError:
        raise BadInput(f"面单尺寸「{size}」不支持，可选：{', '.join(SIZES)}") from None


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


@dataclass(frozen=True)
class _Job:
    # Typed numbers for the parcels in parcel order (only for a single order); a parcel
    # beyond the list draws from the pool.
    tracking: tuple[str, ...]
    carrier: str | None
    mask: bool
    size: str
    reason: str
    user: str
    # Print only this parcel of the order (a reprint, or parcels labelled one by one).
    parcel_no: int | None = None


def _load_orders(session: Session, order_nos: list[str]) -> list[Order]:
    """All the orders of a batch in a few queries, in the order asked, or the typed error."""
    found: dict[str, list[Order]] = {}
    # An order listed twice is labelled once, not refused as a reprint without a reason.
    wanted = list(dict.fromkeys(no.strip() for no in order_nos))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(Order).where(Order.order_no.in_(chunk)).options(selectinload(Order.lines))
        for order in session.scalars(query):
            found.setdefault(order.order_no, []).append(order)
    orders = []
    for no in wanted:
        candidates = found.get(no, [])
        if not candidates:
            raise OrderNotFound(no)
        if len(candidates) > 1:
            raise AmbiguousOrder(no, sorted(o.platform for o in candidates))
        orders.append(candidates[0])
    return orders


def _parcels_to_print(order: Order, parcels: list[Shipment], job: _Job) -> list[Shipment]:
    if job.parcel_no is None:
        return parcels
    chosen = [s for s in parcels if s.parcel_no == job.parcel_no]
    if not chosen:
        raise BadInput(
            f"订单 {order.order_no} 没有第 {job.parcel_no} 个包裹（共 {len(parcels)} 个）"
        )
    return chosen


def _label_one(
    session: Session,
    order: Order,
    job: _Job,
    context: WaybillContext,
    stopped: dict[int, str],
    prints: list[dict],
    moves: MoveBatch,
) -> list[WaybillData]:
    """Label the parcels of one order, one waybill each; print records go to `prints`.

    The first parcel carries the main number (母单号), the others child numbers (子单号) whose
    labels also show the main number and "2/3". The order is labelled once every parcel is.
    """
    require_not_stopped(session, order, stopped)
    status = Status(order.status)
    if status not in (Status.PACKED, Status.LABELLED):
        raise BadInput(f"订单 {order.order_no} 状态为「{LABELS[status]}」，打包完成后才能打印面单")

    code = _carrier_code(session, order, job.tracking[0] if job.tracking else None, job.carrier)
    parcels = parcels_for(session, order)
    if len(job.tracking) > len(parcels):
        raise BadInput(
            f"订单 {order.order_no} 只有 {len(parcels)} 个包裹，却输入了 {len(job.tracking)} 个运单号"
        )
    for shipment, typed in zip_longest(parcels, job.tracking):
        if typed or not shipment.tracking_no:
            assign(session, order, code, typed, shipment.parcel_no)
    main_number = parcels[0].tracking_no or ""

    now = utcnow()
    carrier = get_carrier(session, code)
    items = []
    for shipment in _parcels_to_print(order, parcels, job):
        if shipment.id in context.blocked:
            raise WeightBlocked(order.order_no, shipment.parcel_no)
        action = "reprint" if shipment.waybill_printed_at else "print"
        if action == "reprint" and not job.reason.strip():
            raise BadInput(
                f"订单 {order.order_no} 第 {shipment.parcel_no} 个包裹的面单已打印过，"
                "重新打印请写明原因"
            )
        # Written below for the whole batch in one statement; the parcel shows it at once.
        set_committed_value(shipment, "waybill_printed_at", now)
        prints.append(
            {
                "order_id": order.id,
                "shipment_id": shipment.id,
                "carrier_code": code,
                "tracking_no": shipment.tracking_no,
                "action": action,
                "size": job.size,
                "reason": job.reason,
                "user": job.user,
                "at": now,
            }
        )
        items.append(
            context.collect(
                order,
                shipment,
                carrier,
                mask=job.mask,
                printed_at=now,
                main_tracking_no=main_number if shipment.parcel_no > 1 else "",
            )
        )

    if status == Status.PACKED and all(s.waybill_printed_at for s in parcels):
        numbers = "、".join(s.tracking_no or "" for s in parcels)
        moves.move(order, Status.LABELLED, user=job.user, note=f"面单 {numbers}")
    return items


def _label_all(session: Session, order_nos: list[str], job: _Job) -> list[WaybillData]:
    orders = _load_orders(session, order_nos)
    order_ids = [o.id for o in orders]
    # Load the parcels once, so parcels_for finds them without a query per order.
    known: dict[int, list[Shipment]] = session.info.setdefault("order_parcels", {})
    for start in range(0, len(order_ids), 500):
        query = (
            select(Shipment)
            .where(Shipment.order_id.in_(order_ids[start : start + 500]))
            .order_by(Shipment.order_id, Shipment.parcel_no)
        )
        for shipment in session.scalars(query):
            known.setdefault(shipment.order_id, []).append(shipment)
    context = WaybillContext(session, order_ids)
    context.blocked = blocked_parcels(
        session, [s.id for order_id in order_ids for s in known.get(order_id, [])]
    )
    stopped = stopped_orders(session)
    prints: list[dict] = []
    moves = MoveBatch(session)
    items: list[WaybillData] = []
    with session.no_autoflush:
        for order in orders:
            items.extend(_label_one(session, order, job, context, stopped, prints, moves))
    session.flush()
    moves.write()
    # One executemany each instead of a thousand ORM objects (see measurements.md).
    parcels = Shipment.__table__
    session.execute(
        update(parcels)
        .where(parcels.c.id == bindparam("printed_id"))
        .values(waybill_printed_at=bindparam("printed_at")),
        [{"printed_id": p["shipment_id"], "printed_at": p["at"]} for p in prints],
    )
    session.execute(insert(WaybillPrint), prints)
    return items


def render_waybills(
    db: Database,
    order_nos: list[str],
    tracking: str | Sequence[str] | None = None,
    size: str = "100x180",
    mask: bool = False,
    *,
    carrier: str | None = None,
    reason: str = "",
    user: str | None = None,
    parcel_no: int | None = None,
) -> bytes:
    """Label the packed orders and return one PDF with a waybill page per parcel.

    `tracking` is only for a single order: a typed or scanned number, or one per parcel in
    parcel order; a parcel without one keeps its number or draws the next one from its
    carrier's pool. `parcel_no` prints only that parcel; the order becomes labelled once all
    its parcels are. A parcel printed before is reprinted under the same number, only with a
    `reason`, which is recorded.
    """
    return _label_and_draw(
        db, order_nos, tracking, size, mask, carrier, reason, user, parcel_no, draw_waybills
    )


def render_waybills_zpl(
    db: Database,
    order_nos: list[str],
    tracking: str | Sequence[str] | None = None,
    size: str = "100x180",
    mask: bool = False,
    *,
    carrier: str | None = None,
    reason: str = "",
    user: str | None = None,
    parcel_no: int | None = None,
    printer_font: str | None = None,
) -> str:
    """The same as `render_waybills`, as ZPL for Zebra-compatible thermal printers.

    Text goes out as bitmaps unless `printer_font` names a CJK font stored on the printer.
    """
    draw = partial(waybills_zpl, printer_font=printer_font)
    return _label_and_draw(
        db, order_nos, tracking, size, mask, carrier, reason, user, parcel_no, draw
    )


def preview_waybills(
    db: Database, order_nos: list[str], size: str = "100x180", mask: bool = False
) -> bytes:
    """The PDF the next print would produce, with nothing stored (the session is rolled back).

    A parcel without a number shows the next pool number, which the real print will take.
    """
    template = template_for(size)
    font = register_cjk_font()
    job = _Job((), None, mask, size, "预览", current_user())
    with db.reading() as session:
        dpi = settings_checks.read(session, DPI_KEY, 203)
        items = _label_all(session, order_nos, job)
        session.rollback()
    return draw_waybills(items, template, font, dpi)


def _label_and_draw(db, order_nos, tracking, size, mask, carrier, reason, user, parcel_no, draw):
    if not order_nos:
        raise BadInput("没有要打印的订单")
    numbers = (tracking,) if isinstance(tracking, str) else tuple(tracking or ())
    numbers = tuple(n for n in numbers if n and n.strip())
    if numbers and len(order_nos) > 1:
        raise BadInput("一个运单号只能用于一个订单，批量打印请从运单号池取号")
    template = template_for(size)
    font = register_cjk_font()
    job = _Job(numbers, carrier, mask, size, reason, user or current_user(), parcel_no)

    with db.transaction() as session:
        dpi = settings_checks.read(session, DPI_KEY, 203)
        items = _label_all(session, order_nos, job)
        document = draw(items, template, font, dpi)
    log.info(
        "printed %d waybill(s) %s for %d order(s) (%s)",
        len(items),
        size,
        len(order_nos),
        ", ".join(order_nos[:5]),
    )
    return document
