"""The refund of a return: what the customer actually paid for the units that came back.

Each order line's paid amount is its gross (price × quantity) less its share of the order
discount; the discount is spread over the lines in proportion to their gross, in whole fen,
with the leftover fen going to the largest remainders so the shares add up exactly. A partial
return refunds `paid × units / quantity`, computed on the running total of the line's refunded
units, so several partial returns of one line add up to exactly what was paid for it.

Postage (`returns.refund_postage`): "full_return" (default) refunds the outbound postage once
every shipped unit of the order has come back and been refunded; "seller_fault" refunds it
whenever a line's reason is the shop's fault; "never" keeps it. Return postage the customer
advanced is refunded when the seller pays for the return.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order, OrderLine
from app.db.models.returns import ReturnLine, ReturnRequest, ReturnUnit
from app.db.types import CENT, to_money
from app.returns.errors import IllegalReturnStep, ReturnInputError
from app.returns.lookup import find_return
from app.returns.notify import notify_customer
from app.returns.quantities import shipped_quantity
from app.returns.reasons import SELLER_FAULT
from app.returns.states import ReturnState, label, move_return

log = logging.getLogger(__name__)

POSTAGE_RULES = {
    "never": "运费不退",
    "full_return": "整单退回时退运费",
    "seller_fault": "卖家责任时退运费",
}


@dataclass(frozen=True)
class RefundLine:
    sku: str
    ordered: int
    unit_price: Decimal
    gross: Decimal
    discount_share: Decimal
    paid: Decimal
    units: int
    refund: Decimal


@dataclass(frozen=True)
class RefundBreakdown:
    rma_no: str
    order_no: str
    lines: tuple[RefundLine, ...]
    goods: Decimal
    postage: Decimal
    postage_rule: str
    return_postage: Decimal
    total: Decimal


def discount_shares(grosses: list[Decimal], discount: Decimal) -> list[Decimal]:
    """`discount` split over `grosses` in proportion, in fen, summing exactly to `discount`."""
    total = sum(grosses, Decimal("0"))
    if total <= 0 or discount == 0:
        return [Decimal("0.00") for _ in grosses]
    exact = [discount * g / total for g in grosses]
    shares = [e.quantize(CENT, rounding=ROUND_DOWN) for e in exact]
    leftover = int((discount - sum(shares, Decimal("0"))) / CENT)
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in by_remainder[:leftover]:
        shares[i] += CENT
    return shares


def _refunded_units(session: Session, order_line_id: int, excluding: int) -> int:
    """Units of the line refunded by earlier returns."""
    return len(
        session.scalars(
            select(ReturnUnit.id)
            .join(ReturnLine, ReturnLine.id == ReturnUnit.return_line_id)
            .join(ReturnRequest, ReturnRequest.id == ReturnUnit.return_id)
            .where(
                ReturnLine.order_line_id == order_line_id,
                ReturnUnit.expected.is_(True),
                ReturnRequest.state == ReturnState.REFUNDED.value,
                ReturnRequest.id != excluding,
            )
        ).all()
    )


def _postage(
    session: Session, ret: ReturnRequest, order: Order, units_back: dict[int, int], rule: str
) -> Decimal:
    already = session.scalars(
        select(ReturnRequest.refund_postage).where(
            ReturnRequest.order_id == order.id,
            ReturnRequest.id != ret.id,
            ReturnRequest.state == ReturnState.REFUNDED.value,
        )
    ).all()
    if any(p > 0 for p in already) or rule == "never":
        return Decimal("0.00")
    if rule == "seller_fault":
        fault = any(ln.reason in SELLER_FAULT for ln in ret.lines)
        return order.postage if fault else Decimal("0.00")
    everything_back = all(
        units_back.get(ln.id, 0) >= shipped_quantity(session, ln, order) for ln in order.lines
    )
    return order.postage if everything_back else Decimal("0.00")


def compute_refund(session: Session, ret: ReturnRequest) -> RefundBreakdown:
    if ret.order_id is None:
        raise ReturnInputError("退款", f"退货单 {ret.rma_no} 未关联订单，无法计算实付金额")
    order = session.get(Order, ret.order_id)
    order_lines: list[OrderLine] = list(order.lines)
    grosses = [to_money(ln.unit_price * ln.quantity) for ln in order_lines]
    shares = dict(
        zip([ln.id for ln in order_lines], discount_shares(grosses, order.discount), strict=True)
    )

    lines, units_back = [], {}
    for line in ret.lines:
        order_line = session.get(OrderLine, line.order_line_id)
        units = sum(1 for u in ret.units if u.expected and u.return_line_id == line.id)
        before = _refunded_units(session, order_line.id, ret.id)
        units_back[order_line.id] = units_back.get(order_line.id, before) + units
        gross = to_money(order_line.unit_price * order_line.quantity)
        paid = gross - shares[order_line.id]
        upto = units_back[order_line.id]
        start = upto - units
        refund = to_money(paid * upto / order_line.quantity) - to_money(
            paid * start / order_line.quantity
        )
        lines.append(
            RefundLine(
                line.sku,
                order_line.quantity,
                order_line.unit_price,
                gross,
                shares[order_line.id],
                paid,
                units,
                refund,
            )
        )
    for order_line in order_lines:
        units_back.setdefault(order_line.id, _refunded_units(session, order_line.id, ret.id))

    rule = settings.get(session, "returns.refund_postage", "full_return")
    postage = _postage(session, ret, order, units_back, rule)
    back_postage = ret.return_postage if ret.postage_payer == "seller" else Decimal("0.00")
    goods = sum((ln.refund for ln in lines), Decimal("0.00"))
    return RefundBreakdown(
        ret.rma_no,
        order.order_no,
        tuple(lines),
        goods,
        postage,
        POSTAGE_RULES.get(rule, rule),
        back_postage,
        goods + postage + back_postage,
    )


def preview_refund(db: Database, rma_no: str) -> RefundBreakdown:
    with db.reading() as session:
        return compute_refund(session, find_return(session, rma_no))


def _already_refunded(ret: ReturnRequest) -> str:
    """Why a second refund is refused: a retry at the desk is bad input, not a crash."""
    done = [e for e in ret.events if e.action == "refunded"]
    when = ""
    if done:
        at = max(e.at for e in done).astimezone(desk_timezone())
        when = f"已于 {at:%Y-%m-%d %H:%M} 由 {done[-1].user} "
    return f"退货单 {ret.rma_no} {when or '已'}退款 {ret.refund_total} 元，不能重复退款"


def refund_return(
    db: Database, rma_no: str, *, user: str | None = None, notify: bool = True
) -> RefundBreakdown:
    """Fix the refund of an inspected, approved return and tell the customer the amount.

    # TODO: paying the money back goes through the platform's back office; PackDesk records
    # the amount and the step only.
    """
    who = user or current_user()
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        if ret.state == ReturnState.REFUNDED.value:
            raise ReturnInputError("退款", _already_refunded(ret))
        if ret.state != ReturnState.INSPECTED.value:
            raise IllegalReturnStep(ret.rma_no, label(ret.state), label(ReturnState.REFUNDED))
        if ret.decision != "approved":
            raise ReturnInputError("退款", f"退货单 {ret.rma_no} 尚未审核通过")
        breakdown = compute_refund(session, ret)
        ret.refund_total, ret.refund_postage = breakdown.total, breakdown.postage
        move_return(
            ret,
            ReturnState.REFUNDED,
            action="refunded",
            user=who,
            note=f"退款 {breakdown.total} 元（商品 {breakdown.goods}，运费 "
            f"{breakdown.postage + breakdown.return_postage}）",
        )
        if notify:
            notify_customer(session, ret, amount=str(breakdown.total))
        log.info("return %s refunded %s by %s", ret.rma_no, breakdown.total, who)
        return breakdown
