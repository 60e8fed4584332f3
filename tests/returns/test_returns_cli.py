"""`packdesk returns …` from request to refund and exchange, as a script would drive it."""

from __future__ import annotations

import json

from main import main


def _run(db_url: str, capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--db", db_url, "returns", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_return_from_request_to_refund(rshop, db_url, capsys) -> None:
    codes = {sku: rshop.product(sku) for sku in ("X", "Y", "Z")}
    order_no = rshop.shipped_order(
        ("X", 2, "30.00"), ("Y", 2, "20.00"), ("Z", 2, "50.00"), discount="10.00"
    )

    status, out, _ = _run(
        db_url, capsys, "new", order_no, "--line", "Z:1:quality:拉链坏了", "--json"
    )
    assert status == 0
    created = json.loads(out)
    rma_no = created["rma_no"]
    assert created["lines"][0]["reason_label"] == "质量问题"

    status, out, _ = _run(db_url, capsys, "review", rma_no, "--approve", "--reason", "同意退货")
    assert status == 0 and "已同意" in out

    status, out, err = _run(
        db_url,
        capsys,
        "receive",
        rma_no,
        "--scan",
        codes["Z"],
        "--scan",
        codes["X"],
        "--grade",
        "Z:resellable",
    )
    assert status == 1 and "1 件意外物品已登记" in err
    assert "已检验" in out

    status, out, _ = _run(db_url, capsys, "refund", rma_no, "--json")
    refund = json.loads(out)
    assert status == 0
    assert refund["lines"] == [
        {
            "sku": "Z",
            "ordered": 2,
            "unit_price": "50.00",
            "gross": "100.00",
            "discount_share": "5.00",
            "paid": "95.00",
            "units": 1,
            "refund": "47.50",
        }
    ]
    assert refund["total"] == "47.50"

    status, out, _ = _run(db_url, capsys, "--json")
    assert [(r["rma_no"], r["state"]) for r in json.loads(out)] == [(rma_no, "refunded")]


def test_exchange_from_the_command_line(rshop, db_url, capsys) -> None:
    code = rshop.product("SHOE-42")
    order_no = rshop.shipped_order(("SHOE-42", 1, "199.00"))
    _, out, _ = _run(db_url, capsys, "new", order_no, "--line", "SHOE-42:1:质量问题", "--json")
    rma_no = json.loads(out)["rma_no"]
    _run(db_url, capsys, "review", rma_no, "--approve", "--reason", "同意换货")
    _run(db_url, capsys, "receive", rma_no, "--scan", code, "--grade", "SHOE-42:可再售")

    status, out, _ = _run(db_url, capsys, "exchange", rma_no)
    assert status == 0 and f"{order_no}-EX1" in out


def test_bad_input_exits_3_and_says_where(rshop, db_url, capsys) -> None:
    rshop.product("X")
    order_no = rshop.shipped_order(("X", 1, "30.00"))

    status, _, err = _run(db_url, capsys, "new", order_no, "--line", "X:1:不喜欢")
    assert status == 3 and "不认识「不喜欢」" in err
    status, _, err = _run(db_url, capsys, "new", order_no, "--line", "X:2:quality")
    assert status == 3 and "第 1 行 X" in err and "最多还能退 1 件" in err


def test_a_bad_grade_stores_nothing_and_a_retry_counts_once(rshop, db_url, capsys) -> None:
    """`receive --scan Z --grade Z:bogus` exited 3 but had already stored the scanned unit,
    so the retry with a valid grade recorded Z a second time as an unexpected extra unit."""
    code = rshop.product("Z")
    order_no = rshop.shipped_order(("Z", 1, "50.00"))
    _, out, _ = _run(db_url, capsys, "new", order_no, "--line", "Z:1:quality", "--json")
    rma_no = json.loads(out)["rma_no"]
    _run(db_url, capsys, "review", rma_no, "--approve", "--reason", "同意")

    status, _, err = _run(db_url, capsys, "receive", rma_no, "--scan", code, "--grade", "Z:好")
    assert status == 3 and "--grade Z:好" in err and "不认识「好」" in err
    _, out, _ = _run(db_url, capsys, "show", rma_no, "--json")
    assert json.loads(out)["units"] == [] and json.loads(out)["state"] == "approved"

    status, out, err = _run(
        db_url, capsys, "receive", rma_no, "--scan", code, "--grade", "Z:resellable"
    )
    assert status == 0 and "意外" not in err
    _, out, _ = _run(db_url, capsys, "show", rma_no, "--json")
    assert [u["expected"] for u in json.loads(out)["units"]] == [True]


def test_a_garbage_scan_is_bad_input(rshop, db_url, capsys) -> None:
    """`receive --scan garbage` stored a phantom unexpected unit and exited 1 instead of
    refusing the unreadable code with exit 3."""
    rshop.product("Z")
    order_no = rshop.shipped_order(("Z", 1, "50.00"))
    _, out, _ = _run(db_url, capsys, "new", order_no, "--line", "Z:1:quality", "--json")
    rma_no = json.loads(out)["rma_no"]

    for bad in ("garbage", "6900000000000"):
        status, _, err = _run(db_url, capsys, "receive", rma_no, "--scan", bad)
        assert status == 3 and f"--scan {bad}" in err
    _, out, _ = _run(db_url, capsys, "show", rma_no, "--json")
    assert json.loads(out)["units"] == []


def test_a_second_refund_says_when_it_was_refunded(rshop, db_url, capsys) -> None:
    """A second `returns refund` exited 1 with 「不能从「已退款」变为「已退款」」 instead of a
    bad-input message saying the return was already refunded, and when."""
    code = rshop.product("Z")
    order_no = rshop.shipped_order(("Z", 1, "50.00"))
    _, out, _ = _run(db_url, capsys, "new", order_no, "--line", "Z:1:quality", "--json")
    rma_no = json.loads(out)["rma_no"]
    _run(db_url, capsys, "review", rma_no, "--approve", "--reason", "同意")
    _run(db_url, capsys, "receive", rma_no, "--scan", code, "--grade", "Z:resellable")
    assert _run(db_url, capsys, "refund", rma_no)[0] == 0

    status, _, err = _run(db_url, capsys, "refund", rma_no)
    assert status == 3 and "已于 " in err and "退款 50.00 元" in err and "不能重复退款" in err
