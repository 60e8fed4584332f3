"""Remarks: buyer and seller notes that later steps must honour.

Carrier wishes ("不要发邮政", "只发顺丰"), dates ("3月5号前到") and fragility ("易碎") become
findings so the clerk sees them; `carrier_wishes(order)` gives the carrier step the same
reading as sets of carrier codes (the codes of `app/shipping/seed.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.db.models import Order
from app.verification.context import VerifyContext
from app.verification.issues import HOLD, INFO, WARN, Issue

RULE = "remark"

# Words buyers write for each carrier, longest first within a carrier.
CARRIER_WORDS: dict[str, tuple[str, ...]] = {
    "SF": ("顺丰速运", "顺丰", "SF"),
    "EMS": ("中国邮政", "邮政", "EMS", "邮局"),
    "JD": ("京东快递", "京东物流", "京东"),
    "ZTO": ("中通",),
    "YTO": ("圆通",),
    "STO": ("申通",),
    "YD": ("韵达",),
    "DBL": ("德邦",),
    "JT": ("极兔",),
}
# The names a clerk reads in findings.
CARRIER_NAMES = {
    "SF": "顺丰",
    "EMS": "邮政",
    "JD": "京东",
    "ZTO": "中通",
    "YTO": "圆通",
    "STO": "申通",
    "YD": "韵达",
    "DBL": "德邦",
    "JT": "极兔",
}
_NEGATIONS = ("不要发", "不要用", "别发", "不发", "不用", "不要", "拒收", "别用", "勿发")
_ONLY = ("只发", "只要", "只用", "指定", "必须发", "请发", "发", "用", "要")
DATE_WORDS = re.compile(
    r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*号|周[一二三四五六日天]|星期[一二三四五六日天]"
    r"|明天|后天|月底|月初|节前|节后|春节|国庆|尽快|加急"
)
FRAGILE_WORDS = re.compile(r"易碎|玻璃|陶瓷|轻拿轻放|小心轻放|怕压|防震")


@dataclass(frozen=True)
class CarrierWishes:
    avoid: set[str] = field(default_factory=set)
    only: set[str] = field(default_factory=set)


def _wishes_in(text: str) -> CarrierWishes:
    avoid: set[str] = set()
    only: set[str] = set()
    upper = text.upper()
    for code, words in CARRIER_WORDS.items():
        for word in words:
            start = upper.find(word.upper())
            if start < 0:
                continue
            before = upper[max(0, start - 4) : start]
            if any(before.endswith(n) for n in _NEGATIONS):
                avoid.add(code)
            elif any(before.endswith(o) for o in _ONLY):
                only.add(code)
            break
    return CarrierWishes(avoid, only)


def carrier_wishes(order: Order) -> CarrierWishes:
    """Carriers the buyer or seller asked to avoid, and the ones they asked for."""
    text = "\n".join(t for t in (order.buyer_remark, order.seller_remark) if t)
    return _wishes_in(text) if text else CarrierWishes()


def _names(codes: set[str]) -> str:
    return "、".join(CARRIER_NAMES.get(code, code) for code in sorted(codes))


def check_remarks(order: Order, ctx: VerifyContext) -> list[Issue]:
    if not order.buyer_remark and not order.seller_remark:
        return []
    issues = []
    for field_name, label, text in (
        ("buyer_remark", "买家留言", order.buyer_remark),
        ("seller_remark", "卖家备注", order.seller_remark),
    ):
        text = (text or "").strip()
        if not text:
            continue
        issues.append(Issue(RULE, field_name, f"{label}：{text}", INFO))
        if m := DATE_WORDS.search(text):
            issues.append(
                Issue(RULE, field_name, f"{label}提到时间「{m.group(0)}」，请按要求安排发货", WARN)
            )
        if m := FRAGILE_WORDS.search(text):
            issues.append(
                Issue(RULE, field_name, f"{label}提到「{m.group(0)}」，按易碎品包装", WARN)
            )

    wishes = carrier_wishes(order)
    if wishes.avoid:
        issues.append(Issue(RULE, "buyer_remark", f"备注要求不要发：{_names(wishes.avoid)}", WARN))
    if wishes.only:
        issues.append(Issue(RULE, "buyer_remark", f"备注要求只发：{_names(wishes.only)}", WARN))
    if wishes.only & wishes.avoid:
        issues.append(
            Issue(RULE, "buyer_remark", "备注中对快递的要求互相矛盾，请与买家确认", HOLD)
        )
    return issues
