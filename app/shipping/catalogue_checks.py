"""Checking what a person types into the carrier catalogue, before any of it is stored.

The same checks serve the window, the command line and a JSON import, so each takes `where`:
the words that tell the person which field is wrong ("快递公司 SF 的截单时间" or, for an import,
the path "carriers[2].rates[0].first_price"). Each returns the value in the form it is stored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import time
from decimal import Decimal, InvalidOperation

import chinese_calendar

from app.db.models.carriers import SPEED_CLASSES, Carrier
from app.errors import BadInput
from app.shipping.seed import ZONE_OF_PROVINCE

REGION_KINDS = ("excluded", "remote")

# The places a destination or a region rule may name: the provinces the seed knows, plus the
# three regions outside it that a shop may still ship to.
PROVINCES = (*ZONE_OF_PROVINCE, "香港特别行政区", "澳门特别行政区", "台湾省")

# chinesecalendar's names (stored, since `carrier_works_on` compares them) and their Chinese.
HOLIDAYS = tuple((h.value, h.chinese) for h in chinese_calendar.Holiday)


def _yearly() -> tuple[tuple[str, str], ...]:
    """The holidays that come back every year; a one-off day off (the 2015 抗战胜利70周年纪念日)
    is still read from a stored catalogue but not offered when a carrier's closures are set."""
    years: dict[str, set[int]] = {}
    for day, name in chinese_calendar.holidays.items():
        years.setdefault(name, set()).add(day.year)
    return tuple(h for h in HOLIDAYS if len(years.get(h[0], ())) > 1)


YEARLY_HOLIDAYS = _yearly()

_CODE = re.compile(r"[A-Z][A-Z0-9]{0,15}")
_CUTOFF = re.compile(r"(\d{1,2}):(\d{2})")

# Far above any real contract, low enough that a slipped key is caught.
HIGHEST_PRICE = Decimal("100000")
HIGHEST_WEIGHT = Decimal("100000")


class CatalogueInputError(BadInput):
    """One field of the carrier catalogue is unusable; `where` names the field."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}：{reason}")
        self.where = where
        self.reason = reason


def _text_or_none(value: object, where: str, what: str = "文字") -> str:
    """A JSON file may hold a list or a number where text belongs; it is refused, not str()-ed.

    The message names the type, not the value, as a wrong value may be huge.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CatalogueInputError(where, f"应为{what}（而不是{_kind(value)}）")
    return value.strip()


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list | tuple):
        return "列表"
    if isinstance(value, dict):
        return "对象"
    if isinstance(value, int | float | Decimal):
        return "数字"
    if isinstance(value, str):
        return "文字"
    return type(value).__name__


def check_code(value: object, where: str) -> str:
    """A carrier code, stored upper case: "sf" is SF, as `get_carrier` reads it."""
    typed = _text_or_none(value, where)
    text = typed.upper()
    if not _CODE.fullmatch(text):
        raise CatalogueInputError(
            where, f"代码「{typed}」应为 1 到 16 个大写英文字母或数字，以字母开头（如 SF、ZTO）"
        )
    return text


def check_text(value: object, where: str, longest: int = 40, required: bool = True) -> str:
    """One line of text: a name, a city, a sort code. A line break inside would split the
    carrier's line in every list and print a broken label."""
    text = _text_or_none(value, where)
    if required and not text:
        raise CatalogueInputError(where, "不能为空")
    if len(text) > longest:
        raise CatalogueInputError(where, f"「{text[:longest]}…」太长（最多 {longest} 个字）")
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        raise CatalogueInputError(where, "只能是一行文字，不能含换行符、制表符等控制字符")
    return text


def check_bool(value: object, where: str) -> bool:
    if isinstance(value, bool):
        return value
    raise CatalogueInputError(where, f"「{value}」应为 true 或 false")


def check_int(value: object, where: str, lowest: int, highest: int) -> int:
    """A whole number in [lowest, highest]; text such as "3" is accepted, "3.5" is not."""
    if value is None or value == "":
        raise CatalogueInputError(where, "必须填写")
    if isinstance(value, float | Decimal):
        raise CatalogueInputError(where, f"「{value}」不是整数")
    if not isinstance(value, int | str) or isinstance(value, bool):
        raise CatalogueInputError(where, f"应为整数（而不是{_kind(value)}）")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise CatalogueInputError(where, f"「{value}」不是整数") from None
    if not lowest <= number <= highest:
        raise CatalogueInputError(where, f"{number} 超出范围（应在 {lowest} 到 {highest} 之间）")
    return number


