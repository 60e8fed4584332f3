"""Exchange: the returned goods are replaced by a new order that goes through the usual flow.

The replacement is an order of the same platform with a derived number, `<original>-EX<n>`
(n counts the exchanges of that order). Keeping the platform means the verification rules,
the promise dates and the shipping notices treat it like any order of that shop, and the
number finds it next to its original in every search. It carries no money: the customer paid
on the original order, so prices, postage and total are 0 and it counts as paid. It starts
as `new` and is verified (which reserves its stock), packed and shipped as usual.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, OrderLine, Product
from app.db.types import utcnow
from app.orders.status import record_arrival
from app.returns.errors import IllegalReturnStep, ReturnInputError
from app.returns.lookup import find_return
from app.returns.notify import notify_customer
from app.returns.states import ReturnState, label, move_return
from app.verification.confirm import confirm_clean_orders
from app.verification.service import verify_orders

log = logging.getLogger(__name__)

COPIED_FIELDS = (
    "buyer",
    "recipient",
    "phone",
    "phone_ext",
    "province",
    "city",
    "district",
    "province_code",
    "city_code",
    "district_code",
    "address_detail",
    "postcode",
    "address_raw",
)


@dataclass(frozen=True)
class ExchangeResult:
    rma_no: str
    order_no: str
    platform: str
    status: str
    lines: tuple[tuple[str, int], ...]


def _wanted_lines(session, ret, swaps: list[tuple[str, int]] | None) -> list[tuple[Product, int]]:
    if swaps:
        wanted = []
        for sku, qty in swaps:
            product = session.scalars(select(Product).where(Product.sku == sku)).first()
            if product is None:
                raise ReturnInputError(f"换货商品 {sku}", "商品目录里没有")
            if qty <= 0:
                raise ReturnInputError(f"换货商品 {sku}", "数量必须大于 0")
            wanted.append((product, qty))
        return wanted
    wanted = []
    for line in ret.lines:
        units = sum(1 for u in ret.units if u.expected and u.return_line_id == line.id)
        if units:
            wanted.append((session.get(Product, line.product_id), units))
    if not wanted:
        raise ReturnInputError("换货", f"退货单 {ret.rma_no} 没有收到任何退回的商品")
    return wanted


def exchange_return(
    db: Database,
    rma_no: str,
    *,
    lines: list[tuple[str, int]] | None = None,
    user: str | None = None,
    notify: bool = True,
) -> ExchangeResult:
    """Create the replacement order (by default the same SKUs as came back) and link it."""
    who = user or current_user()
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        if ret.state != ReturnState.INSPECTED.value:
            raise IllegalReturnStep(ret.rma_no, label(ret.state), label(ReturnState.EXCHANGED))
        if ret.decision != "approved":
            raise ReturnInputError("换货", f"退货单 {ret.rma_no} 尚未审核通过")
        if ret.order_id is None:
            raise ReturnInputError("换货", f"退货单 {ret.rma_no} 未关联订单，不知道寄往哪里")
        original = session.get(Order, ret.order_id)
        wanted = _wanted_lines(session, ret, lines)

        earlier = session.scalar(
            select(func.count(Order.id)).where(
                Order.platform == original.platform,
                Order.order_no.like(f"{original.order_no}-EX%"),
            )
        )
        now = utcnow()
        replacement = Order(
            platform=original.platform,
            order_no=f"{original.order_no}-EX{(earlier or 0) + 1}",
            goods_total=Decimal("0"),
            postage=Decimal("0"),
            discount=Decimal("0"),
            paid_total=Decimal("0"),
            paid=True,
            platform_status="换货补发",
            seller_remark=f"换货：退货单 {ret.rma_no}，原订单 {original.order_no}",
            created_at=now,
            paid_at=now,
            source_file=f"exchange:{ret.rma_no}",
            **{name: getattr(original, name) for name in COPIED_FIELDS},
        )
        for n, (product, qty) in enumerate(wanted, 1):
            replacement.lines.append(
                OrderLine(
                    line_no=n,
                    sku=product.sku,
                    product_id=product.id,
                    title=product.name,
                    attributes=product.spec,
                    quantity=qty,
                    unit_price=Decimal("0"),
                )
            )
        record_arrival(replacement, user=who, note=f"换货 {ret.rma_no}")
        session.add(replacement)
        session.flush()

        ret.replacement_order_id = replacement.id
        move_return(
            ret,
            ReturnState.EXCHANGED,
            action="exchanged",
            user=who,
            note=f"换货订单 {replacement.order_no}",
        )
        if notify:
            notify_customer(session, ret, reason=replacement.order_no)
        log.info(
            "return %s exchanged: order %s created by %s", ret.rma_no, replacement.order_no, who
        )
        result = ExchangeResult(
            ret.rma_no,
            replacement.order_no,
            replacement.platform,
            replacement.status,
            tuple((p.sku, q) for p, q in wanted),
        )
    return _verify(db, result)


def _verify(db: Database, result: ExchangeResult) -> ExchangeResult:
    """Verify and confirm the replacement at once, which reserves its stock; a replacement that
    fails a rule waits, held, like any other order."""
    verify_orders(db, order_nos=[result.order_no])
    if _status(db, result) == "verified":
        confirm_clean_orders(db, [result.order_no])
    return ExchangeResult(
        result.rma_no, result.order_no, result.platform, _status(db, result), result.lines
    )


def _status(db: Database, result: ExchangeResult) -> str:
    with db.reading() as session:
        return session.scalar(
            select(Order.status).where(
                Order.platform == result.platform, Order.order_no == result.order_no
            )
        )
