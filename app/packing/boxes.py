"""The box catalogue and the rule engine that proposes box and filling from the goods.

Rules, in order: fragile goods get protective filling (foam, bubble wrap); heavy or bulky goods
need a strong carton or a crate; of the boxes left, the smallest whose inner volume holds the
summed item volume plus a fill margin, whose sides take the largest item, and whose weight
limit takes the goods, wins. Only packaging with stock on the shelf is proposed.

Settings: `packing.fill_margin_pct` (20), `packing.heavy_kg` (10), `packing.bulky_mm` (600).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings_checks
from app.db.engine import Database
from app.db.models import Product
from app.db.models.packing_station import Packaging
from app.errors import BadInput

log = logging.getLogger(__name__)

BOX_KINDS = ("carton", "strong", "crate")
STRONG_KINDS = frozenset({"strong", "crate"})


class PackagingRefused(BadInput):
    """A box or filling that cannot be used: unknown, out of stock, or chosen without reason."""


@dataclass(frozen=True)
class PackagingView:
    code: str
    name: str
    kind: str
    inner_mm: tuple[int, int, int]
    max_weight: Decimal
    tare: Decimal
    protective: bool
    stock: int


@dataclass(frozen=True)
class Goods:
    """What goes into one parcel, summed: the rule engine's only input."""

    volume_mm3: int
    weight: Decimal
    largest_mm: tuple[int, int, int]
    fragile: bool

    @staticmethod
    def of(items: list[tuple[Product, int]]) -> Goods:
        volume = sum(p.length_mm * p.width_mm * p.height_mm * q for p, q in items)
        weight = sum((p.weight * q for p, q in items), Decimal("0"))
        dims = [
            tuple(sorted((p.length_mm, p.width_mm, p.height_mm), reverse=True)) for p, _ in items
        ]
        largest = max(dims, default=(0, 0, 0))
        return Goods(volume, weight, largest, any(p.fragile for p, _ in items))


@dataclass(frozen=True)
class Proposal:
    box: PackagingView | None
    filling: PackagingView | None
    # Why, in the words a clerk reads: one reason per rule that applied.
    reasons: tuple[str, ...]


def add_packaging(
    db: Database,
    code: str,
    name: str,
    *,
    kind: str = "carton",
    inner_mm=(0, 0, 0),
    max_weight: Decimal = Decimal("0"),
    tare: Decimal = Decimal("0"),
    protective: bool = False,
    stock: int = 0,
) -> PackagingView:
    """Add a box, crate or filling to the catalogue, or update the one with this code."""
    if kind not in (*BOX_KINDS, "bag", "filling"):
        raise PackagingRefused(f"包装类型 「{kind}」 无效：应为 carton/strong/crate/bag/filling")
    with db.transaction() as session:
        row = session.scalar(select(Packaging).where(Packaging.code == code))
        if row is None:
            row = Packaging(code=code)
            session.add(row)
        row.name, row.kind, row.protective, row.stock = name, kind, protective, stock
        row.inner_length_mm, row.inner_width_mm, row.inner_height_mm = inner_mm
        row.max_weight, row.tare = max_weight, tare
        session.flush()
        return view_of(row)


# A small shop's usual shelf, for a new database or the demo shop.
STARTER_CATALOGUE = (
    ("C1", "1号纸箱", "carton", (200, 140, 100), "3", "0.080", False, 200),
    ("C2", "2号纸箱", "carton", (260, 180, 150), "5", "0.120", False, 200),
    ("C3", "3号纸箱", "carton", (350, 250, 200), "10", "0.220", False, 150),
    ("C4", "4号纸箱", "carton", (450, 350, 300), "15", "0.350", False, 100),
    ("S5", "加强五层纸箱", "strong", (500, 400, 400), "30", "0.700", False, 50),
    ("W1", "木箱", "crate", (800, 600, 600), "80", "6.000", False, 10),
    ("BUBBLE", "气泡膜", "filling", (0, 0, 0), "0", "0.030", True, 500),
    ("FOAM", "珍珠棉", "filling", (0, 0, 0), "0", "0.040", True, 300),
    ("PAPER", "牛皮纸团", "filling", (0, 0, 0), "0", "0.050", False, 500),
)


