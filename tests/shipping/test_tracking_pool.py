"""The number pool takes a file whole or not at all, and never hands out a spent number."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.models.carriers import TrackingPoolNumber
from app.documents.waybill import render_waybills
from app.errors import FileRefused
from app.shipping.catalogue_edit import add_carrier
from app.shipping.handover import scan_parcel, start_handover
from app.shipping.print_queue import void_waybill
from app.shipping.tracking import assign_tracking_number
from app.shipping.tracking_pool import PoolFileRefused, import_pool, pool_status
from main import main


def _voided(shop, order_no: str, number: str) -> None:
    """A waybill printed with `number` and voided: the number is retired for good."""
    shop(order_no)
    render_waybills(shop.db, [order_no], tracking=number, carrier="SF")
    void_waybill(shop.db, order_no, "打印错位")


def _pool(db) -> list[tuple[str, bool]]:
    with db.reading() as session:
        rows = session.execute(
            select(TrackingPoolNumber.number, TrackingPoolNumber.used_at.is_not(None)).order_by(
                TrackingPoolNumber.id
            )
        )
        return [(number, bool(used)) for number, used in rows]


def test_a_voided_or_used_number_is_refused_at_import_naming_its_line(shop, tmp_path):
    """Importing a voided number reported it as 新增, and later it jammed every draw."""
    _voided(shop, "3301001", "SF1181908120563")
    shop("3301002")
    assign_tracking_number(shop.db, "3301002", "SF", "SF1000000000077")
    file = tmp_path / "void.txt"
    file.write_text("SF1000000000001\nSF1181908120563\nSF1000000000077\n", "utf-8")

    with pytest.raises(PoolFileRefused) as refused:
        import_pool(shop.db, "SF", file)

    assert refused.value.lines == (
        (2, "SF1181908120563", "已作废（原订单 3301001），不能再用"),
        (3, "SF1000000000077", "已被订单 3301002 使用"),
    )
    assert f"{file} 第 2 行 SF1181908120563: 已作废（原订单 3301001）" in str(refused.value)
    assert _pool(shop.db) == []


def test_a_draw_passes_over_a_spent_pool_number_and_marks_it_used(shop):
    """A voided number already in the pool (imported before the import refused it) made every
    later draw fail with 已作废, although good numbers sat behind it."""
    _voided(shop, "3302001", "SF1000000000011")
    shop("3302002")
    assign_tracking_number(shop.db, "3302002", "SF", "SF1000000000012")
    with shop.db.transaction() as session:
        for number in ("SF1000000000011", "SF1000000000012", "SF1000000000013"):
            session.add(TrackingPoolNumber(carrier_code="SF", number=number))

    shop("3302003")
    result = assign_tracking_number(shop.db, "3302003", "SF")

    assert (result.tracking_no, result.from_pool, result.pool_left) == (
        "SF1000000000013",
        True,
        0,
    )
    assert _pool(shop.db) == [
        ("SF1000000000011", True),
        ("SF1000000000012", True),
        ("SF1000000000013", True),
    ]


def test_one_bad_line_refuses_the_whole_file_and_lists_every_bad_line(
    shop, db_url, tmp_path, capsys
):
    """One bad line among good ones stored the good lines and exited 0."""
    file = tmp_path / "zto.txt"
    file.write_text("73100000000001\nSF123\n73100000000002\n7310000000000X\n", "utf-8")

    assert main(["--db", db_url, "tracking", "pool", "import", "ZTO", str(file)]) == 3

    err = capsys.readouterr().err
    assert "有 2 行不能导入，整个文件都没有导入" in err
    assert f"{file} 第 2 行 SF123: ZTO 运单号格式应为" in err
    assert f"{file} 第 4 行 7310000000000X: ZTO 运单号格式应为" in err
    assert _pool(shop.db) == []


@pytest.mark.parametrize("text", ["", "\n\n", "# 中通 2026-12\n   \n# 空的\n"])
def test_a_file_without_numbers_is_refused(shop, db_url, tmp_path, capsys, text):
    file = tmp_path / "zto.txt"
    file.write_text(text, "utf-8")
    assert main(["--db", db_url, "tracking", "pool", "import", "ZTO", str(file)]) == 3
    assert f"{file}: 文件里没有运单号（只有空行或 # 注释）" in capsys.readouterr().err
    with pytest.raises(FileRefused, match="没有运单号"):
        import_pool(shop.db, "ZTO", file)


def test_a_gbk_file_from_notepad_is_read(shop, tmp_path):
    """A GBK file (Chinese Windows Notepad) was refused as "不是 UTF-8 编码"."""
    file = tmp_path / "中通.txt"
    file.write_bytes("# 中通快递 十二月 运单号\n73100000000001，备注：一号仓\n".encode("gbk"))

    report = import_pool(shop.db, "ZTO", file)

    assert (report.added, report.encoding) == (1, "gb18030")
    assert _pool(shop.db) == [("73100000000001", False)]


def test_full_width_numbers_are_stored_in_plain_letters(shop, tmp_path):
    """Typed with the input method in full-width mode, ＳＦ１２３… was refused as a bad format."""
    file = tmp_path / "sf.txt"
    file.write_text("ＳＦ１０００００００００００１\nSF 1000 0000 0000 2\t备注\n", "utf-8")
    assert import_pool(shop.db, "SF", file).added == 2

    shop("3306001")
    typed = assign_tracking_number(shop.db, "3306001", "SF", "ＳＦ１２３４５６７８９０１２３")
    assert typed.tracking_no == "SF1234567890123"
    assert _pool(shop.db) == [("SF1000000000001", False), ("SF1000000000002", False)]


def test_a_number_in_another_carriers_pool_is_refused(shop, tmp_path):
    """The shop's own carrier has no format, so only the pool can tell the number is taken."""
    file = tmp_path / "numbers.txt"
    file.write_text("DPK123456789012\n", "utf-8")
    import_pool(shop.db, "DBL", file)
    add_carrier(shop.db, "KYE", "跨越速运")
    with pytest.raises(PoolFileRefused, match="第 1 行 DPK123456789012: 已在 DBL 的运单号池中"):
        import_pool(shop.db, "KYE", file)
    assert [(p.carrier, p.left) for p in pool_status(shop.db)] == [("DBL", 1)]


def test_a_used_up_pool_still_shows_in_the_pool_status(shop, tmp_path):
    """pool_status counted unused numbers only, so a carrier that ran out dropped off the list."""
    file = tmp_path / "sf.txt"
    file.write_text("SF1000000000001\n", "utf-8")
    import_pool(shop.db, "SF", file)
    shop("3308001")
    assign_tracking_number(shop.db, "3308001", "SF")
    assert [(p.carrier, p.left, p.low) for p in pool_status(shop.db)] == [("SF", 0, True)]


def test_a_full_width_scan_at_handover_finds_the_parcel(shop):
    """The handover scan reads numbers through the same normalise as assign and import."""
    shop("3309001")
    render_waybills(shop.db, ["3309001"], tracking="SF1000000000091", carrier="SF")
    started = start_handover(shop.db, "SF")
    outcome = scan_parcel(shop.db, started.id, "ＳＦ１００００００００００９１")
    assert (outcome.order_no, outcome.tracking_no) == ("3309001", "SF1000000000091")
