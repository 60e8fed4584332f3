"""Weights and scan counts too big, too small or negative are refused with a message.

`pack ORDER --weight 99999999999999999999999` and `--scan '99999999999999999999*EAN'` ended
in "OverflowError: Python int too large to convert to SQLite INTEGER"; `--weight 0.0001` was
stored as 0 g and the label printed 重量：—; `-1*EAN` was looked up as a barcode.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from packing_fixtures import MUG, TEA, seeded_order
from sqlalchemy import func, select

from app.db.models import Order, ScanEvent, Shipment
from app.packing import scale
from app.packing.scan_codes import parse_scan
from app.packing.service import scan
from app.packing.weighing import WeightRefused, parse_weight
from main import main

ORDER_NO = "3912000000000000001"


@pytest.fixture
def order_id(db, db_url, capsys) -> int:
    oid = seeded_order(db, db_url, ORDER_NO)
    capsys.readouterr()
    return oid


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("99999999999999999999999", "重量过大：一个包裹最多 1000 kg"),
        ("1000.001", "重量过大"),
        ("1e999999", "重量过大"),
        ("0.0001", "重量不足 1 克"),
        ("0.0004kg", "重量不足 1 克"),
        ("1e-999999", "重量不足 1 克"),
        ("0", "重量必须大于 0"),
    ],
)
def test_a_weight_out_of_range_or_under_a_gram_is_refused(typed, words) -> None:
    with pytest.raises(WeightRefused) as refused:
        parse_weight(typed)
    assert words in str(refused.value) and typed in str(refused.value)


def test_the_limits_themselves_are_weights() -> None:
    assert parse_weight("1000") == Decimal("1000.000")
    assert parse_weight("0.0005") == Decimal("0.001")


@pytest.mark.parametrize("line", ["ST,GS,+  0.0004kg", "ST,GS,+ 99999999999999 kg"])
def test_a_scale_reading_under_a_gram_or_absurdly_heavy_is_refused(line) -> None:
    with pytest.raises(WeightRefused, match="秤读数"):
        scale.parse_scale_line(line)


@pytest.mark.parametrize("weight", ["99999999999999999999999", "0.0001"])
def test_pack_refuses_the_weight_before_any_scan(order_id, db, db_url, capsys, weight) -> None:
    argv = ["--db", db_url, "pack", ORDER_NO, "--scan", MUG, "--scan", TEA, "--weight", weight]
    assert main(argv) == 3

    err = capsys.readouterr().err
    assert "重量" in err and weight in err and "Traceback" not in err
    with db.reading() as session:
        assert session.scalar(select(func.count(ScanEvent.id))) == 0
        assert session.scalar(select(Shipment.weight).join(Order)) is None


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (f"{'9' * 20}*{MUG}", "数量过大"),
        (f"{'9' * 5000}*{MUG}", "数量过大"),
        (f"-1*{MUG}", "数量必须大于 0"),
        (f"0*{MUG}", "数量必须大于 0"),
        (f"-{'9' * 30}*{MUG}", "数量必须大于 0"),
    ],
)
def test_an_absurd_or_negative_count_is_refused_and_stored_as_refused(
    order_id, db, raw, reason
) -> None:
    assert reason in parse_scan(raw).error

    result = scan(db, order_id, raw)
    assert not result.accepted and result.reason.startswith(reason)
    with db.reading() as session:
        stored = session.scalars(select(ScanEvent)).one()
    assert not stored.accepted and stored.code == raw[:200]


def test_a_count_with_leading_zeros_is_still_the_count() -> None:
    assert parse_scan(f"00002*{MUG}").quantity == 2


def test_pack_refuses_a_huge_count_with_exit_3(order_id, db_url, capsys) -> None:
    assert main(["--db", db_url, "pack", ORDER_NO, "--scan", f"{'9' * 20}*{MUG}"]) == 3
    captured = capsys.readouterr()
    assert "拒收" in captured.out and "数量过大" in captured.out
    assert "Traceback" not in captured.err


def test_a_negative_count_is_written_with_an_equals_sign(order_id, db_url, capsys) -> None:
    """argparse takes `-1*EAN` after --scan for an option; its message now says what to do."""
    with pytest.raises(SystemExit) as caught:
        main(["--db", db_url, "pack", ORDER_NO, "--scan", f"-1*{MUG}"])
    assert caught.value.code == 2
    assert "--scan：后面要跟一个值（值以 - 开头时，请写成 选项=值）" in capsys.readouterr().err

    assert main(["--db", db_url, "pack", ORDER_NO, f"--scan=-1*{MUG}"]) == 3
    assert "数量必须大于 0" in capsys.readouterr().out
