"""What `packdesk pack` tells the clerk: Chinese words for scans, filling and weight; a
blocked weight or a refused scan is a failure that says what was (not) stored and what to do.

The seeded shelf proposes box C1 and paper filling (牛皮纸团) for a mug and a tea: the parcel
should weigh 0.35 + 0.30 + 0.08 + 0.05 = 0.78 kg.
"""

from __future__ import annotations

import json
import re

import pytest
from packing_fixtures import MUG, TEA, UNKNOWN, seeded_order

from app.packing.station import parcel_view
from app.packing.weighing import override_weight
from main import main

ORDER_NO = "3911000000000000001"


@pytest.fixture
def order_id(db, db_url, capsys) -> int:
    oid = seeded_order(db, db_url, ORDER_NO)
    capsys.readouterr()
    return oid


def _pack(db_url: str, *options: str) -> int:
    return main(["--db", db_url, "pack", ORDER_NO, *options])


def test_pack_prints_chinese_words_not_codes(order_id, db_url, capsys) -> None:
    """Each scan was marked OK/NO, the filling shown as PAPER and the weight state as `ok`."""
    status = _pack(db_url, "--scan", MUG, "--scan", TEA, "--weight", "0.80")

    out = capsys.readouterr().out
    assert status == 0
    assert [line.split("\t")[0] for line in out.splitlines()[:2]] == ["已收", "已收"]
    assert "填充 牛皮纸团" in out
    assert "重量正常" in out
    assert not {"OK", "NO", "PAPER", "ok"} & set(re.findall(r"[A-Za-z]+", out))


def test_pack_marks_a_refused_scan_in_chinese(order_id, db_url, capsys) -> None:
    _pack(db_url, "--scan", MUG, "--scan", UNKNOWN)

    out = capsys.readouterr().out
    assert [line.split("\t")[0] for line in out.splitlines()[:2]] == ["已收", "拒收"]


def test_blocked_weight_fails_and_says_what_to_do(order_id, db, db_url, capsys) -> None:
    """A weight far from the expected one printed `blocked` and exited 0 with the order shown
    as packed, so a script went on to print a label the desk would refuse."""
    status = _pack(db_url, "--scan", MUG, "--scan", TEA, "--weight", "1.50")

    captured = capsys.readouterr()
    assert status == 3
    assert "重量超差，不能发出" in captured.out
    assert "1.500 kg" in captured.err and "0.780 kg" in captured.err
    assert "重新称重" in captured.err
    assert "主管" in captured.err and "F10" in captured.err

    parcel = override_weight(db, order_id, "主管李", "秤已校准，商品重量登记有误")
    assert parcel.weight_state == "overridden"


def test_blocked_weight_fails_with_json_too(order_id, db_url, capsys) -> None:
    status = _pack(db_url, "--scan", MUG, "--scan", TEA, "--weight", "1.50", "--json")

    captured = capsys.readouterr()
    assert status == 3
    assert json.loads(captured.out)["weight_state"] == "blocked"
    assert "F10" in captured.err


def test_refused_scan_stores_neither_box_nor_weight(order_id, db, db_url, capsys) -> None:
    """A batch with a refused scan exited 3 but had stored `--box` and `--weight`, judged
    against a parcel that was not what the clerk had scanned."""
    status = _pack(
        db_url, "--scan", MUG, "--scan", UNKNOWN, "--box", "C1", "--weight", "0.80", "--json"
    )

    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert status == 3
    assert (out["units_scanned"], out["box"], out["weight"]) == (1, None, None)
    assert "--box C1、--weight 0.80 没有记录" in captured.err
    assert "补扫其余商品" in captured.err
    parcel = parcel_view(db, order_id)
    assert (parcel.box_code, parcel.weight, parcel.weight_state) == ("", None, "")


def test_refused_scan_after_the_last_unit_points_to_the_packing_window(
    order_id, db, db_url, capsys
) -> None:
    """All units scanned, one scan too many: the good scans pack the order, box and weight
    wait for the packing window."""
    status = _pack(db_url, "--scan", MUG, "--scan", TEA, "--scan", TEA, "--weight", "0.80")

    captured = capsys.readouterr()
    assert status == 3
    assert "已打包" in captured.out
    assert "--weight 0.80 没有记录" in captured.err
    assert f"打包窗口打开订单 {ORDER_NO}" in captured.err
    assert parcel_view(db, order_id).weight is None
