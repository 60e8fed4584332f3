"""Tracking-number formats per carrier, checked before a number is stored on a parcel.

The patterns are heuristics taken from what the carriers issue; they overlap (Yunda and STO both
issue 15-digit numbers starting with 4), so a number is only ever checked against the carrier
the clerk chose, never used to guess the carrier. China Post's international numbers follow the
UPU S10 standard, whose check digit is verified.
"""

from __future__ import annotations

import re
import unicodedata

# S10: two service letters, eight serial digits, a check digit, the issuing country.
_S10 = re.compile(r"^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)

_FORMATS: dict[str, tuple[re.Pattern[str], str]] = {
    "SF": (re.compile(r"^SF\d{13}$"), "SF 加 13 位数字"),
    "JD": (re.compile(r"^JD[A-Z0-9]{2}\d{11}$"), "JD 加 2 位字母或数字再加 11 位数字"),
    "DBL": (re.compile(r"^DPK\d{12}$"), "DPK 加 12 位数字"),
    "ZTO": (re.compile(r"^7[3-68]\d{12}$"), "以 73–76 或 78 开头的 14 位数字"),
    "YTO": (re.compile(r"^YT\d{13}$"), "YT 加 13 位数字"),
    "STO": (re.compile(r"^(77|43)\d{12,15}$"), "以 77 或 43 开头的 14–17 位数字"),
    "YD": (re.compile(r"^([34]\d{14}|5\d{12})$"), "以 3/4 开头的 15 位或以 5 开头的 13 位数字"),
    "JT": (re.compile(r"^JT\d{13}$"), "JT 加 13 位数字"),
}
# China Post domestic numbers; international ones are S10 (checked separately).
_POST_DOMESTIC = re.compile(r"^([19]\d{12}|P[A-Z]\d{11})$")


def s10_check_digit(serial: str) -> int:
    """The UPU S10 check digit of the eight serial digits."""
    total = sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def s10_problem(number: str, issuers: set[str] | None = None) -> str | None:
    """Why `number` is not a valid S10 number (None when it is).

    `issuers` limits the last two letters to known issuing posts (e.g. {"CN"}).
    """
    match = _S10.match(number)
    if match is None:
        return "不是 UPU S10 格式（2 个字母 + 9 位数字 + 2 个字母）"
    _, serial, check, country = match.groups()
    expected = s10_check_digit(serial)
    if int(check) != expected:
        return f"S10 校验位应为 {expected}，实际为 {check}"
    if issuers is not None and country not in issuers:
        return f"国家代码 {country} 不是已知的邮政发行方"
    return None


def normalise(number: str) -> str:
    """What a scanner or a clerk typed, as plain upper-case letters and digits.

    A Chinese input method left in full-width mode types ＳＦ１２３ and 　 (ideographic
    space); NFKC turns those into SF123 and a plain space. Spaces and invisible format
    characters (zero-width space, byte-order mark, pasted along from web pages and
    spreadsheets) are dropped, so the number is stored and compared in one spelling.
    """
    text = unicodedata.normalize("NFKC", number)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", "", text).upper()


def check_tracking_number(carrier_code: str, number: str) -> str | None:
    """None when `number` fits the carrier's format, else the reason in words."""
    code = carrier_code.strip().upper()
    text = normalise(number)
    if not text:
        return "运单号为空"

    if code == "EMS":
        if _POST_DOMESTIC.match(text):
            return None
        if _S10.match(text):
            return s10_problem(text, {"CN"})
        return "邮政/EMS 运单号应为 13 位数字（1 或 9 开头）或 UPU S10 格式（如 EA123456785CN）"

    known = _FORMATS.get(code)
    if known is None:
        # A carrier the shop added itself: no format known, any plain number will do, up to
        # the length whose barcode still fits the narrowest (76 mm) label.
        if re.fullmatch(r"[A-Z0-9-]{6,20}", text):
            return None
        return "运单号应为 6 到 20 位的字母、数字或 -"
    pattern, words = known
    return None if pattern.match(text) else f"{code} 运单号格式应为 {words}"
