"""Quantity rules: positive whole numbers, pack units in base pieces, a soft per-line maximum."""

from __future__ import annotations

from app.db.models import Order, OrderLine
from app.verification.context import VerifyContext
from app.verification.issues import HOLD, INFO, WARN, Issue, line_field

RULE = "quantity"


def line_pieces(line: OrderLine, ctx: VerifyContext) -> tuple[int, str]:
    """Base pieces of a line and the pack name used ("" for single pieces).

    Mirrors `app.stock.units.line_pieces` (the stock helper's rule: a pack's own seller code,
    else a pack name found in the attributes) but reads the preloaded tables, not the database.
    """
    sku = (line.sku or "").strip().lower()
    if sku in ctx.pack_skus:
        _, per = ctx.pack_skus[sku]
        return per * line.quantity, line.sku
    for name, per in ctx.packs_of.get(line.product_id or -1, []):
        if name and name in (line.attributes or ""):
            return per * line.quantity, name
    return line.quantity, ""


def check_quantities(order: Order, ctx: VerifyContext) -> list[Issue]:
    issues = []
    for line in order.lines:
        n = line.line_no
        if not isinstance(line.quantity, int) or line.quantity <= 0:
            issues.append(
                Issue(
                    RULE,
                    line_field(n, "quantity"),
                    f"第{n}行数量为 {line.quantity}，应为正整数",
                    HOLD,
                )
            )
            continue
        pieces, pack = line_pieces(line, ctx)
        if pack:
            issues.append(
                Issue(
                    RULE,
                    line_field(n, "quantity"),
                    f"第{n}行：{line.quantity} × {pack} = {pieces} 件",
                    INFO,
                )
            )
        if pieces > ctx.max_line_quantity:
            issues.append(
                Issue(
                    RULE,
                    line_field(n, "quantity"),
                    f"第{n}行共 {pieces} 件，超过单行上限 {ctx.max_line_quantity} 件，请确认",
                    WARN,
                )
            )
    return issues
