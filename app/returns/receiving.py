"""Receiving a returned parcel: scan the slip or the return tracking number, then every unit.

Each scan is stored the moment it happens. A unit that matches a line of the return with
room left is expected; anything else (unknown code, a product not on the return, one unit too
many) is stored as unexpected with the reason and is never restocked. Grading a unit as
resellable is the only thing that puts stock back, one unit into the product's bin, on the
order line it came from; so a return of 1 × Z moves Z and nothing else.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.config import current_user, data_dir
from app.db.engine import Database
from app.db.models import Product
from app.db.models.returns import ReturnLine, ReturnRequest, ReturnUnit
from app.db.types import utcnow
from app.packing.scan_codes import parse_scan
from app.returns.errors import IllegalReturnStep, ReturnInputError
from app.returns.lookup import find_return
from app.returns.notify import notify_customer
from app.returns.queries import GRADE_LABELS, ReturnDetail, detail_of
from app.returns.states import LABELS, ReturnState, label, move_return, record_step
from app.stock.ledger import post_move

log = logging.getLogger(__name__)

RECEIVABLE = frozenset(
    {ReturnState.REQUESTED, ReturnState.APPROVED, ReturnState.IN_TRANSIT, ReturnState.RECEIVED}
)
GRADE_WORDS = {
    "可再售": "resellable",
    "可售": "resellable",
    "破损": "damaged",
    "隔离": "damaged",
    "报废": "scrap",
    "退供应商": "supplier",
}


@dataclass(frozen=True)
class ReceiveResult:
    accepted: bool
    message: str
    unit_id: int
    sku: str
    detail: ReturnDetail


def grade_code(text: str) -> str:
    value = text.strip()
    if value in GRADE_LABELS:
        return value
    if value in GRADE_WORDS:
        return GRADE_WORDS[value]
    # The words the windows and the message below show are accepted as typed, too.
    shown = {word: code for code, word in GRADE_LABELS.items()}
    if value in shown:
        return shown[value]
    known = "、".join(f"{c}({w})" for c, w in GRADE_LABELS.items())
    raise ReturnInputError("等级", f"不认识「{value}」，可选: {known}")


def _product_for(session: Session, data: str, gtin: str | None) -> Product | None:
    codes = {data}
    if gtin:
        codes |= {gtin, gtin.lstrip("0"), gtin[1:]}
    return session.scalars(
        select(Product).where(or_(Product.barcode.in_(codes), Product.sku == data))
    ).first()


def _match_line(ret: ReturnRequest, product: Product) -> tuple[ReturnLine | None, str]:
    lines = [ln for ln in ret.lines if ln.product_id == product.id]
    if not lines:
        return None, f"{product.sku} 不在退货单 {ret.rma_no} 上"
    for line in lines:
        got = sum(1 for u in ret.units if u.return_line_id == line.id)
        if got < line.quantity:
            return line, ""
    wanted = sum(ln.quantity for ln in lines)
    return None, f"{product.sku} 超出退货数量（应退 {wanted} 件，已收齐）"


def receive_scan(
    db: Database, rma_no: str, raw_code: str, *, user: str | None = None, notify: bool = True
) -> ReceiveResult:
    """Store one scanned unit against the return; the first scan marks the parcel received."""
    who = user or current_user()
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        return _store_scan(session, ret, raw_code, who, notify)


def _store_scan(
    session: Session, ret: ReturnRequest, raw_code: str, who: str, notify: bool
) -> ReceiveResult:
    state = ReturnState(ret.state)
    if state not in RECEIVABLE:
        raise IllegalReturnStep(ret.rma_no, LABELS[state], LABELS[ReturnState.RECEIVED])
    if state is not ReturnState.RECEIVED:
        move_return(
            ret,
            ReturnState.RECEIVED,
            action="received",
            user=who,
            note="包裹到货" if ret.order_id else "未预约到货",
        )
        if notify:
            notify_customer(session, ret)

    parsed = parse_scan(raw_code)
    product = _product_for(session, parsed.data, parsed.gtin) if parsed.ok else None
    line, problem = (None, parsed.error or f"未知条码 {parsed.data}")
    if product is not None:
        line, problem = _match_line(ret, product)

    unit = ReturnUnit(
        return_line_id=line.id if line else None,
        product_id=product.id if product else None,
        code=raw_code.strip(),
        expected=line is not None,
        problem=problem,
        received_by=who,
    )
    ret.units.append(unit)
    session.flush()
    if line is None:
        log.info("return %s: unexpected unit %r (%s)", ret.rma_no, raw_code, problem)
    sku = product.sku if product else ""
    message = f"已收 {sku}" if line else problem
    return ReceiveResult(line is not None, message, unit.id, sku, detail_of(session, ret))


def _keep_photo(rma_no: str, unit_id: int, photo: Path) -> str:
    if not photo.is_file():
        raise ReturnInputError("照片", f"找不到文件 {photo}")
    # TODO: a shared folder for several desks; for now photos live in this desk's data folder.
    folder = data_dir() / "return_photos" / rma_no
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{unit_id}{photo.suffix.lower()}"
    shutil.copyfile(photo, target)
    return str(target)


def grade_unit(
    db: Database,
    rma_no: str,
    unit_id: int,
    grade: str,
    *,
    notes: str = "",
    photo: Path | None = None,
    user: str | None = None,
    notify: bool = True,
) -> ReturnDetail:
    """Grade one received unit; resellable units go back into stock, nothing else does.

    When every expected unit is graded the return is inspected and the customer told.
    """
    who = user or current_user()
    code = grade_code(grade)
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        _grade(session, ret, unit_id, code, notes, photo, who, notify)
        return detail_of(session, ret)


def _grade(
    session: Session,
    ret: ReturnRequest,
    unit_id: int,
    code: str,
    notes: str,
    photo: Path | None,
    who: str,
    notify: bool,
) -> None:
    if ret.state != ReturnState.RECEIVED.value:
        raise IllegalReturnStep(ret.rma_no, label(ret.state), "检验")
    unit = next((u for u in ret.units if u.id == unit_id), None)
    if unit is None:
        raise ReturnInputError("单件", f"退货单 {ret.rma_no} 没有第 {unit_id} 件")
    if not unit.expected:
        # TODO: a supervisor's decision for unexpected units (accept onto a line, send back).
        raise ReturnInputError("单件", f"意外收到的物品不能直接入库: {unit.problem}")
    if unit.grade:
        raise ReturnInputError("单件", f"该件已判定为{GRADE_LABELS[unit.grade]}")

    unit.grade, unit.notes, unit.graded_by, unit.graded_at = code, notes.strip(), who, utcnow()
    if photo is not None:
        unit.photo_path = _keep_photo(ret.rma_no, unit.id, Path(photo))
    line = session.get(ReturnLine, unit.return_line_id)
    if code == "resellable":
        product = session.get(Product, unit.product_id)
        move = post_move(
            session,
            product_id=product.id,
            kind="return",
            on_hand_delta=1,
            reason=f"退货 {ret.rma_no} 可再售",
            order_id=ret.order_id,
            order_line_id=line.order_line_id,
            bin=product.bin,
            user=who,
        )
        session.flush()
        unit.stock_move_id = move.id
    # TODO: damaged units are only recorded as quarantined; a quarantine stock location
    # (kept out of available stock) belongs to the ledger of issue 5.
    record_step(
        ret,
        action="graded",
        user=who,
        note=f"{line.sku} {GRADE_LABELS[code]}" + (f"：{notes}" if notes else ""),
    )

    expected = [u for u in ret.units if u.expected]
    if len(expected) == sum(ln.quantity for ln in ret.lines) and all(u.grade for u in expected):
        _inspected(session, ret, who, notify)


def _inspected(session: Session, ret: ReturnRequest, who: str, notify: bool) -> None:
    expected = [u for u in ret.units if u.expected]
    wanted = sum(ln.quantity for ln in ret.lines)
    summary = "，".join(
        f"{words} {sum(1 for u in expected if u.grade == g)} 件"
        for g, words in GRADE_LABELS.items()
        if any(u.grade == g for u in expected)
    )
    note = f"收到 {len(expected)}/{wanted} 件：{summary or '无'}"
    move_return(ret, ReturnState.INSPECTED, action="inspected", user=who, note=note)
    if notify:
        notify_customer(session, ret, reason=note)


def finish_inspection(
    db: Database, rma_no: str, *, user: str | None = None, notify: bool = True
) -> ReturnDetail:
    """Close the inspection when not every requested unit came back (the rest never will).

    The return moves on by itself once every requested unit is received and graded.
    """
    who = user or current_user()
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        if ret.state != ReturnState.RECEIVED.value:
            raise IllegalReturnStep(ret.rma_no, label(ret.state), label(ReturnState.INSPECTED))
        waiting = [u for u in ret.units if u.expected and not u.grade]
        if waiting:
            raise ReturnInputError("检验", f"还有 {len(waiting)} 件未判定")
        _inspected(session, ret, who, notify)
        return detail_of(session, ret)


def grade_next(
    db: Database,
    rma_no: str,
    sku: str,
    grade: str,
    *,
    notes: str = "",
    user: str | None = None,
) -> ReturnDetail:
    """Grade the first ungraded expected unit of `sku` (what `returns receive --grade` does)."""
    who = user or current_user()
    code = grade_code(grade)
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        _grade(session, ret, _next_ungraded(session, ret, sku), code, notes, None, who, True)
        return detail_of(session, ret)


def _next_ungraded(session: Session, ret: ReturnRequest, sku: str) -> int:
    ids = [u.product_id for u in ret.units if u.product_id]
    skus = dict(session.execute(select(Product.id, Product.sku).where(Product.id.in_(ids))).all())
    unit_id = next(
        (u.id for u in ret.units if u.expected and not u.grade and skus.get(u.product_id) == sku),
        None,
    )
    if unit_id is None:
        raise ReturnInputError(f"--grade {sku}", "没有待判定的该商品")
    return unit_id


@dataclass(frozen=True)
class ParcelResult:
    """What one `returns receive` did: each scan's result and the return afterwards."""

    scans: tuple[ReceiveResult, ...]
    grades: tuple[tuple[str, str], ...]
    detail: ReturnDetail


