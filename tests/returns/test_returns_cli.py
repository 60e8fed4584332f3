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