def _decimal(value: object, where: str, what: str) -> Decimal:
    if isinstance(value, float):
        # No person types a float: windows and the command line pass text, a JSON import
        # passes Decimal. A float here is a caller that already rounded the number in binary
        # (3.200000000000000001 arrives as 3.2), so it is refused rather than guessed at.
        raise TypeError(f"{where}: a price or weight must be Decimal, int or str, not float")
    if value is None or value == "":
        raise CatalogueInputError(where, "必须填写")
    if not isinstance(value, int | Decimal | str) or isinstance(value, bool):
        raise CatalogueInputError(where, f"应为{what}（而不是{_kind(value)}）")
    text = str(value).strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CatalogueInputError(where, f"「{text}」不是{what}") from None
    if not number.is_finite():
        raise CatalogueInputError(where, f"「{text}」不是{what}")
    return number


def check_money(value: object, where: str) -> Decimal:
    """A price in yuan: not negative, at most two decimal places (fen)."""
    number = _decimal(value, where, "金额")
    if number < 0:
        raise CatalogueInputError(where, f"金额 {number} 不能为负数")
    if number > HIGHEST_PRICE:
        raise CatalogueInputError(where, f"金额 {number} 太大（上限 {HIGHEST_PRICE}）")
    if number != number.quantize(Decimal("0.01")):
        raise CatalogueInputError(where, f"金额 {number} 最多两位小数（分）")
    return number.quantize(Decimal("0.01"))


def check_weight(value: object, where: str) -> Decimal:
    """A weight in kg above zero, to the gram."""
    number = _decimal(value, where, "重量")
    if number <= 0:
        raise CatalogueInputError(where, f"重量 {number.normalize():f} 必须大于 0")
    if number > HIGHEST_WEIGHT:
        raise CatalogueInputError(where, f"重量 {number} kg 太大")
    if number != number.quantize(Decimal("0.001")):
        raise CatalogueInputError(where, f"重量 {number} 最多精确到克（三位小数）")
    return number


def check_weekdays(value: object, where: str) -> str:
    """ISO weekdays as digits 1 (Monday) to 7 (Sunday), each once: "12345" = Monday to Friday."""
    text = _text_or_none(value, where, '文字，如 "12345"')
    if not text:
        raise CatalogueInputError(where, "至少要有一个收件日（1=周一 … 7=周日）")
    wrong = sorted({c for c in text if c not in "1234567"})
    if wrong:
        raise CatalogueInputError(
            where, f"「{text}」含有 {''.join(wrong)}，只能用数字 1 到 7（1=周一 … 7=周日）"
        )
    repeated = sorted({c for c in text if text.count(c) > 1})
    if repeated:
        raise CatalogueInputError(where, f"「{text}」中 {''.join(repeated)} 重复")
    return "".join(sorted(text))


def check_cutoff(value: object, where: str) -> str:
    """A time of day as HH:MM (9:30 is stored as 09:30)."""
    text = _text_or_none(value, where, '文字，如 "16:30"')
    found = _CUTOFF.fullmatch(text)
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise CatalogueInputError(where, f"「{text}」不是有效的时间，应为 时:分，如 16:30")
    return time(int(found[1]), int(found[2])).strftime("%H:%M")


def check_holidays(value: str | Iterable[str], where: str) -> str:
    """Holiday names chinesecalendar knows, in English or Chinese, stored ";"-separated.

    Text ("春节;国庆节") or a list of names; anything else (a number, null, an object whose
    keys would pass as names) is refused.
    """
    names = value.split(";") if isinstance(value, str) else value
    if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
        raise CatalogueInputError(where, '应为节假日名称列表，如 ["春节", "国庆节"]')
    by_name = {}
    for english, chinese in HOLIDAYS:
        by_name[english.lower()] = english
        by_name[chinese] = english
    stored = []
    for name in (str(n).strip() for n in names):
        if not name:
            continue
        english = by_name.get(name.lower())
        if english is None:
            known = "、".join(chinese for _, chinese in YEARLY_HOLIDAYS)
            raise CatalogueInputError(where, f"不认识节假日「{name}」（可用：{known}）")
        if english not in stored:
            stored.append(english)
    return ";".join(stored)


def check_speed(value: object, where: str) -> str:
    text = _text_or_none(value, where).lower()
    if text not in SPEED_CLASSES:
        raise CatalogueInputError(
            where, f"时效等级「{value}」不认识（可用：{'、'.join(SPEED_CLASSES)}）"
        )
    return text


def check_kind(value: object, where: str) -> str:
    text = _text_or_none(value, where).lower()
    choices = "excluded（不送达）或 remote（偏远，多几天）"
    if not text:
        raise CatalogueInputError(where, f"必须填写，可选 {choices}")
    if text not in REGION_KINDS:
        raise CatalogueInputError(where, f"「{value}」应为 {choices}")
    return text


