"""Identifier cells: every way an exporter protects a number gives back the same text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.intake.cells import CellError, identifier, normalize_header

digits = st.text(alphabet="0123456789", min_size=1, max_size=24)


@given(digits)
def test_wrapped_identifiers_come_back_exactly(number):
    for cell in (number, f'="{number}"', f"\t{number}", f"'{number}", f" {number} "):
        assert identifier(cell) == number


@pytest.mark.parametrize("cell", ["3.71291E+18", "1.91431E18", "6.90123e+12", "13900000001.0"])
def test_spreadsheet_damage_is_refused(cell):
    with pytest.raises(CellError):
        identifier(cell)


def test_full_and_half_width_brackets_match():
    assert normalize_header("\ufeff商家实收金额（元）") == normalize_header("商家实收金额(元)")
