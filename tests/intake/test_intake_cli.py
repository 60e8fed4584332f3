"""`packdesk import` and `packdesk catalog import` on the command line."""

from __future__ import annotations

import csv
import json

from intake_samples import standard_pair, taobao_item, taobao_order, taobao_pair

from main import main


def test_import_json_report(db_url, tmp_path, capsys):
    paths = [str(p) for p in standard_pair(tmp_path)]

    assert main(["--db", db_url, "import", *paths, "--json"]) == 0

    out = json.loads(capsys.readouterr().out)
    assert out["encoding"] == "gb18030"
    assert (out["stored"], out["updated"], out["unchanged"], out["refused"]) == (2, 0, 0, [])


def test_import_refused_row_in_json_and_report_csv(db_url, tmp_path, capsys):
    orders = [taobao_order("1914310000010100016"), taobao_order("x", 订单编号="3.71291E+18")]
    paths = taobao_pair(tmp_path, orders, [taobao_item("1914310000010100016", "CUP-QING")])
    report_csv = tmp_path / "report.csv"

    code = main(
        [
            "--db",
            db_url,
            "import",
            *map(str, paths),
            "--platform",
            "taobao",
            "--report",
            str(report_csv),
            "--json",
        ]
    )

    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["refused"] == [
        {
            "file": "ExportOrderList.csv",
            "row": 3,
            "column": "订单编号",
            "reason": "「3.71291E+18」是科学计数法，已被电子表格损坏，请从平台重新导出原始文件",
        }
    ]
    rows = list(csv.reader(report_csv.open(encoding="utf-8-sig")))
    assert rows[0] == ["文件", "行", "订单号", "结果", "列", "原因"]
    assert rows[1][:4] == ["ExportOrderList.csv", "2", "1914310000010100016", "已保存"]
    assert rows[2][:5] == ["ExportOrderList.csv", "3", "", "已拒绝", "订单编号"]


def test_orders_json_shows_identifiers_exactly_as_imported(db_url, tmp_path, capsys):
    main(["--db", db_url, "import", *map(str, standard_pair(tmp_path))])
    capsys.readouterr()

    assert main(["--db", db_url, "orders", "--json"]) == 0

    orders = {o["order_no"]: o for o in json.loads(capsys.readouterr().out)}
    assert orders["2023112200000000001"]["lines"][0]["sku"] == "012345678905"
    assert orders["1914310000010100016"]["postcode"] == "310012"


def test_bad_file_exits_3_with_file_name_on_stderr(db_url, tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")

    assert main(["--db", db_url, "import", str(empty)]) == 3

    assert "empty.csv: 文件是空的" in capsys.readouterr().err


def test_catalog_import_json(db_url, tmp_path, capsys):
    path = tmp_path / "p.csv"
    path.write_text(
        "SKU,barcode,name,spec,price,weight,fragile\r\nCUP,012345678905,杯,,9.90,0.3,yes\r\n",
        "utf-8-sig",
    )

    assert main(["--db", db_url, "catalog", "import", str(path), "--json"]) == 0

    out = json.loads(capsys.readouterr().out)
    assert (out["added"], out["format"], out["encoding"]) == (1, "packdesk", "utf-8-sig")


def test_catalog_import_of_binary_file_exits_3(db_url, tmp_path, capsys):
    path = tmp_path / "p.csv"
    path.write_bytes(b"\x00\x01\x02binary")

    assert main(["--db", db_url, "catalog", "import", str(path)]) == 3
    assert "p.csv" in capsys.readouterr().err


def test_impossible_money_and_quantities_are_refused_by_row(db_url, tmp_path, capsys):
    """`NaN`/`inf` money raised a ValueError traceback, a 21-digit quantity an OverflowError,
    and negative or zero quantities and negative amounts were stored; each must be a refused
    row with file, row and column, like any other bad cell."""
    orders = [
        taobao_order("1914310000010100016"),
        taobao_order("1914310000010100017", 买家实际支付金额="NaN"),
        taobao_order("1914310000010100018", 买家实际支付金额="-5.00"),
        taobao_order("1914310000010100019"),
        taobao_order("1914310000010100020"),
        taobao_order("1914310000010100021"),
        taobao_order("1914310000010100022"),
    ]
    items = [
        taobao_item("1914310000010100016", "CUP-QING", "1"),
        taobao_item("1914310000010100017", "CUP-QING", "1"),
        taobao_item("1914310000010100018", "CUP-QING", "1"),
        taobao_item("1914310000010100019", "CUP-QING", "1", price="inf"),
        taobao_item("1914310000010100020", "CUP-QING", "999999999999999999999"),
        taobao_item("1914310000010100021", "CUP-QING", "-1"),
        taobao_item("1914310000010100022", "CUP-QING", "0"),
    ]
    paths = taobao_pair(tmp_path, orders, items)

    code = main(["--db", db_url, "import", *map(str, paths), "--platform", "taobao", "--json"])

    captured = capsys.readouterr()
    assert code == 0 and "Traceback" not in captured.err
    out = json.loads(captured.out)
    assert out["stored"] == 1
    reasons = {(r["column"], r["reason"]) for r in out["refused"]}
    assert ("买家实际支付金额", "「NaN」不是金额") in reasons
    assert ("买家实际支付金额", "「-5.00」是负数金额") in reasons
    assert ("价格", "「inf」不是金额") in reasons
    assert any(c == "购买数量" and "数量过大" in r for c, r in reasons)
    assert ("购买数量", "「-1」数量必须大于 0") in reasons
    assert ("购买数量", "「0」数量必须大于 0") in reasons
    assert all(r["file"] and r["row"] for r in out["refused"])
