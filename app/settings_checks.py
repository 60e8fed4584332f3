"""The settings whose wrong value would print a wrong label or crash the code reading them.

`app.settings` stores any JSON under any key, because shops keep their own notes there too. The
keys below are read by PackDesk itself: `packdesk settings set` refuses a value they cannot use
(a DPI the printer does not have, a phone a courier cannot call, "5天" where a number of days
belongs), and a reader calls `read()` so a value stored before these checks existed stops with
a message saying how to fix it instead of a traceback deep in a drawing.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app import settings
from app.errors import BadInput
from app.flow.steps import TIMED_STEPS
from app.returns.states import ReturnState
from app.verification.phone import normalize_phone

# Shop hotlines (400/800 numbers) are printed as a sender's phone as often as landlines.
HOTLINE = re.compile(r"^[48]00\d{7}$")
TIME_OF_DAY = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


class BadSetting(BadInput):
    """A setting's value is unusable; `stored` says it was read back, not typed just now."""

    def __init__(self, key: str, value: Any, allowed: str, *, stored: bool = False) -> None:
        shown = _shown(value)
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


def _shown(value: Any) -> str:
    """The value as the person typed it: true and null, not Python's True and None."""
    if isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:60] + "…"


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


def amount(low: str, high: str, unit: str = "", places: int | None = None) -> Check:
    """A non-negative decimal (percent, kg, yuan); stored as a number or as text.

    `places` limits the decimals: money has two, so ¥5.123 is refused, not printed."""

    def clean(value: Any) -> Decimal:
        if isinstance(value, bool):
            raise ValueError("a yes/no is not a number")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
        if not number.is_finite() or not Decimal(low) <= number <= Decimal(high):
            raise ValueError(f"{number} outside {low}..{high}")
        if places is not None and number != round(number, places):
            raise ValueError(f"{number} has more than {places} decimals")
        return number

    most = "" if places is None else f"，最多 {places} 位小数"
    return Check(f" {low} 到 {high} 之间的数{unit}{most}", clean)


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


def _yes_no(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"not true/false: {value!r}")
    return value


def _gs1_prefix(value: Any) -> str:
    """The digits an SSCC starts with; more than 12 leave no room for the serial number."""
    text = "" if isinstance(value, bool) else str(value).strip()
    if not isinstance(value, int | str) or not (text.isdigit() and 4 <= len(text) <= 12):
        raise ValueError(f"not a GS1 company prefix: {value!r}")
    return text


# Lists and maps. A reader iterates or looks up in them, so a number or a plain text where a
# list belongs crashed it, or worse, passed: "王主管" as the supervisors let "王" release holds.


def text_list(choices: tuple[str, ...] = (), example: str = '["王主管", "李主管"]') -> Check:
    """A list of text items; typed without brackets, text is read as items split by commas."""

    def clean(value: Any) -> list[str]:
        if isinstance(value, str):
            value = re.split(r"[,，、;；]", value)
        if not isinstance(value, list):
            raise ValueError(f"not a list: {value!r}")
        items = [_text(v) for v in value if not (isinstance(v, str) and not v.strip())]
        if choices and any(v not in choices for v in items):
            raise ValueError(f"{items} not all in {choices}")
        return items

    if choices:
        return Check(f"列表，可含 {'、'.join(choices)}，如 {example}", clean)
    return Check(f"文字的列表，如 {example}", clean)


def _mapping(value: Any, key: Callable[[str], Any], item: Callable[[Any], Any]) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"not an object: {value!r}")
    return {key(k): item(v) for k, v in value.items()}


def mapping(allowed: str, key: Callable[[str], Any], item: Callable[[Any], Any]) -> Check:
    """An object whose keys pass `key` and whose values pass `item`."""
    return Check(allowed, lambda value: _mapping(value, key, item))


def _one_of(*choices: str) -> Callable[[Any], str]:
    def clean(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"{value!r} not in {choices}")
        return value

    return clean


def _hours(value: Any) -> float | None:
    """A step's target: hours above 0, or null for no target (as the flow sheet reads it)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 10_000:
        raise ValueError(f"not hours: {value!r}")
    return float(value)


def _abc_bands(value: Any) -> tuple[int, int, int]:
    if not isinstance(value, list) or len(value) != 3:
        raise ValueError(f"not three bands: {value!r}")
    bands = tuple(whole(0, 100).clean(v) for v in value)
    if sum(bands) != 100:
        raise ValueError(f"bands {bands} do not add up to 100")
    return bands


def _track_status(value: Any) -> str:
    # Imported here: app.tracking.statuses reads its setting through this module.
    from app.tracking.statuses import TrackStatus

    return _one_of(*TrackStatus)(value)


def _title_skus(value: Any) -> list[list]:
    """[[sku, units per item], …], as the title mapping stores a title's SKUs."""
    if not isinstance(value, list) or not value:
        raise ValueError(f"not a list of SKUs: {value!r}")
    pairs = [v for v in value if isinstance(v, list) and len(v) == 2]
    if len(pairs) != len(value):
        raise ValueError(f"not [sku, units] pairs: {value!r}")
    return [[_string(sku), whole(1, 100_000).clean(per)] for sku, per in pairs]


