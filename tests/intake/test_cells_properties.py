"""Identifier cells: every way an exporter protects a number gives back the same text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
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


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=digits,
    wrap=st.sampled_from(['="{}"', "\t{}", "'{}", "{}"]),
    encoding=st.sampled_from(["gb18030", "utf-8-sig", "utf-8"]),
)
def test_imported_order_number_is_exactly_the_exported_one(db, tmp_path, number, wrap, encoding):
    from intake_samples import taobao_item, taobao_order, taobao_pair
    from sqlalchemy import select

    from app.db.models import Order
    from app.intake.service import import_files

    cell = wrap.format(number)
    paths = taobao_pair(
        tmp_path,
        [taobao_order(number, 订单编号=cell)],
        [taobao_item(number, "CUP-QING")],
        encoding=encoding,
        prefix=f"{encoding}-{len(cell)}-",
    )

    import_files(db, paths)

    with db.reading() as session:
        stored = session.scalars(select(Order.order_no).where(Order.order_no == number)).all()
    assert stored == [number]
