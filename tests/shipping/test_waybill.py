"""Printing waybills: exact pages, embedded font, decodable barcodes, and the order labelled."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.models import Order, Shipment
from app.db.models.carriers import WaybillPrint
from app.documents.waybill import render_waybills
from app.errors import BadInput
from app.shipping.stops import ParcelStopped
from app.shipping.tracking_pool import import_pool

SIZES_PT = {
    "76x130": (215.43, 368.5),
    "100x150": (283.46, 425.2),
    "100x180": (283.46, 510.24),
    "100x210": (283.46, 595.28),
}


def _state(db, order_no):
    with db.reading() as session:
        order = session.scalar(select(Order).where(Order.order_no == order_no))
        shipment = session.scalar(select(Shipment).where(Shipment.order_id == order.id))
        return order.status, shipment


def test_waybill_shows_recipient_sender_order_and_a_decodable_tracking_barcode(shop, read_pdf):
    shop("3301001", remark="请发顺丰")
    pdf = render_waybills(shop.db, ["3301001"], tracking="SF1234567890123")

    assert read_pdf.sizes(pdf) == [SIZES_PT["100x180"]]
    text = read_pdf.text(pdf)[0]
    for expected in (
        "林晓雯",
        "13900000001",
        "广东省深圳市南山区科技园南路88号",
        "青禾小铺",
        "3301001",
        "蓝牙耳机 黑色 ×2",
        "SF1234567890123",
        "已验视",
        "顺丰速运",
    ):
        assert expected in text
    assert b"/FontFile2" in pdf

    found = read_pdf.barcodes(read_pdf.pages_png(pdf)[0])
    # The main barcode and the second, smaller one on the recipient's part.
    assert found.count(("Code128", "SF1234567890123")) == 2

    status, shipment = _state(shop.db, "3301001")
    assert status == "labelled"
    assert shipment.tracking_no == "SF1234567890123" and shipment.carrier == "SF"
    assert shipment.waybill_printed_at is not None


# The main barcode plus the smaller one on each further part (the three-part has two).
BARCODES_PER_LABEL = {"76x130": 2, "100x150": 2, "100x180": 2, "100x210": 3}


@pytest.mark.parametrize("size", list(SIZES_PT))
def test_every_template_is_exactly_its_size_and_its_barcodes_decode(shop, read_pdf, size):
    shop("3302001", remark="麻烦走京东")
    pdf = render_waybills(shop.db, ["3302001"], tracking="JDVA00012345678", size=size)
    assert read_pdf.sizes(pdf) == [SIZES_PT[size]]
    # TODO: the small barcodes of the two- and three-part labels do not decode from a 150 dpi
    # render (a screen or office scan); at the thermal printers' 203 and 300 dpi they all do.
    for dpi in (203, 300):
        found = read_pdf.barcodes(read_pdf.pages_png(pdf, scale=dpi / 72)[0])
        assert found == [("Code128", "JDVA00012345678")] * BARCODES_PER_LABEL[size], dpi


def test_masking_hides_the_middle_of_name_and_phone_but_not_the_address(shop, read_pdf):
    shop("3303001", recipient="张小三", phone="13900000001")
    pdf = render_waybills(
        shop.db, ["3303001"], tracking="SF1234567890124", mask=True, carrier="SF"
    )
    text = read_pdf.text(pdf)[0]
    assert "张*三" in text and "139****0001" in text
    assert "张小三" not in text and "13900000001" not in text
    assert "科技园南路88号" in text


def test_reprint_keeps_the_number_and_is_recorded(shop):
    shop("3304001")
    render_waybills(shop.db, ["3304001"], tracking="SF1234567890125", carrier="SF")
    with pytest.raises(BadInput, match="重新打印请写明原因"):
        render_waybills(shop.db, ["3304001"])
    render_waybills(shop.db, ["3304001"], reason="卷纸卡住")
    with shop.db.reading() as session:
        prints = session.scalars(select(WaybillPrint).order_by(WaybillPrint.id)).all()
        assert [(p.action, p.tracking_no, p.reason) for p in prints] == [
            ("print", "SF1234567890125", ""),
            ("reprint", "SF1234567890125", "卷纸卡住"),
        ]


def test_an_order_not_yet_packed_is_refused_and_unchanged(shop):
    shop("3305001", status="verified")
    with pytest.raises(BadInput, match="打包完成后才能打印"):
        render_waybills(shop.db, ["3305001"], tracking="SF1234567890126", carrier="SF")
    assert _state(shop.db, "3305001")[0] == "verified"


def test_an_order_on_the_stop_list_is_not_printed(shop):
    from app.intake import stop_list

    shop("3306001")
    with shop.db.transaction() as session:
        order = session.scalar(select(Order).where(Order.order_no == "3306001"))
        stop_list.stop(session, order.id, "买家已在平台退款")
    with pytest.raises(ParcelStopped, match="停止发货.*退款"):
        render_waybills(shop.db, ["3306001"], tracking="SF1234567890127", carrier="SF")
    assert _state(shop.db, "3306001")[0] == "packed"


def test_bad_size_and_missing_number_are_bad_input(shop):
    shop("3307001")
    with pytest.raises(BadInput, match="尺寸"):
        render_waybills(shop.db, ["3307001"], size="90x90")
    with pytest.raises(BadInput, match="ZTO 的运单号池还没有导入运单号"):
        render_waybills(shop.db, ["3307001"], carrier="ZTO")
    assert _state(shop.db, "3307001")[0] == "packed"


def test_a_used_up_pool_says_so(shop, tmp_path):
    numbers = tmp_path / "zto.txt"
    numbers.write_text("73100000000051\n", encoding="utf-8")
    import_pool(shop.db, "ZTO", numbers)
    shop("3308001")
    shop("3308002")
    render_waybills(shop.db, ["3308001"], carrier="ZTO")
    with pytest.raises(BadInput, match="ZTO 的运单号池已用完"):
        render_waybills(shop.db, ["3308002"], carrier="ZTO")


LONG_DETAIL = (
    "科技园南路88号海岸城3栋1205室，请放在快递柜或者门卫室，谢谢，如果没人请打电话联系我，"
    "周末不在家请工作日送达，小区东门进去左转第二栋楼下有快递柜，最后是1号"
)


@pytest.mark.parametrize("size", ["76x130", "100x180"])
def test_the_recipients_phone_and_whole_address_always_print(shop, read_pdf, size, caplog):
    shop("3309001", recipient="欧阳娜娜\n(代收)", phone="13900000009")
    shop("3309002", recipient="诸葛" + "亮" * 30, phone="13900000008")
    shop("3309003", recipient="王𠮷䶮", detail=LONG_DETAIL)
    numbers = ["73100000000101", "73100000000102", "73100000000103"]
    pages = [
        read_pdf.text(render_waybills(shop.db, [no], tracking=n, size=size, carrier="ZTO"))[0]
        for no, n in zip(["3309001", "3309002", "3309003"], numbers, strict=True)
    ]

    flat = [page.replace("\n", "").replace(" ", "") for page in pages]
    assert "欧阳娜娜(代收)13900000009" in flat[0]
    assert "13900000008" in flat[1] and "诸葛亮亮" in flat[1] and "…" in flat[1]
    assert "最后是1号" in flat[2] and "…" not in flat[2]
    # A character the font lacks shows as □ (not as nothing), and the desk is told.
    assert "王□□" in flat[2]
    assert any("𠮷䶮" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")


@pytest.mark.parametrize("dpi", [203, 300])
def test_the_longest_number_a_shop_carrier_may_have_fits_the_narrowest_label(shop, read_pdf, dpi):
    from app import settings
    from app.shipping import catalogue_edit, catalogue_places
    from app.shipping.tracking import BadTrackingNumber, assign_tracking_number

    catalogue_edit.add_carrier(shop.db, "XYZ", "小新快递")
    catalogue_edit.set_rate(shop.db, "XYZ", 1, first_price="5", extra_price_per_kg="1")
    catalogue_places.set_destination(shop.db, "XYZ", "广东", zone=1, transit_days=2)
    catalogue_edit.set_carrier_active(shop.db, "XYZ", True)
    with shop.db.transaction() as session:
        settings.put(session, "printer.dpi", dpi)
    shop("3310001")
    with pytest.raises(BadTrackingNumber, match="6 到 20 位"):
        assign_tracking_number(shop.db, "3310001", "XYZ", "A" * 21)

    longest = "XY-" + "7Q" * 8 + "9"
    pdf = render_waybills(shop.db, ["3310001"], tracking=longest, size="76x130", carrier="XYZ")
    found = read_pdf.barcodes(read_pdf.pages_png(pdf, scale=dpi / 72)[0])
    assert ("Code128", longest) in found