def normalise_province(value: object, where: str) -> str:
    """The full name of a province: "新疆" and "新疆维吾尔自治区" are the same place."""
    text = _text_or_none(value, where)
    if text in PROVINCES:
        return text
    fitting = [p for p in PROVINCES if len(text) >= 2 and p.startswith(text)]
    if len(fitting) == 1:
        return fitting[0]
    raise CatalogueInputError(where, f"不认识省份「{text}」（请写省级名称，如 新疆 或 广东省）")


# Each field a shop edits: its Chinese label (for messages) and its check.
HEADER_FIELDS = {
    "name": ("名称", check_text),
    "max_weight": ("最大重量（kg）", check_weight),
    "max_side_mm": ("最长边（mm）", lambda v, w: check_int(v, w, 1, 20000)),
    "max_sum_mm": ("三边之和（mm）", lambda v, w: check_int(v, w, 1, 60000)),
    "large_goods": ("承运大件", check_bool),
    "volumetric_divisor": ("抛比（体积重除数）", lambda v, w: check_int(v, w, 1, 100000)),
    "pickup_days": ("收件日", check_weekdays),
    "cutoff": ("截单时间", check_cutoff),
    "closed_holidays": ("停运节假日", check_holidays),
    "mask_privacy": ("隐私面单", check_bool),
    "active": ("启用", check_bool),
}
SERVICE_FIELDS = {
    "name": ("服务名称", check_text),
    "speed_class": ("时效等级", check_speed),
    "transit_adjust_days": ("时效增减天数", lambda v, w: check_int(v, w, -10, 30)),
    "price_percent": ("价格百分比", lambda v, w: check_int(v, w, 1, 1000)),
    "is_default": ("默认服务", check_bool),
    "active": ("启用", check_bool),
}
RATE_FIELDS = {
    "zone": ("区", lambda v, w: check_int(v, w, 1, 99)),
    "first_weight": ("首重（kg）", check_weight),
    "first_price": ("首重价", check_money),
    "extra_price_per_kg": ("续重价（每 kg）", check_money),
}
DESTINATION_FIELDS = {
    "province": ("省份", normalise_province),
    "zone": ("区", lambda v, w: check_int(v, w, 1, 99)),
    "transit_days": ("时效天数", lambda v, w: check_int(v, w, 0, 30)),
}
REGION_FIELDS = {
    "province": ("省份", normalise_province),
    "city": ("城市", lambda v, w: check_text(v, w, required=False)),
    "kind": ("类型", check_kind),
    "extra_days": ("多加天数", lambda v, w: check_int(v, w, 0, 30)),
}
SORT_CODE_FIELDS = {
    # The full name, as `carriers.sort_code_for` looks a row up by the order's province.
    "province": ("省份", normalise_province),
    "city": ("城市", lambda v, w: check_text(v, w, required=False)),
    "district": ("区县", lambda v, w: check_text(v, w, required=False)),
    "sort_code": ("三段码", check_text),
    "hub": ("集包地", lambda v, w: check_text(v, w, required=False)),
}


def checked(fields: dict, values: dict, where_of) -> dict:
    """Each given value checked with its field's check; `where_of(field, label)` names it.

    Only the fields present are returned, so a caller changes only what was asked for.
    """
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise CatalogueInputError(where_of(unknown[0], unknown[0]), "不认识这个字段")
    return {
        name: check(values[name], where_of(name, label))
        for name, (label, check) in fields.items()
        if name in values
    }


def check_carrier(carrier: Carrier, where: str) -> None:
    """The rules across fields and tables, checked after every change and on import.

    A zone a province is in needs a price (else the parcel cannot be priced), and the active
    services need exactly one default (else nothing says which one a parcel gets).
    """
    if carrier.max_side_mm > carrier.max_sum_mm:
        raise CatalogueInputError(
            where, f"最长边 {carrier.max_side_mm} mm 不能大于三边之和 {carrier.max_sum_mm} mm"
        )
    priced = {r.zone for r in carrier.rates}
    for destination in carrier.destinations:
        if destination.zone not in priced:
            raise CatalogueInputError(
                where, f"{destination.province} 在第 {destination.zone} 区，但该区没有价格"
            )
    if carrier.active and not carrier.rates:
        raise CatalogueInputError(where, "没有任何价格，不能启用；请先设置各区的首重/续重价格")

    active = [s for s in carrier.services if s.active]
    if not active:
        raise CatalogueInputError(where, "至少要有一个启用的服务")
    defaults = [s.name for s in active if s.is_default]
    if len(defaults) != 1:
        shown = "、".join(defaults) or "没有"
        raise CatalogueInputError(where, f"启用的服务中须正好有一个默认服务（现在：{shown}）")