def parse_grade_spec(spec: str) -> tuple[str, str]:
    """`SKU:GRADE` as (sku, grade code); raises before anything is stored."""
    sku, _, grade = spec.rpartition(":")
    if not sku.strip() or not grade.strip():
        raise ReturnInputError(f"--grade {spec}", "应写成 SKU:等级")
    try:
        return sku.strip(), grade_code(grade)
    except ReturnInputError as exc:
        raise ReturnInputError(f"--grade {spec}", exc.reason) from None


def check_scan(session: Session, raw_code: str) -> None:
    """Refuse a code that cannot name any goods (a misread or typed garbage).

    A readable GTIN of a product not in the catalogue is still real goods in the parcel and
    is stored as unexpected; a bad check digit or text that is no known SKU or barcode is
    refused, so a typo never leaves a phantom unit behind.
    """
    parsed = parse_scan(raw_code)
    if not parsed.ok:
        raise ReturnInputError(f"--scan {raw_code}", parsed.error or "无法识别的条码")
    if parsed.gtin is None and _product_for(session, parsed.data, None) is None:
        raise ReturnInputError(f"--scan {raw_code}", "不是商品条码，也不是已知的 SKU")


def receive_parcel(
    db: Database,
    rma_no: str,
    scans: list[str],
    grades: list[str],
    *,
    user: str | None = None,
    notify: bool = True,
) -> ParcelResult:
    """Scan then grade in ONE transaction: every argument is checked before anything is
    stored, and a failure later (no such unit to grade) rolls the scans back too, so a retry
    with corrected input never records the same units twice."""
    who = user or current_user()
    wanted = [parse_grade_spec(spec) for spec in grades]
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        for code in scans:
            check_scan(session, code)
        results = tuple(_store_scan(session, ret, code, who, notify) for code in scans)
        for sku, code in wanted:
            _grade(session, ret, _next_ungraded(session, ret, sku), code, "", None, who, notify)
        return ParcelResult(results, tuple(wanted), detail_of(session, ret))
