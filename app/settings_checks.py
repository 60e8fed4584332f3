"""The settings whose wrong value would print a wrong label or crash the code reading them.

`app.settings` stores any JSON under any key, because shops keep their own notes there too. The
keys below are read by PackDesk itself: `packdesk settings set` refuses a value they cannot use
(a DPI the printer does not have, a phone a courier cannot call, "5天" where a number of days
belongs), and a reader calls `read()` so a value stored before these checks existed stops with
a message saying how to fix it instead of a traceback deep in a drawing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app import settings
from app.errors import BadInput
from app.verification.phone import normalize_phone

# Shop hotlines (400/800 numbers) are printed as a sender's phone as often as landlines.
HOTLINE = re.compile(r"^[48]00\d{7}$")
TIME_OF_DAY = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


class BadSetting(BadInput):
    """A setting's value is unusable; `stored` says it was read back, not typed just now."""

    def __init__(self, key: str, value: Any, allowed: str, *, stored: bool = False) -> None:
        shown = value if isinstance(value, str) else repr(value)
        if stored:
            text = (
                f"设置 {key} 的已存值「{shown}」无效，应为{allowed}；"
                f"请用 packdesk settings set {key} <值> 改正"
            )
        else:
            text = f"设置 {key} 的值「{shown}」无效，应为{allowed}"
        super().__init__(text)
        self.key = key
        self.value = value
        self.allowed = allowed


