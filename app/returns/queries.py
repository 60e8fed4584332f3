"""Read-only views of returns as plain frozen snapshots, for the window and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.engine import Database
from app.db.models import Order, Product
from app.db.models.returns import ReturnRequest
from app.returns.lookup import find_order_for_return, find_return
from app.returns.policy import LineEligibility, review_lines
from app.returns.quantities import line_quantities
from app.returns.reasons import REASONS
from app.returns.states import label

GRADE_LABELS = {
    "resellable": "可再售",
    "damaged": "破损隔离",
    "scrap": "报废",
    "supplier": "退供应商",
}


@dataclass(frozen=True)
class ReturnSummary:
    """One row of the returns list."""

    rma_no: str
    order_no: str
    state: str
    state_label: str
    customer: str
    created_at: datetime
    state_since: datetime
    units_requested: int
    units_received: int
    unexpected: int


@dataclass(frozen=True)
class ReturnLineView:
    id: int
    sku: str
    name: str
    quantity: int
    reason: str
    reason_label: str
    reason_text: str
    received: int


@dataclass(frozen=True)
class UnitView:
    id: int
    sku: str
    code: str
    expected: bool
    problem: str
    grade: str
    grade_label: str
    notes: str
    photo_path: str
    received_at: datetime
    received_by: str


@dataclass(frozen=True)
class StepView:
    action: str
    from_state: str
    to_state: str
    at: datetime
    user: str
    note: str


@dataclass(frozen=True)
class ReturnDetail:
    rma_no: str
    order_no: str
    platform: str
    state: str
    state_label: str
    customer: str
    phone: str
    note: str
    decision: str
    decision_reason: str
    return_carrier: str
    return_tracking_no: str
    postage_payer: str
    return_postage: Decimal
    return_address: str
    refund_total: Decimal | None
    replacement_order_no: str
    created_at: datetime
    lines: tuple[ReturnLineView, ...]
    units: tuple[UnitView, ...]
    steps: tuple[StepView, ...]
    eligibility: tuple[LineEligibility, ...]


def _order_no(session: Session, order_id: int | None) -> str:
    if order_id is None:
        return ""
    return session.scalar(select(Order.order_no).where(Order.id == order_id)) or ""


def _sku_of(session: Session, product_id: int | None) -> str:
    if product_id is None:
        return ""
    return session.scalar(select(Product.sku).where(Product.id == product_id)) or ""


def summarize(session: Session, ret: ReturnRequest) -> ReturnSummary:
    return ReturnSummary(
        rma_no=ret.rma_no,
        order_no=_order_no(session, ret.order_id),
        state=ret.state,
        state_label=label(ret.state),
        customer=ret.customer,
        created_at=ret.created_at,
        state_since=ret.state_since,
        units_requested=sum(ln.quantity for ln in ret.lines),
        units_received=sum(1 for u in ret.units if u.expected),
        unexpected=sum(1 for u in ret.units if not u.expected),
    )


def detail_of(session: Session, ret: ReturnRequest, today: date | None = None) -> ReturnDetail:
    session.flush()
    names = {
        ln.product_id: session.get(Product, ln.product_id).name
        for ln in ret.lines
        if ln.product_id is not None
    }
    order = session.get(Order, ret.order_id) if ret.order_id else None
    return ReturnDetail(
        rma_no=ret.rma_no,
        order_no=order.order_no if order else "",
        platform=order.platform if order else "",
        state=ret.state,
        state_label=label(ret.state),
        customer=ret.customer,
        phone=ret.phone,
        note=ret.note,
        decision=ret.decision,
        decision_reason=ret.decision_reason,
        return_carrier=ret.return_carrier,
        return_tracking_no=ret.return_tracking_no or "",
        postage_payer=ret.postage_payer,
        return_postage=ret.return_postage,
        return_address=ret.return_address,
        refund_total=ret.refund_total,
        replacement_order_no=_order_no(session, ret.replacement_order_id),
        created_at=ret.created_at,
        lines=tuple(
            ReturnLineView(
                ln.id,
                ln.sku,
                names.get(ln.product_id, ""),
                ln.quantity,
                ln.reason,
                REASONS[ln.reason],
                ln.reason_text,
                sum(1 for u in ret.units if u.return_line_id == ln.id),
            )
            for ln in ret.lines
        ),
        units=tuple(
            UnitView(
                u.id,
                _sku_of(session, u.product_id),
                u.code,
                u.expected,
                u.problem,
                u.grade,
                GRADE_LABELS.get(u.grade, ""),
                u.notes,
                u.photo_path,
                u.received_at,
                u.received_by,
            )
            for u in ret.units
        ),
        steps=tuple(
            StepView(e.action, e.from_state, e.to_state, e.at, e.user, e.note) for e in ret.events
        ),
        eligibility=tuple(review_lines(session, ret, today)),
    )


def list_returns(db: Database, state: str | None = None) -> list[ReturnSummary]:
    """Returns newest first, optionally of one state."""
    # TODO: page by key in SQL if a shop ever keeps tens of thousands of returns.
    with db.reading() as session:
        query = select(ReturnRequest).options(
            selectinload(ReturnRequest.lines), selectinload(ReturnRequest.units)
        )
        if state:
            query = query.where(ReturnRequest.state == state)
        rows = session.scalars(query.order_by(ReturnRequest.id.desc()))
        return [summarize(session, r) for r in rows]


def get_return(db: Database, code: str) -> ReturnDetail:
    """The return named by its RMA number or return tracking number."""
    with db.reading() as session:
        return detail_of(session, find_return(session, code))


@dataclass(frozen=True)
class ReturnableLine:
    sku: str
    title: str
    unit_price: Decimal
    shipped: int
    returnable: int


@dataclass(frozen=True)
class OrderForReturn:
    """The order a new return is raised against, with what may still come back per line."""

    order_no: str
    platform: str
    recipient: str
    phone: str
    status: str
    lines: tuple[ReturnableLine, ...]


def order_for_return(db: Database, code: str) -> OrderForReturn:
    """The order named by order number, tracking number or phone, for the request dialog."""
    with db.reading() as session:
        order = find_order_for_return(session, code)
        lines = []
        for line in order.lines:
            figures = line_quantities(session, line)
            lines.append(
                ReturnableLine(
                    line.sku, line.title, line.unit_price, figures.shipped, figures.returnable
                )
            )
        return OrderForReturn(
            order.order_no,
            order.platform,
            order.recipient,
            order.phone,
            order.status,
            tuple(lines),
        )
