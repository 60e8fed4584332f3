"""Recipient phone numbers: normalise, then decide whether a courier can call them.

A mobile is valid when it matches ^1[3-9]\\d{9}$ after +86, spaces and dashes are stripped; the
pattern decides, not a prefix table, because new prefixes (192, 196 ...) reach buyers before
the tables are updated. phonenumbers is asked only about landlines (area code + number), and
its carrier/prefix data is a hint in a note, never a reason to reject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Virtual numbers (隐私号) come as 11 digits plus a 4-digit extension: 13900000002-4821, or
# written with 转 / # / ext.
EXTENSION = re.compile(
    r"^(?P<main>\+?[\d\s\-()]+?)\s*(?:-|转|#|ext\.?|分机)\s*(?P<ext>\d{1,6})$", re.IGNORECASE
)
NOISE = re.compile(r"[\s\-()（）]")


@dataclass(frozen=True)
class PhoneResult:
    raw: str
    # Digits only, without +86: "19570230456", "02787654321".
    number: str
    extension: str
    kind: str  # "mobile", "landline" or "" when invalid
    valid: bool
    reason: str  # why it is not valid, in words; "" when valid


def _strip_country(digits: str) -> str:
    if digits.startswith("+86"):
        return digits[3:]
    if digits.startswith("0086"):
        return digits[4:]
    if digits.startswith("86") and len(digits) == 13 and MOBILE.match(digits[2:]):
        return digits[2:]
    return digits


def _landline(digits: str) -> bool:
    if not digits.startswith("0") or not 10 <= len(digits) <= 12:
        return False
    try:
        parsed = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in (
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def normalize_phone(text: str) -> PhoneResult:
    """`+86 195-7023-0456` -> 19570230456 (mobile); `13900000002-4821` keeps 4821 apart."""
    raw = (text or "").strip()
    if not raw:
        return PhoneResult(raw, "", "", "", False, "没有收件人电话")
    if MOBILE.match(raw):
        return PhoneResult(raw, raw, "", "mobile", True, "")

    main, extension = raw, ""
    compact = NOISE.sub("", raw)
    if not (MOBILE.match(_strip_country(compact)) or _landline(_strip_country(compact))):
        if m := EXTENSION.match(raw):
            main, extension = m.group("main"), m.group("ext")

    digits = _strip_country(NOISE.sub("", main))
    if not digits.isdigit():
        return PhoneResult(raw, digits, extension, "", False, f"电话「{raw}」含有非数字字符")
    if MOBILE.match(digits):
        return PhoneResult(raw, digits, extension, "mobile", True, "")
    if _landline(digits):
        return PhoneResult(raw, digits, extension, "landline", True, "")
    if digits.startswith("1"):
        return PhoneResult(
            raw,
            digits,
            extension,
            "",
            False,
            f"手机号「{raw}」应为1开头的11位数字（现为{len(digits)}位）",
        )
    return PhoneResult(
        raw, digits, extension, "", False, f"电话「{raw}」不是有效的手机号，也不是带区号的固话"
    )
