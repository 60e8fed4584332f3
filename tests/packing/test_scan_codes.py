"""Scanner strings taken apart: prefixes, check digits, GS1 Application Identifiers."""

from __future__ import annotations

import re

import pytest

from app.packing.scan_codes import (
    AI_TABLE,
    GS,
    ean13_check_digit,
    gs1_check_digit_ok,
    parse_scan,
)


def test_ean13_with_wrong_check_digit_is_refused_with_the_right_digit() -> None:
    parsed = parse_scan("5032783267860")
    assert not parsed.ok
    assert parsed.expected_check_digit == "3"
    assert "应为 3" in parsed.error


def test_ean13_check_digit_function() -> None:
    assert ean13_check_digit("503278326786") == "3"
    assert ean13_check_digit("690123456789") == "2"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("]E05032783267863", "ean13"),
        ("96385074", "ean8"),
        ("036000291452", "upca"),
        ("]C0MUG-01", "text"),
    ],
)
def test_symbology_prefix_is_stripped_and_kind_found(raw: str, kind: str) -> None:
    parsed = parse_scan(raw)
    assert parsed.ok, parsed.error
    assert parsed.kind == kind
    assert not parsed.data.startswith("]")


def test_upca_is_looked_up_as_ean13_too() -> None:
    assert "0036000291452" in parse_scan("036000291452").lookup_codes


def test_sscc_with_valid_check_digit() -> None:
    parsed = parse_scan("(00)123456789012345675")
    assert parsed.ok
    assert parsed.elements[0].ai == "00"
    assert parsed.elements[0].check_ok is True


def test_sscc_with_wrong_check_digit_is_refused() -> None:
    parsed = parse_scan("(00)123456789012345670")
    assert not parsed.ok
    assert "SSCC" in parsed.error


def test_gs1_128_from_scanner_with_group_separators() -> None:
    parsed = parse_scan(f"]C10109501101530003{GS}10AB12{GS}21XYZ9")
    assert parsed.ok
    assert [(e.ai, e.value) for e in parsed.elements] == [
        ("01", "09501101530003"),
        ("10", "AB12"),
        ("21", "XYZ9"),
    ]
    assert parsed.gtin == "09501101530003"
    assert "9501101530003" in parsed.lookup_codes


def test_gs1_weight_ai_with_decimals() -> None:
    parsed = parse_scan("]C101095011015300033103001250")
    assert [(e.ai, e.value) for e in parsed.elements][1] == ("3103", "001250")


def test_unknown_ai_is_an_error_not_a_crash() -> None:
    assert "未知" in parse_scan("]C1230012").error


def test_quantity_prefix_multiplies() -> None:
    parsed = parse_scan("3*6901234567892")
    assert parsed.quantity == 3
    assert parsed.ok


def test_gs1_check_digit_ok_rejects_non_digits() -> None:
    assert not gs1_check_digit_ok("12A4")


def test_ai_table_agrees_with_the_official_gs1_dictionary(realworld) -> None:
    """Every AI in our table has the length and check-digit rule the GS1 dictionary gives."""
    official: dict[str, tuple[int, bool, bool]] = {}
    for line in (realworld / "gs1-syntax-dictionary.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("#")[0].split()
        parts = [f.strip("[]") for f in fields[1:] if re.match(r"^\[?[NXYZ]\.*\d", f)]
        lengths = [int(re.match(r"^[NXYZ]\.*(\d+)", p).group(1)) for p in parts]
        variable = any(".." in p for p in parts)
        csum = "csum" in parts[0]
        first, _, last = fields[0].partition("-")
        for number in range(int(first), int(last or first) + 1):
            official[str(number).zfill(len(first))] = (sum(lengths), variable, csum)
    for ai, ours in AI_TABLE.items():
        total, variable, csum = official[ai]
        assert (ours.fixed is None) == variable, ai
        assert (ours.fixed or ours.max_len) == total, ai
        assert ours.csum == csum, ai
