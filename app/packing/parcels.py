"""Parcels of an order: which one is open, what went into it, and the overrides kept on it.

A parcel is a `Shipment` row; its packing state (box, checklist, checks) is a `ParcelState`.
The first accepted scan opens parcel 1; a clerk may close it and open the next, and later
scans fill that one, so each parcel knows its own contents for its label and slip.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order, OrderLine, Shipment
from app.db.models.packing_station import PackingOverride, ParcelItem, ParcelState
from app.db.types import utcnow
from app.errors import BadInput

log = logging.getLogger(__name__)


class OverrideRefused(BadInput):
    """An override needs the supervisor's name and a reason, both kept for the audit."""


def require_supervisor(supervisor: str, reason: str) -> None:
    if not supervisor.strip():
        raise OverrideRefused("主管放行需要主管姓名")
    if not reason.strip():
        raise OverrideRefused("主管放行需要填写原因")


def record_override(
    session: Session,
    order: Order,
    kind: str,
    supervisor: str,
    reason: str,
    *,
    detail: str = "",
    user: str = "",
    shipment_id: int | None = None,
) -> PackingOverride:
    row = PackingOverride(
        order_id=order.id,
        shipment_id=shipment_id,
        kind=kind,
        supervisor=supervisor.strip(),
        reason=reason.strip(),
        detail=detail,
        user=user,
    )
    session.add(row)
    return row


def parcels_of(session: Session, order_id: int) -> list[Shipment]:
    return list(
        session.scalars(
            select(Shipment).where(Shipment.order_id == order_id).order_by(Shipment.parcel_no)
        )
    )


def state_of(session: Session, shipment: Shipment) -> ParcelState:
    state = session.scalar(select(ParcelState).where(ParcelState.shipment_id == shipment.id))
    if state is None:
        state = ParcelState(shipment_id=shipment.id)
        session.add(state)
        session.flush()
    return state


def open_parcel(session: Session, order: Order) -> Shipment:
    """The parcel scans go into: the newest one if it is not closed, else a new one.

    One query for the newest parcel and its state: this runs on every accepted scan.
    """
    newest = session.execute(
        select(Shipment, ParcelState)
        .outerjoin(ParcelState, ParcelState.shipment_id == Shipment.id)
        .where(Shipment.order_id == order.id)
        .order_by(Shipment.parcel_no.desc())
        .limit(1)
    ).first()
    if newest is not None:
        shipment, state = newest
        if state is None:
            session.add(ParcelState(shipment_id=shipment.id))
            return shipment
        if not state.closed:
            return shipment
    shipment = Shipment(order_id=order.id, parcel_no=newest[0].parcel_no + 1 if newest else 1)
    session.add(shipment)
    session.flush()
    session.add(ParcelState(shipment_id=shipment.id))
    return shipment


def add_to_open_parcel(session: Session, order: Order, line: OrderLine, units: int) -> None:
    shipment = open_parcel(session, order)
    item = session.scalar(
        select(ParcelItem).where(
            ParcelItem.shipment_id == shipment.id, ParcelItem.order_line_id == line.id
        )
    )
    if item is None:
        session.add(ParcelItem(shipment_id=shipment.id, order_line_id=line.id, quantity=units))
    else:
        item.quantity += units


def stamp_packed(session: Session, order: Order) -> None:
    """The order is packed: every parcel without a packed time gets one now."""
    now = utcnow()
    shipments = parcels_of(session, order.id)
    if not shipments:
        shipments = [open_parcel(session, order)]
    for shipment in shipments:
        if shipment.packed_at is None:
            shipment.packed_at = now


def parcel_contents(session: Session, shipment_id: int) -> dict[int, int]:
    """Units per order line id in one parcel."""
    rows = session.execute(
        select(ParcelItem.order_line_id, ParcelItem.quantity).where(
            ParcelItem.shipment_id == shipment_id
        )
    )
    return {line_id: qty for line_id, qty in rows}


def current_parcel(session: Session, order: Order) -> Shipment:
    """The parcel checks apply to: the first one still open, else the last one."""
    existing = parcels_of(session, order.id)
    for shipment in existing:
        if not state_of(session, shipment).closed:
            return shipment
    if existing:
        return existing[-1]
    return open_parcel(session, order)
