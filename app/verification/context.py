"""Everything the rules look up, loaded once per verification run instead of once per order.

Verifying 100,000 orders must not cost a query per line, so the catalogue, pack units,
blocklist and the keys of open orders (for duplicates) are read into dictionaries here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings_checks
from app.db.models import Order, Product
from app.db.models.stock_control import PackUnit
from app.db.models.verification import BlocklistEntry
from app.orders.status import OPEN_STATES
from app.verification.address import ParsedAddress, parse_address
from app.verification.phone import PhoneResult, normalize_phone

DEFAULT_PRICE_TOLERANCE_PCT = 10
DEFAULT_MAX_LINE_QUANTITY = 50


@dataclass(frozen=True)
class ProductInfo:
    id: int
    sku: str
    name: str
    spec: str
    price: Decimal
    shippable: bool
    fragile: bool


@dataclass
class VerifyContext:
    products_by_sku: dict[str, ProductInfo] = field(default_factory=dict)
    products_by_id: dict[int, ProductInfo] = field(default_factory=dict)
    # pack seller code -> (product id, pieces); product id -> [(pack name, pieces)]
    pack_skus: dict[str, tuple[int, int]] = field(default_factory=dict)
    packs_of: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    blocked_phones: dict[str, str] = field(default_factory=dict)
    blocked_addresses: dict[str, str] = field(default_factory=dict)
    # duplicate key -> order numbers of open orders with that key
    open_keys: dict[tuple, list[str]] = field(default_factory=dict)
    price_tolerance_pct: Decimal = Decimal(DEFAULT_PRICE_TOLERANCE_PCT)
    max_line_quantity: int = DEFAULT_MAX_LINE_QUANTITY
    # Parses of each distinct address text and phone text seen in this run: exports repeat
    # them (repeat buyers, one shop's return address), and a parse costs far more than a look-up.
    addresses: dict[str, ParsedAddress] = field(default_factory=dict)
    phones: dict[str, PhoneResult] = field(default_factory=dict)
    # (line no, seller code, title, attributes) -> the product rule's findings, product and code
    line_checks: dict[tuple, tuple] = field(default_factory=dict)

    def product_for_sku(self, sku: str) -> ProductInfo | None:
        return self.products_by_sku.get(sku.strip().lower())

    def parse_address(self, text: str) -> ParsedAddress:
        """`app.verification.address.parse_address`, once per distinct text in a run."""
        parsed = self.addresses.get(text)
        if parsed is None:
            parsed = self.addresses[text] = parse_address(text)
        return parsed

    def normalize_phone(self, text: str) -> PhoneResult:
        """`app.verification.phone.normalize_phone`, once per distinct text in a run."""
        result = self.phones.get(text)
        if result is None:
            result = self.phones[text] = normalize_phone(text)
        return result


@lru_cache(maxsize=65536)
def address_key(province: str, city: str, district: str, detail: str) -> str:
    """One spelling of an address for comparing: no spaces, no punctuation differences."""
    text = f"{province}{city}{district}{detail}"
    return "".join(ch for ch in text if not ch.isspace() and ch not in ",，.。-")


def duplicate_key(order: Order) -> tuple | None:
    if not order.recipient or not order.address_detail:
        return None
    address = address_key(order.province, order.city, order.district, order.address_detail)
    return (order.recipient.strip(), address)


def load_context(session: Session) -> VerifyContext:
    ctx = VerifyContext()
    for p in session.scalars(select(Product)):
        info = ProductInfo(p.id, p.sku, p.name, p.spec or "", p.price, p.shippable, p.fragile)
        ctx.products_by_sku[p.sku.strip().lower()] = info
        ctx.products_by_id[p.id] = info

    packs: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for unit in session.scalars(select(PackUnit)):
        packs[unit.product_id].append((unit.name, unit.quantity))
        if unit.sku:
            ctx.pack_skus[unit.sku.strip().lower()] = (unit.product_id, unit.quantity)
    ctx.packs_of = dict(packs)

    for entry in session.scalars(select(BlocklistEntry)):
        target = ctx.blocked_phones if entry.kind == "phone" else ctx.blocked_addresses
        target[entry.value] = entry.reason

    keys: dict[tuple, list[str]] = defaultdict(list)
    # Core rows, not ORM ones: there is one per open order, 100,000 on a busy day.
    rows = session.connection().execute(
        select(
            Order.order_no,
            Order.recipient,
            Order.province,
            Order.city,
            Order.district,
            Order.address_detail,
        ).where(Order.status.in_([s.value for s in OPEN_STATES]))
    )
    for order_no, recipient, province, city, district, detail in rows:
        if recipient and detail:
            key = (recipient.strip(), address_key(province, city, district, detail))
            keys[key].append(order_no)
    ctx.open_keys = dict(keys)

    ctx.price_tolerance_pct = Decimal(
        str(
            settings_checks.read(
                session, "verification.price_tolerance_pct", DEFAULT_PRICE_TOLERANCE_PCT
            )
        )
    )
    ctx.max_line_quantity = settings_checks.read(
        session, "verification.max_line_quantity", DEFAULT_MAX_LINE_QUANTITY
    )
    return ctx
