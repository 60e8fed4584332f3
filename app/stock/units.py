"""Pack units: stock is kept in base pieces, and a pack is a whole number of them.

A dozen (一打) is 12 pieces, an "8只装" pack is 8. Every quantity the ledger sees is converted
here first, with integer arithmetic only, so 120 pieces less one dozen is exactly 108 and two
8只装 packs are 16 pieces (a shortage against 15, never a negative figure).
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import OrderLine, Product
from app.db.models.stock_control import PackUnit
from app.stock.errors import UnknownPackUnit, UnknownSku

log = logging.getLogger(__name__)

# Units every product has without being told: the piece itself and the dozen.
BASE_UNITS = {"": 1, "件": 1, "个": 1, "只": 1, "pcs": 1, "打": 12, "一打": 12, "dozen": 12}

# "8只装", "12个装", "6支装": a pack of n pieces named by its count.
_COUNTED_PACK = re.compile(r"^(\d+)\s*[只个支条双件片包盒瓶]?装$")


def _product(session: Session, product_or_id: Product | int | str) -> Product:
    if isinstance(product_or_id, Product):
        return product_or_id
    if isinstance(product_or_id, int):
        product = session.get(Product, product_or_id)
    else:
        product = session.scalar(select(Product).where(Product.sku == product_or_id))
    if product is None:
        raise UnknownSku(str(product_or_id))
    return product


def pieces_per_unit(session: Session, product_or_id: Product | int | str, unit: str) -> int:
    """How many base pieces one `unit` of the product holds; raises when it is unknown."""
    product = _product(session, product_or_id)
    name = unit.strip()
    own = session.scalar(
        select(PackUnit.quantity).where(PackUnit.product_id == product.id, PackUnit.name == name)
    )
    if own is not None:
        return own
    if name.lower() in BASE_UNITS:
        return BASE_UNITS[name.lower()]
    counted = _COUNTED_PACK.match(name)
    if counted:
        return int(counted.group(1))
    raise UnknownPackUnit(product.sku, name)


def base_quantity(
    session: Session,
    product_or_id: Product | int | str,
    unit: str | int | None = None,
    count: int = 1,
) -> int:
    """`count` units of the product in base pieces.

    `unit` is a unit name ("一打", "8只装", one of the product's pack units), a number of
    pieces per unit, or None for single pieces. `base_quantity(s, p, "打", 1) == 12`.
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError("pack counts are whole numbers")
    if unit is None:
        return count
    if isinstance(unit, int):
        return unit * count
    return pieces_per_unit(session, product_or_id, unit) * count


def line_pieces(session: Session, line: OrderLine) -> tuple[int | None, int]:
    """The product and base-piece quantity of an order line.

    A line may name a pack by its own seller code (a pack unit's `sku`), or carry the pack
    name in its attributes ("规格:8只装"); otherwise it is in single pieces.
    """
    pack = session.scalar(select(PackUnit).where(PackUnit.sku == line.sku)) if line.sku else None
    if pack is not None:
        return pack.product_id, pack.quantity * line.quantity
    if line.product_id is None:
        return None, line.quantity

    for unit in session.scalars(select(PackUnit).where(PackUnit.product_id == line.product_id)):
        if unit.name and unit.name in (line.attributes or ""):
            return line.product_id, unit.quantity * line.quantity
    return line.product_id, line.quantity
