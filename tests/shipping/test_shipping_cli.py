"""The shipping commands: rank, assign, pool import, print waybill/zpl/label, handover."""

from __future__ import annotations

import json

from app.documents.zpl import code128_field
from main import main


def test_carriers_rank_json_lists_price_delivery_date_and_reasons(shop, db_url, capsys):
    shop("9901001", province="西藏自治区", city="阿里地区", district="噶尔县")
    assert main(["--db", db_url, "carriers", "rank", "9901001", "--json"]) == 0
    ranks = json.loads(capsys.readouterr().out)
    assert ranks[0]["carrier"] == "EMS" and ranks[0]["eligible"]
    assert {"price", "expected_delivery", "reasons"} <= set(ranks[0])
    assert [r["rank"] for r in ranks] == list(range(1, 10))


def test_assign_print_and_hand_over_from_the_command_line(
    shop, db_url, tmp_path, capsys, read_pdf
):
    shop("9902001")
    pool = tmp_path / "zto.txt"
    pool.write_text("73100000000041\n", "utf-8")
    assert main(["--db", db_url, "tracking", "pool", "import", "ZTO", str(pool)]) == 0
    assert main(["--db", db_url, "tracking", "assign", "9902001", "--carrier", "ZTO"]) == 0
    assert "73100000000041（号池）" in capsys.readouterr().out

    out = tmp_path / "w.pdf"
    assert (
        main(
            ["--db", db_url, "print", "waybill", "9902001", "--out", str(out), "--size", "100x150"]
        )
        == 0
    )
    assert read_pdf.sizes(out.read_bytes()) == [(283.46, 425.2)]
    zpl = tmp_path / "w.zpl"
    assert (
        main(
            [
                "--db",
                db_url,
                "print",
                "zpl",
                "9902001",
                "--out",
                str(zpl),
                "--reason",
                "热敏机补打",
            ]
        )
        == 0
    )
    assert f"^FD{code128_field('73100000000041')}^FS" in zpl.read_text("utf-8")

    capsys.readouterr()
    assert main(["--db", db_url, "handover", "start", "ZTO"]) == 0
    assert "待交接 1 件" in capsys.readouterr().out
    assert main(["--db", db_url, "handover", "scan", "1", "73100000000041"]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "handover", "start", "zto"]) == 0
    assert "交接单 1: 中通快递 的交接单尚未完成，继续这一张；已扫 1 件" in capsys.readouterr().out
    manifest = tmp_path / "m.pdf"
    assert main(["--db", db_url, "handover", "close", "1", "--out", str(manifest)]) == 0
    assert "发出 1 件" in capsys.readouterr().out


def test_bad_input_exits_3_with_the_reason(shop, db_url, tmp_path, capsys):
    shop("9903001")
    shop("9903002")
    main(
        [
            "--db",
            db_url,
            "tracking",
            "assign",
            "9903001",
            "--carrier",
            "SF",
            "--number",
            "SF1234567890123",
        ]
    )
    code = main(
        [
            "--db",
            db_url,
            "tracking",
            "assign",
            "9903002",
            "--carrier",
            "SF",
            "--number",
            "SF1234567890123",
        ]
    )
    assert code == 3
    assert "已被订单 9903001 使用" in capsys.readouterr().err
    out = tmp_path / "l.pdf"
    assert (
        main(["--db", db_url, "print", "label", "sscc", "123456789012345670", "--out", str(out)])
        == 3
    )
    assert main(["--db", db_url, "print", "label", "sscc", "--new", "2", "--out", str(out)]) == 0


def test_a_waybill_that_cannot_be_written_says_it_is_recorded_and_how_to_reprint(
    shop, db_url, capsys
):
    shop("9903001")
    command = ["--db", db_url, "print", "waybill", "9903001", "--carrier", "ZTO"]
    code = main([*command, "--tracking", "73100000000111", "--out", "/dev/full"])

    err = capsys.readouterr().err
    assert code == 3 and "磁盘空间已满" in err
    assert "面单已记为已打印；解决后请用 packdesk print waybill 订单号 --reason 补打" in err
    assert "Traceback" not in err and "Errno" not in err
