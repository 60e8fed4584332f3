"""Orders taken by phone or e-mail, typed in by a clerk.

The form refuses to save while any field is wrong, and says which: `FieldErrors.errors` maps
each field ("recipient", "phone", "address", "lines", "lines.0.price", ...) to its message.
Prices come from the catalogue; a different price needs a reason, which is kept in the
order's seller remark and in its arrival event.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select

from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order, OrderLine, Product
from app.db.types import utcnow
from app.intake.address import AddressParts, split_free_text
from app.intake.errors import FieldErrors
from app.orders.status import record_arrival
from app.verification.phone import normalize_phone

log = logging.getLogger(__name__)

# Good enough to catch typing slips; the mail server is the real judge.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

PLATFORM = "manual"


@dataclass(frozen=True)
class ProductHit:
    id: int
    sku: str
    barcode: str
    name: str
    spec: str
    price: Decimal


@dataclass(frozen=True)
class ManualLine:
    sku: str
    quantity: int
    # None takes the catalogue price; another price needs `price_reason`.
    unit_price: Decimal | None = None
    price_reason: str = ""


@dataclass(frozen=True)
class ManualOrder:
    recipient: str
    phone: str
    address: AddressParts
    lines: tuple[ManualLine, ...]
    paid: bool = False
    postage: Decimal = Decimal("0")
    requested_ship_date: date | None = None
    remarks: str = ""
    # "phone" or "email": where the order came from.
    channel: str = "phone"
    order_no: str = ""
    address_raw: str = ""
    email: str = ""


@dataclass(frozen=True)
class CreatedOrder:
    id: int
    order_no: str
    paid_total: Decimal
    warnings: tuple[str, ...] = field(default_factory=tuple)


def search_products(db: Database, text: str, limit: int = 20) -> list[ProductHit]:
    """Products whose SKU, barcode or name contains `text`; an exact code comes first."""
    text = text.strip()
    if not text:
        return []
    pattern = f"%{text}%"
    with db.reading() as session:
        query = (
            select(Product)
            .where(
                or_(
                    Product.sku.ilike(pattern),
                    Product.barcode.ilike(pattern),
                    Product.name.ilike(pattern),
                )
            )
            .order_by((Product.sku == text).desc(), (Product.barcode == text).desc(), Product.sku)
            .limit(limit)
        )
        return [
            ProductHit(p.id, p.sku, p.barcode or "", p.name, p.spec, p.price)
            for p in session.scalars(query)
        ]


def split_address(text: str) -> AddressParts:
    """The free-text address split into parts, for the clerk to see and correct."""
    return split_free_text(text)


def create_manual_order(db: Database, order: ManualOrder, user: str | None = None) -> CreatedOrder:
    """Store the order as `new`, or raise `FieldErrors` with every wrong field."""
    user = user or current_user()
    errors: dict[str, str] = {}
    if not order.recipient.strip():
        errors["recipient"] = "请填写收货人"
    phone = normalize_phone(order.phone)
    if not phone.valid:
        errors["phone"] = phone.reason or "电话号码无效"
    address = order.address
    missing = [
        n
        for n, v in (
            ("省", address.province),
            ("市", address.city),
            ("区/县", address.district),
            ("详细地址", address.detail),
        )
        if not v
    ]
    if missing:
        errors["address"] = f"地址缺少：{'、'.join(missing)}"
    if order.channel not in ("phone", "email"):
        errors["channel"] = "来源只能是电话或邮件"
    email = order.email.strip()
    if email and not EMAIL.fullmatch(email):
        errors["email"] = f"电子邮箱「{email}」格式不对，应像 name@example.com"
    elif order.channel == "email" and not email:
        errors["email"] = "邮件订单请填写客户的电子邮箱"
    if not order.lines:
        errors["lines"] = "请至少添加一件商品"
    today = datetime.now(desk_timezone()).date()
    if order.requested_ship_date and order.requested_ship_date < today:
        errors["requested_ship_date"] = (
            f"要求发货日期 {order.requested_ship_date.isoformat()} 已过去，请选今天或以后"
        )

    with db.transaction() as session:
        products = {
            p.sku: p
            for p in session.scalars(
                select(Product).where(Product.sku.in_([ln.sku for ln in order.lines]))
            )
        }
        priced = _price_lines(order.lines, products, errors)
        order_no = order.order_no.strip() or _next_order_no(session)
        if session.scalar(
            select(Order.id).where(Order.platform == PLATFORM, Order.order_no == order_no)
        ):
            errors["order_no"] = f"订单号 {order_no} 已存在"
        if errors:
            raise FieldErrors(errors)

        now = utcnow()
        goods = sum((price * ln.quantity for ln, price, _ in priced), Decimal("0"))
        remarks = [order.remarks.strip()] if order.remarks.strip() else []
        remarks += [note for _, _, note in priced if note]
        row = Order(
            platform=PLATFORM,
            order_no=order_no,
            recipient=order.recipient.strip(),
            email=email,
            phone=phone.number,
            phone_ext=phone.extension,
            province=address.province,
            city=address.city,
            district=address.district,
            address_detail=address.detail,
            postcode=address.postcode,
            address_raw=order.address_raw
            or " ".join([address.province, address.city, address.district, address.detail]),
            goods_total=goods,
            postage=order.postage,
            paid_total=goods + order.postage,
            paid=order.paid,
            paid_at=now if order.paid else None,
            requested_ship_date=order.requested_ship_date,
            created_at=now,
            platform_status="电话订单" if order.channel == "phone" else "邮件订单",
            seller_remark="；".join(remarks),
            source_file="",
        )
        for no, (line, price, _) in enumerate(priced, start=1):
            product = products[line.sku]
            row.lines.append(
                OrderLine(
                    line_no=no,
                    sku=product.sku,
                    product_id=product.id,
                    title=product.name,
                    attributes=product.spec,
                    quantity=line.quantity,
                    unit_price=price,
                )
            )
        record_arrival(row, user=user, at=now, note="手工录入")
        session.add(row)
        session.flush()
        created = CreatedOrder(row.id, order_no, row.paid_total)
    log.info(
        "manual order %s entered by %s: %d lines, %s",
        order_no,
        user,
        len(order.lines),
        created.paid_total,
    )
    return created


def _price_lines(lines, products, errors) -> list[tuple[ManualLine, Decimal, str]]:
    priced = []
    for i, line in enumerate(lines):
        product = products.get(line.sku)
        if product is None:
            errors[f"lines.{i}.sku"] = f"商品 {line.sku} 不在商品库中"
            continue
        if line.quantity < 1:
            errors[f"lines.{i}.quantity"] = "数量必须大于 0"
        price, note = product.price, ""
        if line.unit_price is not None and line.unit_price != product.price:
            if not line.price_reason.strip():
                errors[f"lines.{i}.price"] = f"改价（原价 {product.price}）需要填写原因"
            price = line.unit_price
            note = f"{product.sku} 改价 {product.price}→{price}：{line.price_reason.strip()}"
        priced.append((line, price, note))
    return priced


def _next_order_no(session) -> str:
    """`M` + today's date + a running number: short enough to read out on the phone."""
    prefix = f"M{datetime.now(desk_timezone()).strftime('%Y%m%d')}"
    count = session.scalar(
        select(func.count())
        .select_from(Order)
        .where(Order.platform == PLATFORM, Order.order_no.like(f"{prefix}%"))
    )
    return f"{prefix}{count + 1:03d}"
