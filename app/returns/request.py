"""Registering a return: which order, which lines, how many, and why.

A return is normally raised against an order found by its number, outbound tracking number or
phone. Goods that arrive unannounced are registered without an order (`unannounced=True`) and
linked later with `link_return`; until then each line names only a catalogue SKU.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order, OrderLine, Product
from app.db.models.returns import ReturnLine, ReturnRequest
from app.db.types import utcnow
from app.returns.errors import ReturnInputError
from app.returns.lookup import find_order_for_return, find_return, phone_digits
from app.returns.notify import notify_customer
from app.returns.quantities import line_quantities
from app.returns.queries import ReturnDetail, detail_of
from app.returns.reasons import REASONS, reason_code
from app.returns.states import record_step

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReturnLineInput:
    sku: str
    quantity: int
    reason: str
    reason_text: str = ""


def parse_line_spec(spec: str) -> ReturnLineInput:
    """`SKU:QTY:REASON[:free text]`, as typed on the command line."""
    parts = spec.split(":", 3)
    if len(parts) < 3:
        raise ReturnInputError(f"--line {spec}", "应写成 SKU:数量:原因[:说明]")
    sku, qty_text, reason = parts[0].strip(), parts[1].strip(), parts[2]
    if not qty_text.isdigit():
        raise ReturnInputError(f"--line {spec}", f"数量「{qty_text}」不是正整数")
    text = parts[3].strip() if len(parts) == 4 else ""
    return ReturnLineInput(sku, int(qty_text), reason_code(reason), text)


def _next_rma_no(session: Session) -> str:
    # TODO: two desks numbering in the same second can collide on the unique key; the second
    # insert then fails and the clerk retries. A sequence table would remove the race.
    prefix = "RMA" + utcnow().astimezone(desk_timezone()).strftime("%Y%m%d") + "-"
    count = session.scalar(
        select(func.count(ReturnRequest.id)).where(ReturnRequest.rma_no.like(prefix + "%"))
    )
    return f"{prefix}{(count or 0) + 1:04d}"


def _check_line(line: ReturnLineInput, where: str) -> None:
    if line.quantity <= 0:
        raise ReturnInputError(where, "退货数量必须大于 0")
    if line.reason not in REASONS:
        reason_code(line.reason)


def _order_line_for(
    session: Session, ret: ReturnRequest, order: Order, line: ReturnLineInput, where: str
) -> OrderLine:
    """The order line a return line belongs to, with enough returnable units left."""
    candidates = [ln for ln in order.lines if line.sku in (ln.sku, _barcode(session, ln))]
    if not candidates:
        raise ReturnInputError(where, f"订单 {order.order_no} 没有商品 {line.sku}")
    session.flush()
    for candidate in candidates:
        figures = line_quantities(session, candidate)
        if figures.returnable >= line.quantity:
            return candidate
    best = max(line_quantities(session, c).returnable for c in candidates)
    shipped = sum(line_quantities(session, c).shipped for c in candidates)
    raise ReturnInputError(
        where,
        f"商品 {line.sku} 最多还能退 {best} 件（已发货 {shipped} 件，已申请退货的不重复计算）",
    )


def _barcode(session: Session, line: OrderLine) -> str:
    if line.product_id is None:
        return ""
    return session.scalar(select(Product.barcode).where(Product.id == line.product_id)) or ""


def _product(session: Session, sku: str) -> Product | None:
    return session.scalars(
        select(Product).where(or_(Product.sku == sku, Product.barcode == sku))
    ).first()


def _attach_lines(
    session: Session, ret: ReturnRequest, order: Order | None, lines: list[ReturnLineInput]
) -> None:
    for n, line in enumerate(lines, 1):
        where = f"第 {n} 行 {line.sku}"
        _check_line(line, where)
        if order is None:
            product = _product(session, line.sku)
            if product is None:
                raise ReturnInputError(where, f"商品目录里没有 {line.sku}")
            ret.lines.append(
                ReturnLine(
                    sku=product.sku,
                    product_id=product.id,
                    quantity=line.quantity,
                    reason=line.reason,
                    reason_text=line.reason_text,
                )
            )
            continue
        order_line = _order_line_for(session, ret, order, line, where)
        ret.lines.append(
            ReturnLine(
                sku=order_line.sku,
                product_id=order_line.product_id,
                order_line_id=order_line.id,
                quantity=line.quantity,
                reason=line.reason,
                reason_text=line.reason_text,
            )
        )


def create_return(
    db: Database,
    code: str | None,
    lines: list[ReturnLineInput],
    *,
    note: str = "",
    customer: str = "",
    phone: str = "",
    user: str | None = None,
    notify: bool = True,
) -> ReturnDetail:
    """Register a return against the order `code` names, or unannounced when `code` is None."""
    if not lines:
        raise ReturnInputError("退货明细", "至少要有一行")
    who = user or current_user()
    with db.transaction() as session:
        order = find_order_for_return(session, code) if code is not None else None
        ret = ReturnRequest(
            rma_no=_next_rma_no(session),
            order_id=order.id if order else None,
            customer=order.recipient if order else customer.strip(),
            phone=order.phone if order else phone_digits(phone),
            note=note,
            created_by=who,
        )
        session.add(ret)
        _attach_lines(session, ret, order, lines)
        words = f"订单 {order.order_no}" if order else "未关联订单（未预约到货）"
        record_step(ret, action="created", user=who, note=words)
        session.flush()
        if notify:
            notify_customer(session, ret)
        log.info("return %s registered for %s by %s", ret.rma_no, words, who)
        return detail_of(session, ret)


def link_return(db: Database, rma_no: str, code: str, *, user: str | None = None) -> ReturnDetail:
    """Attach an unannounced return to its order once the order is known."""
    who = user or current_user()
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        if ret.order_id is not None:
            raise ReturnInputError("关联订单", f"退货单 {ret.rma_no} 已关联订单")
        order = find_order_for_return(session, code)
        for return_line in ret.lines:
            wanted = ReturnLineInput(return_line.sku, return_line.quantity, return_line.reason)
            order_line = _order_line_for(session, ret, order, wanted, f"商品 {return_line.sku}")
            return_line.order_line_id = order_line.id
        ret.order_id = order.id
        ret.customer = ret.customer or order.recipient
        ret.phone = ret.phone or order.phone
        record_step(ret, action="linked", user=who, note=f"关联订单 {order.order_no}")
        return detail_of(session, ret)