def seed_packaging(db: Database) -> int:
    """Fill an empty packaging catalogue with the starter shelf; returns how many were added."""
    with db.reading() as session:
        if session.scalar(select(Packaging.id).limit(1)) is not None:
            return 0
    for code, name, kind, inner, max_kg, tare, protective, stock in STARTER_CATALOGUE:
        add_packaging(
            db,
            code,
            name,
            kind=kind,
            inner_mm=inner,
            max_weight=Decimal(max_kg),
            tare=Decimal(tare),
            protective=protective,
            stock=stock,
        )
    return len(STARTER_CATALOGUE)


def list_packaging(db: Database) -> list[PackagingView]:
    with db.reading() as session:
        rows = session.scalars(
            select(Packaging)
            .where(Packaging.active.is_(True))
            .order_by(Packaging.kind, Packaging.code)
        )
        return [view_of(p) for p in rows]


def view_of(p: Packaging) -> PackagingView:
    return PackagingView(
        p.code,
        p.name,
        p.kind,
        (p.inner_length_mm, p.inner_width_mm, p.inner_height_mm),
        p.max_weight,
        p.tare,
        p.protective,
        p.stock,
    )


def propose(session: Session, goods: Goods) -> Proposal:
    margin = Decimal(str(settings_checks.read(session, "packing.fill_margin_pct", 20)))
    heavy_kg = Decimal(str(settings_checks.read(session, "packing.heavy_kg", 10)))
    bulky_mm = settings_checks.read(session, "packing.bulky_mm", 600)
    catalogue = [
        view_of(p)
        for p in session.scalars(
            select(Packaging).where(Packaging.active.is_(True), Packaging.stock > 0)
        )
    ]

    reasons: list[str] = []
    heavy = goods.weight >= heavy_kg
    bulky = goods.largest_mm[0] >= bulky_mm
    kinds = set(BOX_KINDS)
    if heavy or bulky:
        kinds = set(STRONG_KINDS)
        reasons.append(("重货" if heavy else "大件") + "：用加强纸箱或木箱")

    needed = goods.volume_mm3 * (100 + margin) / 100
    boxes = [b for b in catalogue if b.kind in kinds and _fits(b, goods, needed)]
    box = min(
        boxes, key=lambda b: (b.inner_mm[0] * b.inner_mm[1] * b.inner_mm[2], b.code), default=None
    )
    if box is None:
        if not any(b.kind in BOX_KINDS for b in catalogue):
            reasons.append("包装目录里没有有库存的箱子（可用 packdesk packaging seed 建立）")
        else:
            reasons.append("没有能装下这些商品的箱子（有库存的）")
    else:
        reasons.append(f"装得下（含 {margin}% 填充余量）的最小箱子：{box.name}")

    fillings = [f for f in catalogue if f.kind == "filling"]
    if goods.fragile:
        fillings = [f for f in fillings if f.protective]
        if fillings:
            reasons.append("易碎品：用泡沫或气泡膜")
        else:
            reasons.append("易碎品，但没有泡沫或气泡膜库存")
    filling = min(
        fillings,
        key=lambda f: (not f.protective if goods.fragile else f.protective, f.code),
        default=None,
    )
    return Proposal(box, filling, tuple(reasons))


def _fits(box: PackagingView, goods: Goods, needed_volume: Decimal) -> bool:
    inner = sorted(box.inner_mm, reverse=True)
    if any(item > side for item, side in zip(goods.largest_mm, inner, strict=True)):
        return False
    if inner[0] * inner[1] * inner[2] < needed_volume:
        return False
    return box.max_weight <= 0 or goods.weight + box.tare <= box.max_weight


def take_from_stock(session: Session, code: str) -> Packaging:
    """One unit of packaging leaves the shelf; refused when there is none left."""
    row = session.scalar(select(Packaging).where(Packaging.code == code))
    if row is None:
        raise PackagingRefused(f"包装 {code} 不在包装目录中")
    if row.stock <= 0:
        raise PackagingRefused(f"包装 {row.name}（{code}）已无库存")
    row.stock -= 1
    if row.stock <= 5:
        log.warning("packaging %s is running low: %s left", code, row.stock)
    return row


def put_back(session: Session, code: str) -> None:
    """A box chosen and then changed before sealing goes back on the shelf."""
    row = session.scalar(select(Packaging).where(Packaging.code == code))
    if row is not None:
        row.stock += 1
