"""An order in several parcels: a waybill page and a tracking number per parcel, each with its
own weight and contents; child labels (子单) name the main number; handover counts parcels."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.db.models import Order, Shipment
from app.db.models.carriers import WaybillPrint
from app.db.models.packing_station import ParcelItem
from app.documents.waybill import render_waybills, render_waybills_zpl
from app.documents.zpl import code128_field
from app.shipping.handover import HandoverRefused, close_handover, scan_parcel, start_handover
from app.shipping.print_queue import void_waybill
from app.shipping.tracking import TrackingNumberTaken
from app.shipping.tracking_pool import import_pool
from main import main
from ui.windows.handover import HandoverWindow

TWO_LINES = (
    ("MUG-01", "骨瓷马克杯 白色", "0.40", (120, 90, 100), 1),
    ("VASE-03", "青瓷花瓶 大号", "1.30", (200, 200, 350), 1),
)


def _packed_in_parcels(shop, order_no: str, weights: list[str]) -> None:
    """A packed order whose line n went into parcel n, weighed as `weights` say.

    Packing (tests/packing) fills parcels by scanning; here only the outcome is set up.
    """
    shop(order_no, items=TWO_LINES[: len(weights)])
    with shop.db.transaction() as session:
        order = session.scalar(select(Order).where(Order.order_no == order_no))
        for parcel_no, (line, weight) in enumerate(
            zip(order.lines, weights, strict=True), start=1
        ):
            shipment = Shipment(order_id=order.id, parcel_no=parcel_no, weight=Decimal(weight))
            session.add(shipment)
            session.flush()
            session.add(
                ParcelItem(shipment_id=shipment.id, order_line_id=line.id, quantity=line.quantity)
            )


def _pool(shop, tmp_path, carrier: str, numbers: list[str]) -> None:
    file = tmp_path / f"{carrier}.txt"
    file.write_text("\n".join(numbers), encoding="utf-8")
    import_pool(shop.db, carrier, file)


def _parcels(db, order_no):
    with db.reading() as session:
        order = session.scalar(select(Order).where(Order.order_no == order_no))
        parcels = session.scalars(
            select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.parcel_no)
        ).all()
        return order.status, [(s.parcel_no, s.carrier, s.tracking_no) for s in parcels]


def test_two_parcels_print_two_pages_with_their_own_numbers_weights_and_goods(
    shop, read_pdf, tmp_path
):
    _pool(shop, tmp_path, "ZTO", ["73100000000011", "73100000000012", "73100000000013"])
    _packed_in_parcels(shop, "5501001", ["0.45", "1.40"])

    pdf = render_waybills(shop.db, ["5501001"], carrier="ZTO")

    assert len(read_pdf.sizes(pdf)) == 2
    first, second = read_pdf.text(pdf)
    assert "重量：0.45 kg" in first and "件数：1/2" in first
    assert "重量：1.4 kg" in second and "件数：2/2" in second
    assert "骨瓷马克杯 白色 ×1" in first and "青瓷花瓶" not in first
    assert "青瓷花瓶 大号 ×1" in second and "骨瓷马克杯" not in second
    # The child label names the main number it travels with (子母件); the main one does not.
    assert "母单号：73100000000011" in second and "母单号" not in first
    assert "第 2/2 件" in second

    pages = read_pdf.pages_png(pdf)
    decoded = [{text for _kind, text in read_pdf.barcodes(page)} for page in pages]
    assert decoded == [{"73100000000011"}, {"73100000000012"}]

    status, parcels = _parcels(shop.db, "5501001")
    assert status == "labelled"
    assert parcels == [(1, "ZTO", "73100000000011"), (2, "ZTO", "73100000000012")]
    with shop.db.reading() as session:
        printed = session.scalars(select(WaybillPrint.tracking_no).order_by(WaybillPrint.id))
        assert list(printed) == ["73100000000011", "73100000000012"]


def test_typed_numbers_go_to_the_parcels_in_order_and_stay_unique(shop, read_pdf):
    _packed_in_parcels(shop, "5502001", ["0.45", "1.40"])
    pdf = render_waybills(
        shop.db, ["5502001"], tracking=["SF1000000000021", "SF1000000000022"], carrier="SF"
    )
    assert [(p, n) for p, _c, n in _parcels(shop.db, "5502001")[1]] == [
        (1, "SF1000000000021"),
        (2, "SF1000000000022"),
    ]
    assert "SF1000000000022" in read_pdf.text(pdf)[1]

    _packed_in_parcels(shop, "5502002", ["0.45"])
    with pytest.raises(TrackingNumberTaken, match="5502001"):
        render_waybills(shop.db, ["5502002"], tracking="SF1000000000022", carrier="SF")


def test_order_is_labelled_only_once_every_parcel_has_its_waybill(shop, tmp_path):
    _pool(shop, tmp_path, "ZTO", ["73100000000031", "73100000000032"])
    _packed_in_parcels(shop, "5503001", ["0.45", "1.40"])

    render_waybills(shop.db, ["5503001"], carrier="ZTO", parcel_no=1)
    assert _parcels(shop.db, "5503001")[0] == "packed"

    render_waybills(shop.db, ["5503001"], carrier="ZTO", parcel_no=2)
    status, parcels = _parcels(shop.db, "5503001")
    assert status == "labelled"
    assert [n for _p, _c, n in parcels] == ["73100000000031", "73100000000032"]


def test_zpl_prints_a_label_per_parcel_with_pieces_and_main_number(shop, tmp_path):
    _pool(shop, tmp_path, "ZTO", ["73100000000041", "73100000000042"])
    _packed_in_parcels(shop, "5504001", ["0.45", "1.40"])
    zpl = render_waybills_zpl(shop.db, ["5504001"], carrier="ZTO")
    labels = zpl.split("^XZ")[:-1]
    assert len(labels) == 2
    assert f"^FD{code128_field('73100000000042')}^FS" in labels[1] and "件数：2/2" in labels[1]
    assert "母单号：73100000000041" in labels[1] and "母单号" not in labels[0]


def test_handover_of_one_of_two_parcels_lists_the_other_as_missing(shop, read_pdf, tmp_path):
    _pool(shop, tmp_path, "ZTO", ["73100000000051", "73100000000052"])
    _packed_in_parcels(shop, "5505001", ["0.45", "1.40"])
    render_waybills(shop.db, ["5505001"], carrier="ZTO")

    started = start_handover(shop.db, "ZTO")
    assert started.expected == 2
    with pytest.raises(HandoverRefused, match="有 2 个包裹，请逐个扫描"):
        scan_parcel(shop.db, started.id, "5505001")
    outcome = scan_parcel(shop.db, started.id, "73100000000051")
    assert (outcome.scanned, outcome.expected, outcome.piece) == (1, 2, "1/2")

    result = close_handover(shop.db, started.id)
    assert [(p.tracking_no, p.piece) for p in result.shipped] == [("73100000000051", "1/2")]
    assert [(p.tracking_no, p.piece) for p in result.missing] == [("73100000000052", "2/2")]
    manifest = read_pdf.text(result.manifest_pdf)[0]
    assert "未扫描" in manifest and "73100000000052" in manifest and "2/2" in manifest
    # Half the order left: it is not shipped until its second parcel is handed over.
    assert _parcels(shop.db, "5505001")[0] == "labelled"

    later = start_handover(shop.db, "ZTO")
    assert [p.tracking_no for p in later.missing] == ["73100000000052"]
    scan_parcel(shop.db, later.id, "73100000000052")
    assert close_handover(shop.db, later.id).missing == ()
    assert _parcels(shop.db, "5505001")[0] == "shipped"


def test_voiding_an_order_in_two_parcels_retires_both_numbers(shop, tmp_path):
    _pool(shop, tmp_path, "ZTO", ["73100000000061", "73100000000062"])
    _packed_in_parcels(shop, "5506001", ["0.45", "1.40"])
    render_waybills(shop.db, ["5506001"], carrier="ZTO")

    assert void_waybill(shop.db, "5506001", "打印机卡纸") == "73100000000061、73100000000062"
    status, parcels = _parcels(shop.db, "5506001")
    assert status == "packed"
    assert [n for _p, _c, n in parcels] == [None, None]


def test_handover_window_says_which_parcel_of_the_order_was_scanned(shop, qtbot, tmp_path):
    _pool(shop, tmp_path, "ZTO", ["73100000000071", "73100000000072"])
    _packed_in_parcels(shop, "5507001", ["0.45", "1.40"])
    render_waybills(shop.db, ["5507001"], carrier="ZTO")

    window = HandoverWindow(shop.db)
    qtbot.addWidget(window)
    window.show()
    window.carrier_box.setCurrentIndex(window.carrier_box.findData("ZTO"))
    window.start_button.click()
    assert "应交 2 件" in window.counts.text()

    qtbot.keyClicks(window.scan_box, "73100000000072")
    qtbot.keyClick(window.scan_box, Qt.Key.Key_Return)
    assert "（第 2/2 件）" in window.message.text()
    assert window.scanned_list.item(0).text().startswith("73100000000072  5507001（第 2/2 件）")
    assert window.missing_list.item(0).text().startswith("73100000000071  5507001（第 1/2 件）")


def test_command_line_numbers_each_parcel_and_prints_a_page_per_parcel(
    shop, db_url, tmp_path, capsys, read_pdf
):
    _packed_in_parcels(shop, "5508001", ["0.45", "1.40"])
    assign = ["--db", db_url, "tracking", "assign", "5508001", "--carrier", "SF"]
    assert main([*assign, "--number", "SF1000000000081"]) == 0
    assert main([*assign, "--number", "SF1000000000082", "--parcel", "2"]) == 0
    assert "5508001 第 2 个包裹: SF SF1000000000082（手工）" in capsys.readouterr().out

    out = tmp_path / "w.pdf"
    assert main(["--db", db_url, "print", "waybill", "5508001", "--out", str(out)]) == 0
    pages = read_pdf.pages_png(out.read_bytes())
    assert [{t for _k, t in read_pdf.barcodes(p)} for p in pages] == [
        {"SF1000000000081"},
        {"SF1000000000082"},
    ]
