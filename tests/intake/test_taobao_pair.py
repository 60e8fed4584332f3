"""The Taobao order report + item report pair, as a clerk receives it from the seller centre."""

from __future__ import annotations

from decimal import Decimal

import pytest
from intake_samples import (
    TAOBAO_ORDER_HEADER,
    standard_pair,
    taobao_item,
    taobao_order,
    taobao_pair,
    write_csv,
)
from sqlalchemy import func, select

from app.db.models import Order, OrderEvent, OrderLine
from app.errors import FileRefused
from app.intake.errors import ImportCancelled
from app.intake.service import import_files


def _order(db, order_no: str) -> Order:
    with db.reading() as session:
        order = session.scalars(select(Order).where(Order.order_no == order_no)).one()
        order.lines, order.events  # noqa: B018 - load before the session closes
        return order


def _count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(
    "encoding, reported", [("gb18030", "gb18030"), ("utf-8-sig", "utf-8-sig")]
)
def test_pair_in_gbk_and_utf8_bom_gives_exact_orders(db, tmp_path, encoding, reported):
    paths = standard_pair(tmp_path, encoding)

    report = import_files(db, paths)

    assert report.stored == 2 and report.refused == []
    assert set(report.encodings.values()) == {reported}
    order = _order(db, "1914310000010100016")
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in order.lines] == [
        ("CUP-QING", 1, Decimal("39.00")),
        ("CUP-BAI", 1, Decimal("39.00")),
        ("BOX-GIFT", 1, Decimal("40.00")),
    ]
    assert (order.recipient, order.phone) == ("林小雨", "13900000001")
    assert order.paid is True and order.paid_total == Decimal("128.00")
    assert order.platform == "taobao" and order.source_file == "ExportOrderList.csv"


def test_address_is_split_into_parts_and_postcode(db, tmp_path):
    import_files(db, standard_pair(tmp_path))

    hz = _order(db, "1914310000010100016")
    assert (hz.province, hz.city, hz.district) == ("浙江省", "杭州市", "西湖区")
    assert hz.address_detail == "文三路 100号 星河小区3幢"
    assert hz.postcode == "310012"
    bj = _order(db, "2023112200000000001")
    assert (bj.province, bj.city, bj.district, bj.postcode) == (
        "北京市",
        "北京市",
        "朝阳区",
        "100022",
    )


def test_leading_zero_of_upc_sku_is_kept(db, tmp_path):
    import_files(db, standard_pair(tmp_path))

    assert _order(db, "2023112200000000001").lines[0].sku == "012345678905"


def test_new_order_arrives_as_new_at_its_platform_time(db, tmp_path):
    import_files(db, standard_pair(tmp_path))

    order = _order(db, "1914310000010100016")
    assert order.status == "new"
    assert [(e.to_status, e.user) for e in order.events] == [("new", "tester")]
    assert order.events[0].at.isoformat() == "2026-11-30T02:15:02+00:00"


def test_reimport_changes_nothing(db, tmp_path):
    paths = standard_pair(tmp_path)
    import_files(db, paths)
    counts = (_count(db, Order), _count(db, OrderLine), _count(db, OrderEvent))

    again = import_files(db, paths)

    assert (again.stored, again.updated, again.unchanged) == (0, 0, 2)
    assert (_count(db, Order), _count(db, OrderLine), _count(db, OrderEvent)) == counts


def test_e_notation_order_number_refuses_that_row_only(db, tmp_path):
    orders = [taobao_order("1914310000010100016"), taobao_order("x", 订单编号="3.71291E+18")]
    items = [taobao_item("1914310000010100016", "CUP-QING")]
    paths = taobao_pair(tmp_path, orders, items)

    report = import_files(db, paths)

    assert report.stored == 1
    [refused] = report.refused
    assert (refused.file, refused.row, refused.column) == ("ExportOrderList.csv", 3, "订单编号")
    assert str(refused) == (
        "ExportOrderList.csv 第3行 「订单编号」列: 「3.71291E+18」是科学计数法，"
        "已被电子表格损坏，请从平台重新导出原始文件"
    )


