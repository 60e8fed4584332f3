"""Finding the order a return belongs to, and finding a return by what a clerk scans.

A customer rarely knows the platform order number; the clerk may type the outbound tracking
number from the parcel or the customer's phone instead, so all three are tried in that order.
"""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.models import Order, Shipment
from app.db.models.returns import ReturnRequest
from app.errors import AmbiguousOrder, OrderNotFound
from app.returns.errors import ReturnInputError, ReturnNotFound

_PHONE_NOISE = re.compile(r"[\s\-()（）]")


def phone_digits(text: str) -> str:
    """A mobile number as 11 digits: `+86 139-0000-0002` and `0086…` become `13900000002`."""
    digits = _PHONE_NOISE.sub("", text.strip())
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            return digits[len(prefix) :]
    return digits


def find_order_for_return(session: Session, code: str) -> Order:
    """The order named by an order number, an outbound tracking number or a phone number."""
    text = code.strip()
    if not text:
        raise ReturnInputError("订单", "请输入订单号、运单号或手机号")

    by_number = session.scalars(select(Order).where(Order.order_no == text)).all()
    if len(by_number) > 1:
        raise AmbiguousOrder(text, sorted(o.platform for o in by_number))
    if by_number:
        return by_number[0]

    shipment = session.scalars(select(Shipment).where(Shipment.tracking_no == text)).first()
    if shipment is not None:
        return session.get(Order, shipment.order_id)

    phone = phone_digits(text)
    if len(phone) == 11 and phone.isdigit():
        orders = session.scalars(
            select(Order).where(Order.phone == phone).order_by(Order.id.desc())
        ).all()
        if len(orders) > 1:
            numbers = "、".join(o.order_no for o in orders[:10])
            raise ReturnInputError(
                "手机号", f"{phone} 有 {len(orders)} 个订单，请用订单号: {numbers}"
            )
        if orders:
            return orders[0]
    raise OrderNotFound(text)


def find_return(session: Session, code: str) -> ReturnRequest:
    """The return named by its RMA number or its return tracking number (either is scanned)."""
    text = code.strip()
    ret = session.scalars(
        select(ReturnRequest).where(
            or_(ReturnRequest.rma_no == text, ReturnRequest.return_tracking_no == text)
        )
    ).first()
    if ret is None:
        raise ReturnNotFound(text)
    return ret
