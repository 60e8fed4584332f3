"""Why a customer returns something: the fixed list, and which reasons are the shop's fault."""

from __future__ import annotations

from app.returns.errors import ReturnInputError

# Reasons a customer may give, in the words the clerk and the customer read.
REASONS: dict[str, str] = {
    "changed_mind": "七天无理由",
    "wrong_item": "发错货",
    "damaged": "运输破损",
    "quality": "质量问题",
    "missing_parts": "少件/缺配件",
    "other": "其他",
}
# The shop's fault: accepted for the longer quality period, whatever the category.
SELLER_FAULT = frozenset({"wrong_item", "damaged", "quality", "missing_parts"})


def reason_code(text: str) -> str:
    """A reason given as its code (`quality`) or its Chinese words (`质量问题`)."""
    value = text.strip()
    if value in REASONS:
        return value
    for code, words in REASONS.items():
        if value == words or value in words.split("/"):
            return code
    known = "、".join(f"{c}({w})" for c, w in REASONS.items())
    raise ReturnInputError("退货原因", f"不认识「{value}」，可选: {known}")
