"""Goods in and corrections by hand: receipts from suppliers and adjustments with a reason."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Product
from app.db.models.stock_control import Bin, StockPlan, Supplier
from app.stock.errors import BadQuantity, MissingReason, UnknownSku
from app.stock.figures import stock_of
from app.stock.ledger import post_move
from app.stock.units import base_quantity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReceiptView:
    """What a receipt slip shows: one line of goods put on a shelf."""

    move_id: int
    sku: str
    name: str
    barcode: str
    quantity: int
    unit: str
    pieces: int
    bin: str
    supplier: str
    on_hand_after: int
    at: datetime
    user: str
    reason: str


@dataclass(frozen=True)
class AdjustmentView:
    move_id: int
    sku: str
    delta: int
    on_hand_after: int
    reason: str
    user: str


def product_by_sku(session: Session, sku: str) -> Product:
    product = session.scalar(select(Product).where(Product.sku == sku.strip()))
    if product is None:
        raise UnknownSku(sku)
    return product


def ensure_bin(session: Session, code: str) -> Bin:
    found = session.get(Bin, code)
    if found is None:
        found = Bin(code=code)
        session.add(found)
    return found


def receive_goods(
    session: Session,
    sku: str,
    quantity: int,
    *,
    user: str,
    unit: str | None = None,
    bin: str | None = None,
    reason: str = "",
) -> ReceiptView:
    """Put `quantity` units of `sku` on the shelf; a new `bin` becomes the product's place."""
    if quantity <= 0:
        raise BadQuantity("数量", quantity, "入库数量必须大于 0")
    product = product_by_sku(session, sku)
    pieces = base_quantity(session, product, unit, quantity)

    if bin:
        ensure_bin(session, bin)
        product.bin = bin
    plan = session.get(StockPlan, product.id)
    supplier = session.get(Supplier, plan.supplier_id) if plan and plan.supplier_id else None

    move = post_move(
        session,
        product_id=product.id,
        kind="receipt",
        on_hand_delta=pieces,
        bin=product.bin,
        user=user,
        reason=reason or f"供应商到货 {supplier.name if supplier else ''}".strip(),
    )
    session.flush()
    return ReceiptView(
        move.id,
        product.sku,
        product.name,
        product.barcode or "",
        quantity,
        unit or "件",
        pieces,
        product.bin,
        supplier.name if supplier else "",
        stock_of(session, product.id).on_hand,
        move.at,
        user,
        move.reason,
    )


def adjust_stock(
    session: Session, sku: str, delta: int, *, reason: str, user: str
) -> AdjustmentView:
    """Correct on hand by `delta` pieces (negative for loss or damage), with a reason."""
    if not reason.strip():
        raise MissingReason(f"调整 {sku}")
    if delta == 0:
        raise BadQuantity("数量", delta, "调整数量不能为 0")
    product = product_by_sku(session, sku)
    before = stock_of(session, product.id)
    if before.on_hand + delta < 0:
        raise BadQuantity("数量", delta, f"在库只有 {before.on_hand}，调整后不能为负数")

    move = post_move(
        session,
        product_id=product.id,
        kind="adjust",
        on_hand_delta=delta,
        reason=reason.strip(),
        user=user,
    )
    session.flush()
    return AdjustmentView(move.id, product.sku, delta, before.on_hand + delta, move.reason, user)
