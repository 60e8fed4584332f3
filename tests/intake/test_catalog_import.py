"""Catalogue import: PackDesk's own CSV and WooCommerce's product export."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app.db.models import Product
from app.intake.catalog import import_catalog

HEADER = "SKU,barcode,name,spec,price,weight,fragile\r\n"


def _products(db) -> dict[str, Product]:
    with db.reading() as session:
        return {p.sku: p for p in session.scalars(select(Product))}


def test_packdesk_csv_keeps_leading_zero_and_exact_values(db, tmp_path):
    path = tmp_path / "products.csv"
    path.write_bytes(
        (
            HEADER + '="CUP-QING",="012345678905",青瓷杯,颜色:青色,39.00,.35,是\r\n'
            "BOX-GIFT,6901234567892,礼盒,,40,1.2,\r\n"
        ).encode("gb18030")
    )

    report = import_catalog(db, path)

    assert (report.added, report.refused, report.encoding) == (2, [], "gb18030")
    cup = _products(db)["CUP-QING"]
    assert cup.barcode == "012345678905"
    assert (cup.name, cup.spec, cup.price, cup.weight, cup.fragile) == (
        "青瓷杯",
        "颜色:青色",
        Decimal("39.00"),
        Decimal("0.350"),
        True,
    )
    assert _products(db)["BOX-GIFT"].fragile is False


def test_catalogue_reimport_changes_nothing_and_update_is_counted(db, tmp_path):
    path = tmp_path / "products.csv"
    path.write_text(HEADER + "CUP-QING,6901234567892,青瓷杯,,39.00,0.35,\r\n", "utf-8-sig")
    import_catalog(db, path)

    assert import_catalog(db, path).unchanged == 1
    path.write_text(HEADER + "CUP-QING,6901234567892,青瓷杯,,42.00,0.35,\r\n", "utf-8-sig")
    assert import_catalog(db, path).updated == 1
    assert _products(db)["CUP-QING"].price == Decimal("42.00")


def test_catalogue_refuses_damaged_and_wrong_barcodes_by_row(db, tmp_path):
    path = tmp_path / "products.csv"
    path.write_text(
        HEADER + "A,6.90123E+12,杯,,1,0,\r\nB,6901234567893,碗,,1,0,\r\n"
        "C,6901234567892,盘,,1,0,\r\n",
        "utf-8",
    )

    report = import_catalog(db, path)

    assert report.added == 1
    assert [(r.row, r.column) for r in report.refused] == [(2, "barcode"), (3, "barcode")]
    assert "科学计数法" in report.refused[0].reason
    assert report.refused[1].reason == "条码 6901234567893 的校验位不对"


def test_woocommerce_export_converts_units_and_inherits_from_parent(db, realworld):
    report = import_catalog(db, realworld / "woocommerce_sample_products.csv")

    assert report.format == "woocommerce" and report.encoding == "utf-8-sig"
    products = _products(db)
    tee = products["woo-vneck-tee"]
    assert tee.weight == Decimal("0.227")  # .5 lbs
    assert tee.length_mm == 610  # 24 in
    red = products["woo-vneck-tee-red"]
    assert (red.weight, red.length_mm) == (tee.weight, tee.length_mm)
    assert red.price == Decimal("20.00")
    assert products["woo-album"].shippable is False
    assert products["woo-belt"].price == Decimal("55.00")  # the sale price
    assert products["Woo-tshirt-logo"].weight == Decimal("0.227")


def test_woocommerce_invented_variation_inherits_by_parent_id(db, tmp_path):
    path = tmp_path / "wc.csv"
    path.write_text(
        "ID,Type,SKU,Name,Weight (lbs),Length (in),Width (in),Height (in),Sale price,"
        "Regular price,Parent\r\n"
        "10,variable,mug,Mug,2,4,3,.5,,,\r\n11,variation,MUG-blue,Mug - Blue,,,,,,9.5,id:10\r\n"
        '12,"simple, virtual",ebook,E-book,,,,,,3,\r\n',
        "utf-8-sig",
    )

    import_catalog(db, path, fmt="woocommerce")

    blue = _products(db)["MUG-blue"]
    assert (blue.weight, blue.length_mm, blue.width_mm, blue.height_mm) == (
        Decimal("0.907"),
        102,
        76,
        13,
    )
    assert _products(db)["ebook"].shippable is False


def test_xlsx_catalogue_reads_text_barcode_and_chinese_headers(db, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["商家编码", "条码", "商品名称", "规格", "价格", "重量（kg）", "易碎"])
    sheet.append(["CUP-QING", "012345678905", "青瓷杯", "青色", 39, 0.35, "是"])
    book.save(tmp_path / "products.xlsx")

    report = import_catalog(db, tmp_path / "products.xlsx")

    assert (report.added, report.encoding) == (1, "xlsx")
    cup = _products(db)["CUP-QING"]
    assert (cup.barcode, cup.price, cup.weight, cup.fragile) == (
        "012345678905",
        Decimal("39.00"),
        Decimal("0.350"),
        True,
    )


def test_catalogue_refuses_letters_in_barcodes_and_control_characters_in_skus(db, tmp_path):
    """`69000000000AB` was accepted as a barcode (letters skipped the check-digit test) and a
    SKU holding `\\x01` was stored; both rows must be refused with row, column and reason."""
    path = tmp_path / "products.csv"
    path.write_text(
        HEADER + "A,69000000000AB,杯,,1,0,\r\nB\x01X,6901234567892,碗,,1,0,\r\n"
        "C D,,盘,,1,0,\r\nE,12345,碟,,1,0,\r\nF,6901234567892,壶,,1,0,\r\n",
        "utf-8",
    )

    report = import_catalog(db, path)

    assert report.added == 1
    assert [(r.row, r.column) for r in report.refused] == [
        (2, "barcode"),
        (3, "SKU"),
        (4, "SKU"),
        (5, "barcode"),
    ]
    assert "只能是数字" in report.refused[0].reason
    assert "控制字符或空白" in report.refused[1].reason
    assert "应为 8、12、13 或 14 位" in report.refused[3].reason
    assert all(r.file == "products.csv" for r in report.refused)
