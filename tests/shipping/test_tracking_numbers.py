"""Tracking-number formats: each carrier's own, the S10 check digit, and the overlaps."""

from __future__ import annotations

import json

import pytest

from app.shipping.tracking_numbers import check_tracking_number, normalise, s10_problem


@pytest.mark.parametrize(
    ("carrier", "number"),
    [
        ("SF", "SF1234567890123"),
        ("JD", "JDVA00012345678"),
        ("DBL", "DPK123456789012"),
        ("ZTO", "73123456789012"),
        ("YTO", "YT1234567890123"),
        ("STO", "773123456789012"),
        ("YD", "312345678901234"),
        ("JT", "JT1234567890123"),
        ("EMS", "9812345678901"),
        ("EMS", "EA123456785CN"),
    ],
)
def test_numbers_in_the_carriers_format_pass(carrier, number):
    assert check_tracking_number(carrier, number) is None


def test_wrong_formats_say_what_was_expected():
    assert "SF 加 13 位数字" in check_tracking_number("SF", "SF12345")
    assert "DPK" in check_tracking_number("DBL", "DP1234567890123")
    assert "校验位应为 5" in check_tracking_number("EMS", "EA123456786CN")


def test_yunda_and_sto_overlap_so_the_number_never_decides_the_carrier():
    number = "432109876543210"
    assert check_tracking_number("YD", number) is None
    assert check_tracking_number("STO", number) is None


def test_s10_against_the_real_upu_test_numbers(realworld):
    data = json.loads((realworld / "s10_tracking.json").read_text("utf-8"))
    entry = data["tracking_numbers"][0]
    issuers = {
        row["matches"]
        for extra in entry["additional"]
        if extra["name"] == "Courier"
        for row in extra["lookup"]
    }
    assert entry["validation"]["checksum"]["weightings"] == [8, 6, 4, 2, 3, 5, 9, 7]
    for number in entry["test_numbers"]["valid"]:
        assert s10_problem(number, issuers) is None, number
    for number in entry["test_numbers"]["invalid"]:
        assert s10_problem(number, issuers) is not None, number


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ＳＦ１２３４５６７８９０１２３", "SF1234567890123"),
        ("ｓｆ　1234 5678 90123", "SF1234567890123"),
        ("\ufeffSF1234567890123\u200b", "SF1234567890123"),
        ("ＤＰＫ－１２", "DPK-12"),
    ],
)
def test_full_width_and_invisible_characters_are_normalised(typed, read):
    """A full-width number (input method in full-width mode) failed every format check."""
    assert normalise(typed) == read


def test_a_full_width_number_passes_the_format_check():
    assert check_tracking_number("SF", "ＳＦ１２３４５６７８９０１２３") is None
    assert check_tracking_number("EMS", "ＥＡ１２３４５６７８５ＣＮ") is None
