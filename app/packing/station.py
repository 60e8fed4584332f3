"""After the scans: box and filling, the checklist in order, the quality check, more parcels.

Every function works on the order's current parcel (the one still open, else the last one)
and returns a `ParcelView`. Steps are enforced in order so a parcel cannot be sealed before it
is secured, nor labelled before its weight is accepted; a failed quality check sends the
parcel back to the first step and counts one rework.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, OrderLine, Product, Shipment
from app.db.models.packing_station import PackingStep
from app.db.types import utcnow
from app.errors import BadInput, OrderNotFound
from app.orders.status import Status, move
from app.packing import boxes, parcels
from app.packing.parcels import current_parcel
from app.packing.views import scanned_by_line
from app.packing.weighing import refresh_expected

log = logging.getLogger(__name__)

STEPS = ("placed", "secured", "sealed", "labelled")
STEP_LABELS = {
    "placed": "商品已放入",
    "secured": "已固定不晃动",
    "sealed": "已封箱",
    "labelled": "已贴面单",
    "qc": "质检",
}


class StepOutOfOrder(BadInput):
    """A checklist step was ticked before the one it follows."""


@dataclass(frozen=True)
class ParcelLine:
    line_no: int
    sku: str
    title: str
    quantity: int


@dataclass(frozen=True)
class ParcelView:
    shipment_id: int
    order_id: int
    parcel_no: int
    contents: tuple[ParcelLine, ...]
    box_code: str
    filling_code: str
    proposed_box: str
    proposed_filling: str
    box_reasons: tuple[str, ...]
    checklist_done: int
    qc_state: str
    rework_count: int
    weight: Decimal | None
    expected_weight: Decimal | None
    volumetric_weight: Decimal | None
    weight_state: str
    closed: bool

    @property
    def next_step(self) -> str:
        """The checklist step to tick next, `qc` after the last, "" when all is done."""
        if self.checklist_done < len(STEPS):
            return STEPS[self.checklist_done]
        return "" if self.qc_state == "passed" else "qc"

    @property
    def weight_ok(self) -> bool:
        return self.weight_state in {"ok", "overridden"}

    @property
    def ready(self) -> bool:
        return self.next_step == "" and self.weight_ok


def _order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise OrderNotFound(str(order_id))
    return order


def goods_of(session: Session, shipment: Shipment) -> list[tuple[Product, int]]:
    contents = parcels.parcel_contents(session, shipment.id)
    items = []
    for line_id, qty in contents.items():
        line = session.get(OrderLine, line_id)
        if line is not None and line.product_id is not None:
            items.append((session.get(Product, line.product_id), qty))
    return items


def view_parcel(session: Session, shipment: Shipment) -> ParcelView:
    state = parcels.state_of(session, shipment)
    contents = []
    for line_id, qty in parcels.parcel_contents(session, shipment.id).items():
        line = session.get(OrderLine, line_id)
        contents.append(ParcelLine(line.line_no, line.sku, line.title, qty))
    proposal = boxes.propose(session, boxes.Goods.of(goods_of(session, shipment)))
    return ParcelView(
        shipment_id=shipment.id,
        order_id=shipment.order_id,
        parcel_no=shipment.parcel_no,
        contents=tuple(sorted(contents, key=lambda c: c.line_no)),
        box_code=state.box_code,
        filling_code=state.filling_code,
        proposed_box=proposal.box.code if proposal.box else "",
        proposed_filling=proposal.filling.code if proposal.filling else "",
        box_reasons=proposal.reasons,
        checklist_done=state.checklist_done,
        qc_state=state.qc_state,
        rework_count=state.rework_count,
        weight=shipment.weight,
        expected_weight=state.expected_weight,
        volumetric_weight=state.volumetric_weight,
        weight_state=state.weight_state,
        closed=state.closed,
    )


def parcel_view(db: Database, order_id: int) -> ParcelView:
    with db.transaction() as session:
        return view_parcel(session, current_parcel(session, _order(session, order_id)))


def choose_packaging(
    db: Database,
    order_id: int,
    box_code: str | None = None,
    filling_code: str | None = None,
    reason: str = "",
    user: str | None = None,
) -> ParcelView:
    """Use the proposed box and filling, or the clerk's own choice with a reason.

    The packaging is taken from stock now; a box chosen earlier for this parcel goes back.
    """
    who = user or current_user()
    with db.transaction() as session:
        order = _order(session, order_id)
        shipment = current_parcel(session, order)
        state = parcels.state_of(session, shipment)
        proposal = boxes.propose(session, boxes.Goods.of(goods_of(session, shipment)))
        proposed_box = proposal.box.code if proposal.box else ""
        proposed_filling = proposal.filling.code if proposal.filling else ""
        box = box_code or proposed_box
        filling = proposed_filling if filling_code is None else filling_code
        if not box:
            raise boxes.PackagingRefused("没有合适的箱子，请指定箱子并填写原因")
        overridden = (box, filling) != (proposed_box, proposed_filling)
        if overridden and not reason.strip():
            raise boxes.PackagingRefused(
                f"建议用 {proposed_box or '—'} + {proposed_filling or '无填充'}；改用其他包装"
                "需要填写原因"
            )
        if state.checklist_done >= STEPS.index("sealed") + 1:
            raise StepOutOfOrder("已封箱，不能再换箱子")

        for old in (state.box_code, state.filling_code):
            if old:
                boxes.put_back(session, old)
        for new in (box, filling):
            if new:
                boxes.take_from_stock(session, new)
        state.box_code, state.filling_code = box, filling
        state.proposed_box, state.proposed_filling = proposed_box, proposed_filling
        state.box_reason = reason.strip()
        state.box_chosen_at = utcnow()
        if overridden:
            parcels.record_override(
                session,
                order,
                "box",
                who,
                reason,
                detail=f"{proposed_box}+{proposed_filling} -> {box}+{filling}",
                user=who,
                shipment_id=shipment.id,
            )
            log.info(
                "order %s parcel %s: box %s instead of %s (%s)",
                order.order_no,
                shipment.parcel_no,
                box,
                proposed_box,
                reason,
            )
        refresh_expected(session, shipment)
        return view_parcel(session, shipment)


def tick_step(db: Database, order_id: int, step: str, user: str | None = None) -> ParcelView:
    """Tick one checklist step; only the next one in order is accepted."""
    who = user or current_user()
    with db.transaction() as session:
        order = _order(session, order_id)
        shipment = current_parcel(session, order)
        state = parcels.state_of(session, shipment)
        if step not in STEPS:
            raise BadInput(f"未知的打包步骤 「{step}」")
        expected = STEPS[state.checklist_done] if state.checklist_done < len(STEPS) else ""
        if step != expected:
            wanted = STEP_LABELS.get(expected, "质检")
            raise StepOutOfOrder(f"请先完成「{wanted}」，再做「{STEP_LABELS[step]}」")
        if step == "placed" and not state.box_code:
            raise StepOutOfOrder("请先选定箱子")
        if step == "labelled" and state.weight_state not in {"ok", "overridden"}:
            raise StepOutOfOrder("重量未通过核对，不能贴面单")
        session.add(PackingStep(shipment_id=shipment.id, step=step, ok=True, user=who))
        state.checklist_done += 1
        return view_parcel(session, shipment)


def quality_check(
    db: Database,
    order_id: int,
    *,
    intact: bool,
    label_matches: bool,
    note: str = "",
    user: str | None = None,
) -> ParcelView:
    """The last step. A failure is recorded as rework and the parcel starts the checklist over;
    the order goes back to PACKING until the parcel passes."""
    who = user or current_user()
    with db.transaction() as session:
        order = _order(session, order_id)
        shipment = current_parcel(session, order)
        state = parcels.state_of(session, shipment)
        if state.checklist_done < len(STEPS):
            raise StepOutOfOrder(f"请先完成「{STEP_LABELS[STEPS[state.checklist_done]]}」")
        passed = intact and label_matches
        problems = [
            w for ok, w in ((intact, "包裹破损"), (label_matches, "面单与订单不符")) if not ok
        ]
        text = "；".join(problems + ([note] if note else []))
        session.add(
            PackingStep(shipment_id=shipment.id, step="qc", ok=passed, note=text, user=who)
        )
        if passed:
            state.qc_state = "passed"
            if order.status == Status.PACKING and _all_scanned(session, order):
                move(order, Status.PACKED, user=who, note="质检通过")
        else:
            state.qc_state = "failed"
            state.checklist_done = 0
            state.rework_count += 1
            if order.status in {Status.PACKED, Status.LABELLED}:
                move(order, Status.PACKING, user=who, note=f"质检不合格，返工：{text}")
            log.info("order %s parcel %s failed QC: %s", order.order_no, shipment.parcel_no, text)
        return view_parcel(session, shipment)


def _all_scanned(session: Session, order: Order) -> bool:
    scanned = scanned_by_line(session, order.id)
    return all(scanned.get(ln.id, 0) >= ln.quantity for ln in order.lines)


def start_next_parcel(db: Database, order_id: int, user: str | None = None) -> ParcelView:
    """Close the current parcel (it must hold something and have an accepted weight); the
    next scans go into a new parcel with its own contents, weight and label."""
    with db.transaction() as session:
        order = _order(session, order_id)
        shipment = current_parcel(session, order)
        state = parcels.state_of(session, shipment)
        if not parcels.parcel_contents(session, shipment.id):
            raise BadInput(f"第 {shipment.parcel_no} 个包裹还是空的")
        if state.weight_state not in {"ok", "overridden"}:
            raise BadInput(f"第 {shipment.parcel_no} 个包裹还没有通过称重")
        state.closed = True
        if shipment.packed_at is None:
            shipment.packed_at = utcnow()
        session.flush()
        return view_parcel(session, parcels.open_parcel(session, order))


def parcels_of_order(db: Database, order_id: int) -> list[ParcelView]:
    with db.transaction() as session:
        return [view_parcel(session, s) for s in parcels.parcels_of(session, order_id)]