def _profile(value: Any) -> dict:
    """A column profile: {"mapping": {field: header}, "shape": [header, …]}."""
    if not isinstance(value, dict) or set(value) != {"mapping", "shape"}:
        raise ValueError(f"not a profile: {value!r}")
    shape = value["shape"]
    if not isinstance(shape, list):
        raise ValueError(f"not a header shape: {shape!r}")
    return {
        "mapping": _mapping(value["mapping"], _string, _string),
        "shape": [_string(h) for h in shape],
    }


def _order_id(key: str) -> str:
    if not key.isdigit():
        raise ValueError(f"not an order id: {key!r}")
    return key


def _string(value: Any) -> str:
    """Text kept exactly as PackDesk stored it: a title is looked up as the platform wrote it."""
    if not isinstance(value, str):
        raise ValueError(f"not text: {value!r}")
    return value


TEXT = Check("不为空、不超过 80 字的文字", _text)
CHECKS: dict[str, Check] = {
    "printer.dpi": one_of(203, 300),
    "shop.name": TEXT,
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
    "smtp.starttls": Check("true 或 false", _yes_no),
    "waybill.insured_value": amount("0", "1000000", "（元，0 表示不保价）", places=2),
    "labels.gs1_company_prefix": Check(
        "4 到 12 位数字的 GS1 厂商识别代码，如 6901234", _gs1_prefix
    ),
    "stock.count_interval_days": mapping(
        '对象 {ABC 分类: 天数}，分类为 A、B、C，天数 1 到 3650，如 {"A": 30, "B": 91, "C": 365}',
        _one_of("A", "B", "C"),
        whole(1, 3650).clean,
    ),
    "stock.abc_bands": Check("三个加起来为 100 的整数百分比，如 [80, 15, 5]", _abc_bands),
    "flow.targets": mapping(
        f"对象 {{步骤: 小时数}}，步骤为 {'、'.join(TIMED_STEPS)}；"
        '小时数大于 0，null 表示不设目标，如 {"packing": 2}',
        _one_of(*TIMED_STEPS),
        _hours,
    ),
    "tracking.status_words": mapping(
        '对象 {"轨迹用语": 状态}，状态为 accepted、in_transit、out_for_delivery、delivered、'
        'refused、returned、problem，如 {"已放快递柜": "delivered"}',
        _text,
        _track_status,
    ),
    "verification.supervisors": text_list(),
    "feedback.supervisors": text_list(),
    "returns.non_returnable_skus": text_list(example='["MUG-01", "TEA-02"]'),
    "returns.non_returnable_keywords": text_list(example='["定制", "内衣"]'),
    "returns.notify_states": text_list(tuple(ReturnState), '["approved", "refunded"]'),
    "returns.notify_channels": text_list(("sms", "email"), '["sms"]'),
    "shipping_notice.channels": text_list(("sms", "email"), '["sms", "email"]'),
    # Kept by PackDesk itself; checked so that a hand edit cannot break the desks reading them.
    "intake.stop_list": mapping(
        '对象 {订单 id: 原因}，如 {"42": "平台已取消"}', _order_id, _string
    ),
    "intake.title_skus": mapping(
        '对象 {宝贝标题: [[商家编码, 每件数量], …]}，如 {"青瓷杯": [["CUP-QING", 2]]}',
        _string,
        _title_skus,
    ),
    "intake.profiles": mapping(
        '对象 {方案名: {"mapping": {字段: 列名}, "shape": [列名, …]}}', _string, _profile
    ),
}

# Keys PackDesk reads without a check (free text, its own flags) and the prefixes of per-desk
# and per-carrier keys; `settings set` warns about any other key, as a likely typo.
# tests/test_settings_checks.py fails when code reads a literal key missing here.
READ_UNCHECKED = frozenset(
    {
        "packing.scale_port",
        "shipping.catalogue_seeded",
        "returns.address",
        "returns.refund_postage",
        "smtp.host",
        "smtp.sender",
        "smtp.user",
        "smtp.password",
        "waybill.payment_type",
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
