"""The platform an order came from, in the words a clerk or a buyer reads.

Orders store a short code (`taobao`, `pdd`, …) because imports and look-ups match on it; every
document and command that shows the platform to a person shows this name instead. The windows
keep their own copy in `ui/labels.py`, written out there so Qt's translation tools can find
the words; `tests/test_platform_names.py` keeps the two lists the same.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "taobao": "淘宝/天猫",
    "pdd": "拼多多",
    "jd": "京东",
    "shopify": "Shopify",
    "manual": "电话/邮件",
    "generic": "其他",
    "exchange": "换货",
}


def platform_label(code: str) -> str:
    """The platform's name; a code missing from the list is shown as stored, not hidden."""
    return LABELS.get(code, code)
