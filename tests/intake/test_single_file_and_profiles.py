"""Taobao's order report alone (titles mapped to SKUs once), and generic files via profiles."""

from __future__ import annotations

import pytest
from intake_samples import TAOBAO_ORDER_HEADER, taobao_order, write_csv
from sqlalchemy import select

from app.db.models import Order
from app.errors import BadInput, FileRefused
from app.intake import profiles, title_map
from app.intake.service import import_files

TITLE = "手工陶瓷杯 礼盒装"


def _lines(db, order_no: str) -> list[tuple[str, int]]:
    with db.reading() as session:
        order = session.scalars(select(Order).where(Order.order_no == order_no)).one()
        return [(ln.sku, ln.quantity) for ln in order.lines]


def test_single_file_line_waits_for_mapping_then_mapping_is_remembered(db, tmp_path):
    first = write_csv(
        tmp_path / "a.csv", TAOBAO_ORDER_HEADER, [taobao_order("1914310000010100016")]
    )
    import_files(db, [first])
    assert _lines(db, "1914310000010100016") == [("", 3)]
    assert title_map.unmapped_titles(db) == [TITLE]

    filled = title_map.remember_title(db, TITLE, [("CUP-QING", 1), ("BOX-GIFT", 1)])

    assert filled == 1
    assert _lines(db, "1914310000010100016") == [("CUP-QING", 3), ("BOX-GIFT", 3)]
    second = write_csv(
        tmp_path / "b.csv",
        TAOBAO_ORDER_HEADER,
        [taobao_order("1914310000010100017", 宝贝总数量="2")],
    )
    import_files(db, [second])
    assert _lines(db, "1914310000010100017") == [("CUP-QING", 2), ("BOX-GIFT", 2)]
    assert title_map.unmapped_titles(db) == []


def test_title_mapping_refuses_empty_sku(db):
    with pytest.raises(BadInput):
        title_map.remember_title(db, TITLE, [("", 1)])


GENERIC = ["单号", "姓名", "电话号码", "地址", "货号", "件数", "单价"]


def _generic_file(tmp_path):
    rows = [
        {
            "单号": "WX-0001",
            "姓名": "赵四",
            "电话号码": "13600000005",
            "地址": "江苏省 南京市 玄武区 中山路 1号(210008)",
            "货号": "CUP-QING",
            "件数": "2",
            "单价": "39.00",
        },
        {"单号": "WX-0001", "货号": "BOX-GIFT", "件数": "1", "单价": "40.00"},
    ]
    return write_csv(tmp_path / "wechat.csv", GENERIC, rows, "utf-8")


def test_generic_file_without_profile_is_refused(db, tmp_path):
    with pytest.raises(FileRefused, match="无法识别的表格"):
        import_files(db, [_generic_file(tmp_path)])


def test_saved_profile_is_used_again_for_the_same_header_shape(db, tmp_path):
    path = _generic_file(tmp_path)
    mapping = {
        "order_no": "单号",
        "recipient": "姓名",
        "phone": "电话号码",
        "address": "地址",
        "sku": "货号",
        "quantity": "件数",
        "unit_price": "单价",
    }
    profiles.save_profile(db, "微信订单", mapping, GENERIC)

    report = import_files(db, [path])

    assert report.platform == "generic" and report.stored == 1
    assert _lines(db, "WX-0001") == [("CUP-QING", 2), ("BOX-GIFT", 1)]
    with db.reading() as session:
        order = session.scalars(select(Order)).one()
    assert (order.recipient, order.postcode, order.province) == ("赵四", "210008", "江苏省")
    assert profiles.profile_for_header(db, GENERIC).name == "微信订单"


def test_profile_missing_a_required_field_is_refused(db):
    with pytest.raises(BadInput, match="数量"):
        profiles.save_profile(db, "坏方案", {"order_no": "单号"}, GENERIC)


def test_title_mapping_dialog_fills_open_orders(db, qtbot, tmp_path):
    from ui.dialogs.title_mapping import TitleMappingDialog

    path = write_csv(
        tmp_path / "a.csv", TAOBAO_ORDER_HEADER, [taobao_order("1914310000010100016")]
    )
    import_files(db, [path])
    dialog = TitleMappingDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.titles.item(0).text() == TITLE

    dialog.skus.setText("CUP-QING×2，BOX-GIFT")
    dialog.save()

    assert dialog.message.text() == "已保存，补全了 1 个订单行。"
    assert _lines(db, "1914310000010100016") == [("CUP-QING", 6), ("BOX-GIFT", 3)]
    assert dialog.titles.count() == 0
