"""Product rules: every line names a known product and variant, and virtual goods are not packed.

A line without a seller code is matched by its title and attributes; when exactly one
catalogue variant fits, the line is linked to it and an info finding says so, so a clerk can
see the match was made by the app and not by the platform.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.db.models import Order, OrderLine
from app.verification.context import ProductInfo, VerifyContext
from app.verification.issues import HOLD, INFO, Issue, line_field

RULE = "product"
_PAIR_SPLIT = re.compile(r"[;；,，\n]+")
_KEY_VALUE = re.compile(r"\s*([^:：]+?)\s*[:：]\s*(.+?)\s*$")


@lru_cache(maxsize=4096)
def attribute_values(text: str) -> frozenset[str]:
    """The values of "颜色分类：红色;尺码：XL" -> {"红色", "XL"}; keys differ between platforms."""
    values = set()
    for part in _PAIR_SPLIT.split(text or ""):
        if not part.strip():
            continue
        m = _KEY_VALUE.match(part)
        values.add((m.group(2) if m else part).strip().lower())
    return frozenset(values)


def _attributes_fit(line_attrs: str, spec: str) -> bool:
    wanted, offered = attribute_values(line_attrs), attribute_values(spec)
    return not wanted or not offered or wanted <= offered or offered <= wanted


def _by_title(line: OrderLine, ctx: VerifyContext) -> tuple[list[ProductInfo], list[ProductInfo]]:
    """Products whose name fits the title, and among them those whose spec fits too."""
    title = (line.title or "").strip()
    if not title:
        return [], []
    named = [
        p for p in ctx.products_by_id.values() if p.name and (p.name in title or title in p.name)
    ]
    fitting = [p for p in named if _attributes_fit(line.attributes, p.spec)]
    return named, fitting


def _check_line(line: OrderLine, ctx: VerifyContext) -> tuple[list[Issue], ProductInfo | None]:
    n = line.line_no
    if line.sku.strip():
        product = ctx.product_for_sku(line.sku)
        if product is None and line.sku.strip().lower() in ctx.pack_skus:
            product = ctx.products_by_id.get(ctx.pack_skus[line.sku.strip().lower()][0])
        if product is None:
            return [
                Issue(RULE, line_field(n, "sku"), f"第{n}行：商家编码「{line.sku}」不在商品目录中")
            ], None
        line.product_id = product.id
        if not _attributes_fit(line.attributes, product.spec):
            return [
                Issue(
                    RULE,
                    line_field(n, "attributes"),
                    f"第{n}行：属性「{line.attributes}」与商品 {product.sku} 的规格"
                    f"「{product.spec}」不符",
                )
            ], product
        return [], product

    named, fitting = _by_title(line, ctx)
    if len(fitting) == 1:
        product = fitting[0]
        line.product_id = product.id
        line.sku = product.sku
        return [
            Issue(
                RULE,
                line_field(n, "sku"),
                f"第{n}行没有商家编码，已按标题和属性匹配为 {product.sku}（{product.name}"
                f"{' ' + product.spec if product.spec else ''}）",
                INFO,
            )
        ], product
    if len(fitting) > 1:
        skus = "、".join(p.sku for p in fitting[:5])
        return [
            Issue(
                RULE,
                line_field(n, "sku"),
                f"第{n}行没有商家编码，标题和属性匹配到多个商品（{skus}），请选择",
            )
        ], None
    if named:
        return [
            Issue(
                RULE,
                line_field(n, "attributes"),
                f"第{n}行：属性「{line.attributes}」不匹配商品「{named[0].name}」的任何规格",
            )
        ], None
    return [
        Issue(
            RULE, line_field(n, "sku"), f"第{n}行没有商家编码，按标题「{line.title}」也找不到商品"
        )
    ], None


def _check_line_once(
    line: OrderLine, ctx: VerifyContext
) -> tuple[list[Issue], ProductInfo | None]:
    """`_check_line`, worked out once per distinct line in a run (exports repeat the same few
    products thousands of times); the line is linked and named as `_check_line` would."""
    key = (line.line_no, line.sku, line.title, line.attributes)
    known = ctx.line_checks.get(key)
    if known is None:
        found, product = _check_line(line, ctx)
        known = ctx.line_checks[key] = (found, product, line.sku)
    found, product, sku = known
    if product is not None:
        line.product_id, line.sku = product.id, sku
    return found, product


def check_products(order: Order, ctx: VerifyContext) -> list[Issue]:
    issues: list[Issue] = []
    products = []
    for line in order.lines:
        found, product = _check_line_once(line, ctx)
        issues.extend(found)
        products.append(product)
        if product is not None and not product.shippable:
            issues.append(
                Issue(
                    RULE,
                    line_field(line.line_no, "sku"),
                    f"第{line.line_no}行 {product.sku} 是虚拟商品，不发货",
                    INFO,
                )
            )

    known = [p for p in products if p is not None]
    if (
        order.lines
        and known
        and len(known) == len(products)
        and not any(p.shippable for p in known)
    ):
        issues.append(Issue(RULE, "lines", "订单只有虚拟商品，无需打包发货", HOLD))
    if not order.lines:
        issues.append(Issue(RULE, "lines", "订单没有商品行", HOLD))
    return issues
