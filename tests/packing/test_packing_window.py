"""The packing window driven by key clicks, as a scanner would type."""

from __future__ import annotations

from decimal import Decimal

import pytest
from packing_fixtures import MUG, TEA, UNKNOWN, VASE, make_order, make_products
from PySide6.QtCore import Qt

from app.packing.boxes import add_packaging
from ui.windows.packing import PackingWindow


@pytest.fixture
def window(db, qtbot):
    make_products(db)
    make_order(
        db,
        "3904000000000000001",
        [("MUG-01", 2), ("TEA-02", 1)],
        remarks=[("warn", "买家要求发顺丰"), ("hold", "不应显示的挂起原因")],
    )
    add_packaging(db, "S", "小纸箱", inner_mm=(300, 250, 200), tare=Decimal("0.1"), stock=5)
    w = PackingWindow(db)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _type(qtbot, w: PackingWindow, text: str) -> None:
    qtbot.keyClicks(w.scan_input, text)
    qtbot.keyClick(w.scan_input, Qt.Key.Key_Return)


def test_open_scan_and_pack_with_the_keyboard(window, qtbot) -> None:
    _type(qtbot, window, "3904000000000000001")
    assert window.lines_model.rowCount() == 2
    assert "买家要求发顺丰" in window.remarks.text()
    assert "不应显示" not in window.remarks.text()

    _type(qtbot, window, MUG)
    assert window.status == "good"
    assert window.lines_model.lines()[0].scanned == 1
    _type(qtbot, window, "1")  # quantity for the next scan
    _type(qtbot, window, MUG)
    _type(qtbot, window, TEA)
    assert all(line.done for line in window.lines_model.lines())
    assert "完成" in window.banner.text()
    assert window.scan_input.hasFocus()


def test_wrong_scan_shows_red_banner_and_ticks_nothing(window, qtbot) -> None:
    _type(qtbot, window, "3904000000000000001")
    _type(qtbot, window, UNKNOWN)
    assert window.status == "problem"
    assert "未知条码" in window.banner.text()
    _type(qtbot, window, VASE)
    assert "不是本订单" in window.banner.text()
    _type(qtbot, window, "5032783267860")
    assert "应为 3" in window.banner.text()
    assert [line.scanned for line in window.lines_model.lines()] == [0, 0]


def test_box_weight_and_checklist_from_function_keys(window, qtbot) -> None:
    _type(qtbot, window, "3904000000000000001")
    for code in (MUG, MUG, TEA):
        _type(qtbot, window, code)
    qtbot.keyClick(window.scan_input, Qt.Key.Key_F2)
    assert "已选 S" in window.parcel_info.text()
    _type(qtbot, window, "1.10kg")
    assert window.status == "good"
    for _ in range(4):
        qtbot.keyClick(window.scan_input, Qt.Key.Key_F4)
    qtbot.keyClick(window.scan_input, Qt.Key.Key_F6)
    assert "✔质检" in window.parcel_info.text()
    _type(qtbot, window, "5.0kg")
    assert window.status == "problem"
    assert "主管" in window.banner.text()


def test_clerk_counts_for_the_day(window, qtbot) -> None:
    _type(qtbot, window, "3904000000000000001")
    _type(qtbot, window, MUG)
    _type(qtbot, window, UNKNOWN)
    qtbot.waitUntil(lambda: "错扫 1 次" in window.stats.text(), timeout=2000)


def test_waybill_prints_automatically_only_when_the_desk_says_so(
    window, qtbot, monkeypatch, tmp_path
) -> None:
    from app.packing import desk

    printed: list[int] = []
    monkeypatch.setattr(
        desk,
        "print_waybill_to",
        lambda db, order_id, folder: printed.append(order_id) or tmp_path / "w.pdf",
    )
    _type(qtbot, window, "3904000000000000001")
    for code in (MUG, MUG, TEA):
        _type(qtbot, window, code)
    qtbot.keyClick(window.scan_input, Qt.Key.Key_F2)
    _type(qtbot, window, "1.10kg")
    assert printed == []

    desk.set_auto_print(window._db, True)
    _type(qtbot, window, "9kg")  # outside the tolerance: never printed
    assert printed == []
    _type(qtbot, window, "1.10kg")
    assert printed == [window._view.order_id]
    assert "面单已打印" in window.banner.text()


def test_auto_print_setting_is_per_desk(db, monkeypatch) -> None:
    from app.packing import desk

    monkeypatch.setenv("PACKDESK_DESK", "desk-1")
    desk.set_auto_print(db, True)
    assert desk.auto_print_enabled(db)
    monkeypatch.setenv("PACKDESK_DESK", "desk-2")
    assert not desk.auto_print_enabled(db)


def test_f12_writes_the_packing_slip(window, qtbot) -> None:
    from app.config import data_dir

    _type(qtbot, window, "3904000000000000001")
    _type(qtbot, window, MUG)
    qtbot.keyClick(window.scan_input, Qt.Key.Key_F12)
    assert "装箱单已生成" in window.banner.text()
    assert (data_dir() / "packing_slips" / "3904000000000000001.pdf").read_bytes()[:4] == b"%PDF"
