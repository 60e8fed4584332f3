"""Helpers for the shipping tests: read PDFs back the way a printer and a scanner would."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdf
import pypdfium2
import pytest
import zxingcpp


def pdf_pages_png(pdf: bytes, scale: float = 300 / 72) -> list:
    """Each page rendered as a PIL image at 300 dpi, like a thermal printer would print it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].render(scale=scale).to_pil() for i in range(len(document))]
    finally:
        document.close()


def decode_barcodes(image) -> list[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp finds, format as "Code128", "EAN13".

    A GS1-128 symbol (one that starts with FNC1) comes back with zxing's parenthesised text.
    """
    found = zxingcpp.read_barcodes(image)
    return [(str(r.format).replace(" ", "").replace("-", ""), r.text) for r in found]


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


@pytest.fixture
def read_pdf():
    """The helpers above, for tests that check printed documents."""

    class Reader:
        pages_png = staticmethod(pdf_pages_png)
        barcodes = staticmethod(decode_barcodes)
        text = staticmethod(pdf_text)
        sizes = staticmethod(pdf_page_sizes)

    return Reader


def _product(session, sku, name, weight, dims):
    from sqlalchemy import select

    from app.db.models import Product

    product = session.scalar(select(Product).where(Product.sku == sku))
    if product is None:
        product = Product(
            sku=sku,
            name=name,
            weight=Decimal(weight),
            length_mm=dims[0],
            width_mm=dims[1],
            height_mm=dims[2],
        )
        session.add(product)
        session.flush()
    return product


def add_order(
    db,
    order_no: str,
    *,
    status: str = "packed",
    recipient: str = "林晓雯",
    phone: str = "13900000001",
    province: str = "广东省",
    city: str = "深圳市",
    district: str = "南山区",
    detail: str = "科技园南路88号海岸城3栋1205室",
    remark: str = "",
    items=(("EAR-01", "蓝牙耳机 黑色", "0.3", (150, 100, 50), 2),),
    paid_at=None,
):
    """An invented order walked through the state machine to `status` (default packed)."""
    from app.db.models import Order, OrderLine
    from app.db.types import utcnow
    from app.orders.status import Status, move, record_arrival

    path = {
        "new": [],
        "held": ["held"],
        "verified": ["verified"],
        "packing": ["verified", "packing"],
        "packed": ["verified", "packing", "packed"],
        "cancelled": ["verified", "packing", "packed", "cancelled"],
    }[status]
    with db.transaction() as session:
        order = Order(
            platform="taobao",
            order_no=order_no,
            recipient=recipient,
            phone=phone,
            province=province,
            city=city,
            district=district,
            address_detail=detail,
            buyer_remark=remark,
            paid=True,
            paid_at=paid_at or utcnow(),
        )
        for line_no, (sku, title, weight, dims, qty) in enumerate(items, start=1):
            product = _product(session, sku, title, weight, dims)
            order.lines.append(
                OrderLine(
                    line_no=line_no, sku=sku, title=title, quantity=qty, product_id=product.id
                )
            )
        record_arrival(order, user="tester")
        for step in path:
            move(order, Status(step), user="tester")
        session.add(order)
    return order_no


@pytest.fixture
def shop(db, sender):
    """`shop(order_no, **fields)` adds an invented order; `shop.db` is the database, which
    has the invented sender set."""

    def make(order_no: str, **fields):
        return add_order(db, order_no, **fields)

    make.db = db
    return make
