"""The packing slip: ordered, shipped and backordered per line, Chinese text, a barcode that
scans."""

from __future__ import annotations

import io

import pypdfium2
import pytest
import zxingcpp
from packing_fixtures import MUG, TEA, make_order, make_products
from pypdf import PdfReader

from app.db.models import Order
from app.documents.packing_slip import render_packing_slip
from app.packing.service import scan
from main import main


def _partly_packed(db) -> None:
    make_products(db)
    oid = make_order(db, "3905000000000000001", [("MUG-01", 2), ("TEA-02", 1), ("VASE-03", 1)])
    scan(db, oid, MUG)
    scan(db, oid, TEA)


def test_slip_lists_ordered_shipped_and_backordered(db) -> None:
    _partly_packed(db)
    pdf = render_packing_slip(db, "3905000000000000001")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    text = page.extract_text()
    assert "装箱单" in text and "青花瓷花瓶" in text
    tokens = text.split()
    rows = {
        sku: tokens[tokens.index(sku) + 1 : tokens.index(sku) + 4]
        for sku in ("MUG-01", "TEA-02", "VASE-03")
    }
    assert rows == {
        "MUG-01": ["2", "1", "1"],
        "TEA-02": ["1", "1", "0"],
        "VASE-03": ["1", "0", "1"],
    }
    assert "缺货商品到货后另行发出" in text
    assert round(float(page.mediabox.width)) == 420  # A5: 148 mm


def test_slip_barcode_scans_back_to_the_order_number(db) -> None:
    _partly_packed(db)
    pdf = render_packing_slip(db, "3905000000000000001")
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    decoded = [r.text for r in zxingcpp.read_barcodes(image)]
    assert "3905000000000000001" in decoded


def test_print_packing_slip_command(db, db_url, tmp_path, capsys) -> None:
    _partly_packed(db)
    out = tmp_path / "slip.pdf"
    assert (
        main(["--db", db_url, "print", "packing-slip", "3905000000000000001", "--out", str(out)])
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("platform", "name"), [("taobao", "淘宝/天猫"), ("pdd", "拼多多"), ("manual", "电话/邮件")]
)
def test_slip_names_the_platform_in_chinese(db, platform, name) -> None:
    """The slip's header read `订单号：…（taobao）`, the code the order is stored with."""
    _partly_packed(db)
    with db.transaction() as session:
        session.query(Order).one().platform = platform

    pdf = render_packing_slip(db, "3905000000000000001")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

    assert f"3905000000000000001（{name}）" in text
    assert platform not in text
