"""The scale (keyboard lines and a simulated serial port) and the `pack` / `scan-parse`
commands."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import serial
from packing_fixtures import MUG, TEA, UNKNOWN, make_order, make_products

from app.packing import scale
from app.packing.weighing import WeightRefused
from main import main


@pytest.mark.parametrize(
    ("line", "kg"),
    [
        ("ST,GS,+  1.250kg", Decimal("1.250")),
        ("  0.85 kg\r\n", Decimal("0.850")),
        ("W:001250g", Decimal("1.250")),
        ("2,5", Decimal("2.500")),
    ],
)
def test_scale_lines_are_read_in_kg(line: str, kg: Decimal) -> None:
    assert scale.parse_scale_line(line) == kg


@pytest.mark.parametrize("line", ["US,GS,+  1.250kg", "ST,GS,+  0.000kg", "----"])
def test_unstable_zero_or_garbage_readings_are_refused(line: str) -> None:
    with pytest.raises(WeightRefused):
        scale.parse_scale_line(line)


def test_serial_scale_on_a_simulated_port(monkeypatch) -> None:
    """pyserial's loop:// echoes what is written: the 'scale' answers with an unstable then a
    stable reading, and the stable one is taken."""
    real = serial.serial_for_url

    def looped(url, **kwargs):
        port = real(url, **kwargs)
        port.write(b"US,GS,+  1.190kg\r\nST,GS,+  1.205kg\r\n")
        return port

    monkeypatch.setattr(serial, "serial_for_url", looped)
    assert scale.read_serial_scale("loop://", timeout=0.2) == Decimal("1.205")


def test_serial_scale_that_says_nothing_is_an_error() -> None:
    with pytest.raises(WeightRefused):
        scale.read_serial_scale("loop://", timeout=0.05)


@pytest.fixture
def packed_db(db):
    make_products(db)
    make_order(db, "3903000000000000001", [("MUG-01", 1), ("TEA-02", 1)])
    return db


def test_pack_json_reports_each_scan_and_the_state(packed_db, db_url, capsys) -> None:
    status = main(
        [
            "--db",
            db_url,
            "pack",
            "3903000000000000001",
            "--scan",
            MUG,
            "--scan",
            UNKNOWN,
            "--scan",
            TEA,
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert status == 3
    assert [s["accepted"] for s in out["scans"]] == [True, False, True]
    assert "未知条码" in out["scans"][1]["reason"]
    assert out["status"] == "packed"


def test_pack_with_box_and_weight(packed_db, db_url, capsys) -> None:
    from app.packing.boxes import add_packaging

    add_packaging(packed_db, "M", "中纸箱", inner_mm=(300, 250, 200), tare=Decimal("0.2"), stock=5)
    status = main(
        [
            "--db",
            db_url,
            "pack",
            "3903000000000000001",
            "--scan",
            MUG,
            "--scan",
            TEA,
            "--box",
            "M",
            "--weight",
            "0.86",
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert (out["box"], out["weight"], out["weight_state"]) == ("M", "0.860", "ok")
    assert out["volumetric_weight"] == "2.500"


def test_pack_unknown_order_exits_3(packed_db, db_url, capsys) -> None:
    assert main(["--db", db_url, "pack", "nope", "--scan", MUG]) == 3
    assert "nope" in capsys.readouterr().err


def test_scan_parse_shows_ais_and_refuses_bad_check_digit(db_url, capsys) -> None:
    assert main(["--db", db_url, "scan-parse", "]C1(00)123456789012345675", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["symbology"] == "]C1"
    assert out["elements"][0] == {
        "ai": "00",
        "title": "SSCC",
        "value": "123456789012345675",
        "check_ok": True,
    }
    assert main(["--db", db_url, "scan-parse", "5032783267860"]) == 3
    assert "应为 3" in capsys.readouterr().out


def test_packaging_seed_list_and_scan_stats(packed_db, db_url, capsys) -> None:
    assert main(["--db", db_url, "packaging", "seed"]) == 0
    assert main(["--db", db_url, "packaging", "list", "--json"]) == 0
    capsys.readouterr()
    main(["--db", db_url, "pack", "3903000000000000001", "--scan", MUG, "--scan", UNKNOWN])
    capsys.readouterr()
    assert main(["--db", db_url, "scan-stats", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["accepted_scans"], row["refused_scans"], row["wrong_scan_rate"]) == (1, 1, 0.5)


def test_packaging_add_refuses_a_bad_size(db_url, capsys) -> None:
    assert main(["--db", db_url, "packaging", "add", "X", "箱", "--inner", "10x20"]) == 3
    assert "--inner" in capsys.readouterr().err
