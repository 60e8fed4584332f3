"""The clerk's mapping from a Taobao item title (宝贝标题) to SKUs, made once and remembered.

Kept as the setting `intake.title_skus` ({title: [[sku, units per item], ...]}), because a
title may stand for a set of several SKUs. Remembering a title also fills in the lines of
open orders that arrived with that title and no SKU.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings, settings_checks
from app.db.engine import Database
from app.db.models import Order, OrderLine
from app.errors import BadInput
from app.orders.status import OPEN_STATES

log = logging.getLogger(__name__)

KEY = "intake.title_skus"


def title_mappings(session: Session) -> dict[str, list[tuple[str, int]]]:
    stored = settings_checks.read(session, KEY, {})
    return {title: [(sku, int(per)) for sku, per in skus] for title, skus in stored.items()}


def unmapped_titles(db: Database) -> list[str]:
    """Titles on open orders' lines that still have no SKU, for the clerk to map."""
    with db.reading() as session:
        query = (
            select(OrderLine.title)
            .join(Order)
            .where(OrderLine.sku == "", Order.status.in_([s.value for s in OPEN_STATES]))
            .distinct()
            .order_by(OrderLine.title)
        )
        return list(session.scalars(query))


def remember_title(db: Database, title: str, skus: list[tuple[str, int]]) -> int:
    """Store the mapping and apply it to open orders; returns how many lines were filled."""
    if not title.strip():
        raise BadInput("宝贝标题为空")
    if not skus or any(not sku.strip() or per < 1 for sku, per in skus):
        raise BadInput(f"「{title}」的商家编码或数量无效")

    with db.transaction() as session:
        stored = settings_checks.read(session, KEY, {})
        stored[title] = [[sku.strip(), int(per)] for sku, per in skus]
        settings.put(session, KEY, stored)

        query = (
            select(OrderLine)
            .join(Order)
            .where(
                OrderLine.title == title,
                OrderLine.sku == "",
                Order.status.in_([s.value for s in OPEN_STATES]),
            )
        )
        filled = 0
        for line in session.scalars(query).all():
            order = line.order
            count = line.quantity
            next_no = max(ln.line_no for ln in order.lines) + 1
            first_sku, first_per = skus[0]
            line.sku, line.quantity = first_sku.strip(), count * first_per
            for sku, per in skus[1:]:
                order.lines.append(
                    OrderLine(line_no=next_no, sku=sku.strip(), title=title, quantity=count * per)
                )
                next_no += 1
            filled += 1
    log.info("title %r mapped to %s; %d open order lines filled", title, skus, filled)
    return filled


def parse_sku_list(text: str) -> list[tuple[str, int]]:
    """`CUP-QING*2, BOX-GIFT` -> [("CUP-QING", 2), ("BOX-GIFT", 1)], as a clerk types it."""
    skus = []
    for part in text.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        sku, _, count = part.replace("×", "*").partition("*")
        if count and not count.strip().isdigit():
            raise BadInput(f"「{part}」的数量不是整数")
        skus.append((sku.strip(), int(count) if count.strip() else 1))
    if not skus:
        raise BadInput("请填写至少一个商家编码")
    return skus