def test_e_notation_phone_refuses_the_row(db, tmp_path):
    orders = [taobao_order("1914310000010100016", 联系手机="1.39E+10")]
    paths = taobao_pair(tmp_path, orders, [taobao_item("1914310000010100016", "CUP-QING")])

    report = import_files(db, paths)

    assert report.stored == 0
    assert [(r.row, r.column) for r in report.refused] == [(2, "联系手机")]


def test_order_number_stays_exact_next_to_blank_cells(db, tmp_path):
    orders = [taobao_order("1914310000010100016"), taobao_order("", 订单编号="")]
    paths = taobao_pair(tmp_path, orders, [taobao_item("1914310000010100016", "CUP-QING")])

    report = import_files(db, paths)

    assert _order(db, "1914310000010100016").order_no == "1914310000010100016"
    assert [(r.row, r.reason) for r in report.refused] == [(3, "订单编号为空")]


def test_item_without_order_and_order_without_items_are_refused(db, tmp_path):
    orders = [taobao_order("1914310000010100016"), taobao_order("2000000000000000002")]
    items = [
        taobao_item("1914310000010100016", "CUP-QING"),
        taobao_item("2999999999999999999", "CUP-BAI"),
    ]

    report = import_files(db, taobao_pair(tmp_path, orders, items))

    assert report.stored == 1
    reasons = sorted(r.reason for r in report.refused)
    assert reasons == [
        "订单 2000000000000000002 在宝贝报表中没有宝贝",
        "订单 2999999999999999999 不在订单报表中",
    ]


def test_duplicate_rows_of_one_order_are_merged(db, tmp_path):
    orders = [taobao_order("1914310000010100016")] * 2
    items = [taobao_item("1914310000010100016", "CUP-QING")] * 2

    report = import_files(db, taobao_pair(tmp_path, orders, items))

    assert report.stored == 1
    assert [ln.quantity for ln in _order(db, "1914310000010100016").lines] == [1]


def test_pair_with_a_broken_item_report_stores_nothing(db, tmp_path):
    paths = standard_pair(tmp_path)
    paths[1].write_bytes("订单编号,标题\r\n1,杯子\r\n".encode("gb18030"))

    with pytest.raises(FileRefused) as caught:
        import_files(db, paths)

    assert caught.value.file == "ExportOrderDetailList.csv"
    assert "缺少必需的列：购买数量" in str(caught.value)
    assert _count(db, Order) == 0


def test_cancel_stores_nothing(db, tmp_path):
    with pytest.raises(ImportCancelled):
        import_files(db, standard_pair(tmp_path), should_cancel=lambda: True)

    assert _count(db, Order) == 0


def test_progress_is_reported(db, tmp_path):
    seen = []

    import_files(db, standard_pair(tmp_path), on_progress=lambda d, t: seen.append((d, t)))

    assert seen and seen[-1][0] == 2


def test_order_report_alone_needs_no_item_report_but_items_alone_are_refused(db, tmp_path):
    items_only = standard_pair(tmp_path)[1]

    with pytest.raises(FileRefused, match="缺少与之配对的订单报表"):
        import_files(db, [items_only])


def test_header_variant_with_distributor_columns_is_read(db, tmp_path):
    header = [
        h.replace("店铺Id", "分销商Id").replace("店铺名称", "分销商店铺名称")
        for h in TAOBAO_ORDER_HEADER
    ] + ["卡券抵扣", "积分抵扣", "是否是O2O交易"]
    row = taobao_order("1914310000010100016")
    row["分销商店铺名称"] = row.pop("店铺名称")
    write_csv(tmp_path / "orders.csv", header, [row])
    items = write_csv(
        tmp_path / "items.csv",
        ["订单编号", "标题", "价格", "购买数量", "商家编码"],
        [taobao_item("1914310000010100016", "CUP-QING")],
    )

    report = import_files(db, [tmp_path / "orders.csv", items])

    assert report.stored == 1
