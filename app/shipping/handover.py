"""Handing parcels to the carrier's courier (交接) against a manifest.

A handover belongs to one carrier pickup. The clerk scans each parcel's waybill; a parcel of
another carrier, or one whose order was cancelled on the platform, is refused on the spot.
Closing the handover compares what was expected with what was scanned, lists the missing
parcels, ships the scanned ones (order -> shipped, stock leaves the shelf, the customer is
told) and draws the manifest both sides sign. A manifest lost after closing is drawn again,
marked 补打, from the parcels stored on the handover.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.carriers import Handover, HandoverItem
from app.db.types import utcnow
from app.documents.manifest import ManifestLine, render_manifest
from app.errors import BadInput
from app.orders.status import Status, move
from app.packing.weighing import require_weight_released
from app.shipping.carriers import get_carrier
from app.shipping.catalogue_lock import lock_carrier
from app.shipping.notices import queue_shipping_notice
from app.shipping.stops import require_not_stopped, stop_reason, stopped_orders
from app.shipping.tracking_numbers import normalise
from app.stock.reservation import ship_order_stock

log = logging.getLogger(__name__)


class HandoverRefused(BadInput):
    """A scan the manifest must not take: wrong carrier, unknown, already scanned, closed."""


@dataclass(frozen=True)
class ParcelRef:
    shipment_id: int
    tracking_no: str
    order_no: str
    recipient: str
    destination: str
    stopped: str = ""
    # "2/3" for the second of an order's three parcels, "" for an order in one parcel.
    piece: str = ""


@dataclass(frozen=True)
class HandoverView:
    id: int
    carrier: str
    carrier_name: str
    started_at: datetime
    closed_at: datetime | None
    expected: int
    scanned: tuple[ParcelRef, ...]
    missing: tuple[ParcelRef, ...]
    # True when start_handover found this one still open and went on with it.
    resumed: bool = False


@dataclass(frozen=True)
class ScanOutcome:
    tracking_no: str
    order_no: str
    scanned: int
    expected: int
    # "2/3" when the order went in several parcels, else "".
    piece: str = ""


@dataclass(frozen=True)
class CloseResult:
    id: int
    shipped: tuple[ParcelRef, ...]
    missing: tuple[ParcelRef, ...]
    refused: tuple[ParcelRef, ...]
    manifest_pdf: bytes


def _ref(session: Session, shipment: Shipment, stopped: dict[int, str]) -> ParcelRef:
    order = session.get(Order, shipment.order_id)
    count = session.scalar(
        select(func.count(Shipment.id)).where(Shipment.order_id == shipment.order_id)
    )
    return ParcelRef(
        shipment.id,
        shipment.tracking_no or "",
        order.order_no,
        order.recipient,
        f"{order.province}{order.city}",
        stop_reason(session, order, stopped) or "",
        f"{shipment.parcel_no}/{count}" if count > 1 else "",
    )


def _waiting(session: Session, carrier: str) -> list[Shipment]:
    """Labelled parcels of this carrier not yet handed over: what the courier should take."""
    return list(
        session.scalars(
            select(Shipment)
            .join(Order, Order.id == Shipment.order_id)
            .where(
                Shipment.carrier == carrier,
                Shipment.tracking_no.is_not(None),
                Shipment.waybill_printed_at.is_not(None),
                Shipment.shipped_at.is_(None),
                Order.status == Status.LABELLED.value,
            )
            .order_by(Shipment.id)
        )
    )


def _view(session: Session, handover: Handover) -> HandoverView:
    stopped = stopped_orders(session)
    scanned_ids = [item.shipment_id for item in handover.items]
    scanned = tuple(_ref(session, session.get(Shipment, i), stopped) for i in scanned_ids)
    if handover.closed_at is None:
        expected = _waiting(session, handover.carrier_code)
        expected_ids = {s.id for s in expected} | set(scanned_ids)
        missing = tuple(
            _ref(session, s, stopped) for s in expected if s.id not in set(scanned_ids)
        )
    else:
        expected_ids = set(scanned_ids)
        missing = ()
    carrier = get_carrier(session, handover.carrier_code)
    return HandoverView(
        handover.id,
        carrier.code,
        carrier.name,
        handover.started_at,
        handover.closed_at,
        len(expected_ids),
        scanned,
        missing,
    )


def _lock(session: Session, handover_id: int) -> None:
    """Take the write lock on the handover before anything is read (see `lock_carrier`).

    A scan committed while another desk closed the same handover was stored on the closed
    manifest and never shipped, and could not be scanned anywhere else either. With this
    no-op UPDATE as the first statement, a scan and a close of one handover run one after the
    other: the later one reads the handover as the earlier one left it.
    """
    session.execute(
        update(Handover)
        .where(Handover.id == handover_id)
        .values(carrier_code=Handover.carrier_code)
        .execution_options(synchronize_session=False)
    )


def _open(session: Session, handover_id: int, when_closed: str = "") -> Handover:
    """The handover, still open (locked first); `when_closed` is added to a closed one's
    refusal."""
    _lock(session, handover_id)
    handover = session.get(Handover, handover_id)
    if handover is None:
        raise HandoverRefused(f"交接单 {handover_id} 不存在")
    if handover.closed_at is not None:
        raise HandoverRefused(f"交接单 {handover_id} 已关闭{when_closed}")
    return handover


def _lines(parcels: tuple[ParcelRef, ...] | list[ParcelRef]) -> list[ManifestLine]:
    return [ManifestLine(p.tracking_no, p.order_no, p.destination, p.piece) for p in parcels]


def start_handover(db: Database, carrier_code: str, user: str | None = None) -> HandoverView:
    """A new handover for the carrier's pickup, or the one still open for it (`resumed`).

    One courier collects one pile: a second open manifest for the same carrier would split the
    parcels between two sheets, and a window closed halfway (or a desk that crashed) must be
    able to go on where it stopped. The carrier's row is locked first so two desks pressing
    "start" at once end with one handover.
    """
    with db.transaction() as session:
        lock_carrier(session, carrier_code)
        carrier = get_carrier(session, carrier_code)
        still_open = session.scalar(
            select(Handover)
            .where(Handover.carrier_code == carrier.code, Handover.closed_at.is_(None))
            .order_by(Handover.id)
            .limit(1)
        )
        if still_open is not None:
            log.info("handover %d resumed for %s", still_open.id, carrier.code)
            return replace(_view(session, still_open), resumed=True)
        handover = Handover(carrier_code=carrier.code, user=user or current_user())
        session.add(handover)
        session.flush()
        log.info("handover %d started for %s", handover.id, carrier.code)
        return _view(session, handover)


def handover_view(db: Database, handover_id: int) -> HandoverView:
    with db.transaction() as session:
        handover = session.get(Handover, handover_id)
        if handover is None:
            raise HandoverRefused(f"交接单 {handover_id} 不存在")
        return _view(session, handover)


def open_handovers(db: Database) -> list[HandoverView]:
    with db.transaction() as session:
        found = session.scalars(select(Handover).where(Handover.closed_at.is_(None)))
        return [_view(session, h) for h in found]


def _find_parcel(session: Session, code: str) -> Shipment:
    if not code.strip():
        raise HandoverRefused("没有扫到运单号，请重新扫描")
    number = normalise(code)
    shipment = session.scalar(select(Shipment).where(Shipment.tracking_no == number))
    if shipment is None:
        order = session.scalar(select(Order).where(Order.order_no == code.strip()))
        if order is not None:
            parcels = session.scalars(select(Shipment).where(Shipment.order_id == order.id)).all()
            if len(parcels) > 1:
                # The order number cannot say which box is in the courier's hands.
                raise HandoverRefused(
                    f"订单 {order.order_no} 有 {len(parcels)} 个包裹，请逐个扫描包裹上的运单号"
                )
            shipment = parcels[0] if parcels else None
    if shipment is None or not shipment.tracking_no:
        raise HandoverRefused(f"{code}: 不是已打面单的包裹")
    return shipment


def scan_parcel(db: Database, handover_id: int, code: str) -> ScanOutcome:
    """Put the parcel with this waybill (or order number) on the manifest, or refuse it."""
    with db.transaction() as session:
        handover = _open(session, handover_id)
        shipment = _find_parcel(session, code)
        order = session.get(Order, shipment.order_id)

        if shipment.carrier != handover.carrier_code:
            theirs = get_carrier(session, shipment.carrier).name if shipment.carrier else "未定"
            ours = get_carrier(session, handover.carrier_code).name
            raise HandoverRefused(
                f"运单号 {shipment.tracking_no} 属于{theirs}，本次交接是{ours}，请放回"
            )
        require_not_stopped(session, order)
        require_weight_released(session, order, shipment)
        if shipment.shipped_at is not None:
            raise HandoverRefused(f"运单号 {shipment.tracking_no} 已于之前交接发出")
        already = session.scalar(
            select(HandoverItem).where(HandoverItem.shipment_id == shipment.id)
        )
        if already is not None:
            where = (
                "本交接单"
                if already.handover_id == handover.id
                else f"交接单 {already.handover_id}"
            )
            raise HandoverRefused(f"运单号 {shipment.tracking_no} 已扫入{where}")
        if order.status != Status.LABELLED.value:
            raise HandoverRefused(f"订单 {order.order_no} 还没有打印面单，不能交接")

        handover.items.append(HandoverItem(shipment_id=shipment.id))
        session.flush()
        view = _view(session, handover)
        piece = next(p.piece for p in view.scanned if p.shipment_id == shipment.id)
        return ScanOutcome(
            shipment.tracking_no, order.order_no, len(view.scanned), view.expected, piece
        )


def _after_shipping(session: Session, order: Order, shipment: Shipment, user: str) -> None:
    """Stock leaves the shelf and the customer is told, by the steps that own those jobs."""
    ship_order_stock(session, order, user)
    queue_shipping_notice(session, shipment)


def close_handover(db: Database, handover_id: int, user: str | None = None) -> CloseResult:
    """Ship every scanned parcel, list the missing ones, and draw the signed manifest."""
    user = user or current_user()
    with db.transaction() as session:
        handover = _open(
            session,
            handover_id,
            f"；交接清单丢了可以补打：packdesk handover manifest {handover_id} --out 文件.pdf",
        )
        view = _view(session, handover)
        now = utcnow()

        shipped, refused = [], []
        for ref in view.scanned:
            shipment = session.get(Shipment, ref.shipment_id)
            order = session.get(Order, shipment.order_id)
            if ref.stopped or not shipment.tracking_no:
                # Stopped (or its waybill voided) after it was scanned: it stays here and is
                # taken off the manifest; the command and the window name it.
                refused.append(ref)
                session.delete(next(i for i in handover.items if i.shipment_id == shipment.id))
                continue
            shipment.shipped_at = now
            siblings = session.scalars(select(Shipment).where(Shipment.order_id == order.id)).all()
            if all(s.shipped_at is not None for s in siblings):
                move(
                    order,
                    Status.SHIPPED,
                    user=user,
                    note=f"交接单 {handover.id} {shipment.tracking_no}",
                )
                _after_shipping(session, order, shipment, user)
            shipped.append(ref)

        handover.closed_at = now
        carrier = get_carrier(session, handover.carrier_code)
        pdf = render_manifest(
            handover.id,
            carrier.name,
            view.started_at,
            now,
            view.expected,
            _lines(shipped),
            _lines(view.missing),
        )
    log.info(
        "handover %d closed: %d shipped, %d missing, %d stopped",
        handover_id,
        len(shipped),
        len(view.missing),
        len(refused),
    )
    return CloseResult(handover_id, tuple(shipped), view.missing, tuple(refused), pdf)


def reprint_manifest(db: Database, handover_id: int) -> bytes:
    """The manifest of a closed handover drawn again, marked 补打 with the time of printing.

    The parcels handed over are stored on the handover, so that list is the one signed at
    closing. What was missing then, and how many parcels were expected, are not stored; the
    reprint says so instead of guessing from parcels that may have gone out since.
    """
    with db.reading() as session:
        handover = session.get(Handover, handover_id)
        if handover is None:
            raise HandoverRefused(f"交接单 {handover_id} 不存在")
        if handover.closed_at is None:
            raise HandoverRefused(
                f"交接单 {handover_id} 还没有完成交接，没有交接清单可以补打；"
                "完成交接时会打印交接清单"
            )
        view = _view(session, handover)
    pdf = render_manifest(
        view.id,
        view.carrier_name,
        view.started_at,
        view.closed_at,
        None,
        _lines(view.scanned),
        [],
        reprinted_at=utcnow(),
    )
    log.info("handover %d manifest reprinted (%d parcels)", handover_id, len(view.scanned))
    return pdf