@dataclass(frozen=True)
class Check:
    # The allowed values in words, for the message: "203 或 300".
    allowed: str
    # The value as readers use it (an int, a Decimal, trimmed text); ValueError when unusable.
    clean: Callable[[Any], Any]


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("a yes/no is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise ValueError(f"not a whole number: {value!r}")


def whole(low: int, high: int, unit: str = "") -> Check:
    def clean(value: Any) -> int:
        number = _integer(value)
        if not low <= number <= high:
            raise ValueError(f"{number} outside {low}..{high}")
        return number

    return Check(f" {low} 到 {high} 之间的整数{unit}", clean)


def one_of(*choices: int) -> Check:
    def clean(value: Any) -> int:
        number = _integer(value)
        if number not in choices:
            raise ValueError(f"{number} not in {choices}")
        return number

    return Check(" " + " 或 ".join(str(c) for c in choices), clean)


def amount(low: str, high: str, unit: str = "") -> Check:
    """A non-negative decimal (percent, kg, yuan); stored as a number or as text."""

    def clean(value: Any) -> Decimal:
        if isinstance(value, bool):
            raise ValueError("a yes/no is not a number")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
        if not number.is_finite() or not Decimal(low) <= number <= Decimal(high):
            raise ValueError(f"{number} outside {low}..{high}")
        return number

    return Check(f" {low} 到 {high} 之间的数{unit}", clean)


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 80:
        raise ValueError("empty or too long")
    return value.strip()


def _phone(value: Any) -> str:
    text = _text(str(value))
    if HOTLINE.match(re.sub(r"[\s\-]", "", text)) or normalize_phone(text).valid:
        return text
    raise ValueError(normalize_phone(text).reason)


def _time_of_day(value: Any) -> str:
    if not isinstance(value, str) or not TIME_OF_DAY.match(value.strip()):
        raise ValueError(f"not HH:MM: {value!r}")
    return value.strip()


TEXT = Check("不为空、不超过 80 字的文字", _text)
CHECKS: dict[str, Check] = {
    "printer.dpi": one_of(203, 300),
    "sender.name": TEXT,
    "sender.phone": Check("手机号、带区号的固话或 400/800 电话，如 0571-88886666", _phone),
    "sender.province": TEXT,
    "sender.city": TEXT,
    "sender.district": TEXT,
    "sender.address": TEXT,
    "promise.cutoff": Check("时:分，如 16:00", _time_of_day),
    "promise.days": whole(0, 30, "（天）"),
    "promise.restock_days": whole(0, 90, "（天）"),
    "shipping.promise_delivery_days": whole(1, 30, "（天）"),
    "shipping.default_transit_days": whole(1, 30, "（天）"),
    "shipping.pool_low_threshold": whole(0, 100_000, "（个）"),
    "returns.no_reason_days": whole(0, 365, "（天）"),
    "returns.quality_days": whole(0, 365, "（天）"),
    "tracking.rules.watch_days": whole(1, 365, "（天）"),
    "tracking.rules.no_first_event_hours": whole(1, 720, "（小时）"),
    "tracking.rules.stalled_hours": whole(1, 720, "（小时）"),
    "tracking.rules.overdue_grace_days": whole(0, 60, "（天）"),
    "verification.max_line_quantity": whole(1, 100_000, "（件）"),
    "verification.price_tolerance_pct": amount("0", "100", "（%）"),
    "packing.scale_baud": whole(300, 921_600),
    "packing.volumetric_divisor": whole(1000, 20_000),
    "packing.bulky_mm": whole(1, 10_000, "（毫米）"),
    "packing.weight_tolerance_pct": amount("0", "100", "（%）"),
    "packing.weight_tolerance_min_kg": amount("0", "50", "（公斤）"),
    "packing.fill_margin_pct": amount("0", "100", "（%）"),
    "packing.heavy_kg": amount("0", "1000", "（公斤）"),
    "feedback.approval_limit": amount("0", "1000000", "（元）"),
    "labels.sscc_serial": whole(0, 999_999_999),
    "smtp.port": whole(1, 65_535),
}

# Keys PackDesk reads without a check (lists, maps, free text) and the prefixes of per-desk
# and per-carrier keys; `settings set` warns about any other key, as a likely typo.
# tests/test_settings_checks.py fails when code reads a literal key missing here.
READ_UNCHECKED = frozenset(
    {
        "shop.name",
        "verification.supervisors",
        "feedback.supervisors",
        "packing.scale_port",
        "shipping_notice.channels",
        "shipping.catalogue_seeded",
        "returns.address",
        "returns.refund_postage",
        "returns.non_returnable_skus",
        "returns.non_returnable_keywords",
        "returns.notify_states",
        "returns.notify_channels",
        "smtp.host",
        "smtp.sender",
        "smtp.user",
        "smtp.password",
        "smtp.starttls",
        "tracking.status_words",
        "stock.abc_bands",
        "stock.count_interval_days",
        "waybill.payment_type",
        "waybill.insured_value",
        "labels.gs1_company_prefix",
        "flow.targets",
        "intake.title_skus",
        "intake.stop_list",
        "intake.profiles",
    }
)
READ_PREFIXES = ("packing.auto_print_waybill.", "packing.scale_port.", "waybill.payment_type.")


def check(key: str, value: Any) -> Any:
    """The value to store: cleaned for a checked key ("300" -> 300, a phone as text even when
    typed as digits), unchanged for any other; BadSetting if unusable. A decimal is stored as
    typed, so 5 stays 5 rather than becoming the text "5"."""
    rule = CHECKS.get(key)
    if rule is None:
        return value
    try:
        cleaned = rule.clean(value)
    except ValueError:
        raise BadSetting(key, value, rule.allowed) from None
    return value if isinstance(cleaned, Decimal) else cleaned


def read(session: Session, key: str, default: Any) -> Any:
    """A checked setting as its reader uses it; BadSetting naming the fix if the stored value
    is unusable (stored by an older version, or straight into the database)."""
    value = settings.get(session, key, None)
    if value is None:
        return default
    try:
        return CHECKS[key].clean(value)
    except ValueError:
        raise BadSetting(key, value, CHECKS[key].allowed, stored=True) from None


def unknown_key_hint(key: str) -> str | None:
    """None for a key PackDesk reads; else a warning, with the nearest known key if any."""
    if key in CHECKS or key in READ_UNCHECKED or key.startswith(READ_PREFIXES):
        return None
    near = difflib.get_close_matches(key, [*CHECKS, *READ_UNCHECKED], n=1, cutoff=0.8)
    guess = f"（是否想写 {near[0]}？）" if near else ""
    return f"提示：PackDesk 不读取设置 {key}{guess}，已照样保存"
