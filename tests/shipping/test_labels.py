"""Product and carton labels on A4 label sheets, with an offset for partly used sheets."""

from __future__ import annotations

import pytest

from app.db.models import Product
from app.documents.barcodes import BarcodeRefused
from app.documents.labels import A4_3X8, complete_sscc, render_product_labels, render_sscc_labels


def test_sscc_check_digit_is_verified():
    assert complete_sscc("(00)123456789012345675") == "123456789012345675"
    assert complete_sscc("12345678901234567") == "123456789012345675"
    with pytest.raises(BarcodeRefused, match="校验位应为 5"):
        complete_sscc("123456789012345670")


def test_carton_labels_decode_as_gs1_sscc(read_pdf):
    pdf = render_sscc_labels(["123456789012345675", "12345678901234568"], offset=1)
    image = read_pdf.pages_png(pdf, scale=200 / 72)[0]
    found = set(read_pdf.barcodes(image))
    assert ("Code128", "(00)123456789012345675") in found
    assert ("Code128", "(00)123456789012345682") in found


def test_product_labels_start_after_the_used_labels_and_decode(db, read_pdf):
    with db.transaction() as session:
        session.add(
            Product(
                sku="MUG-01", barcode="6901234567892", name="陶瓷马克杯 350ml 白色", spec="颜色:白"
            )
        )
    pdf = render_product_labels(db, ["MUG-01"], copies=2, offset=23)
    assert read_pdf.sizes(pdf) == [(595.28, 841.89)] * 2  # 23 used + 2 new: one spills over
    pages = read_pdf.pages_png(pdf, scale=200 / 72)

    # Label 23 is the bottom-right one; the 23 places before it stay blank.
    x, y = A4_3X8.origin(23)
    scale = 200 / 72
    first = pages[0]
    top = first.height - (y + 37 / 25.4 * 72) * scale
    crop = first.crop(
        (
            int(x * scale),
            int(top),
            int((x + 70 / 25.4 * 72) * scale),
            int(first.height - y * scale),
        )
    )
    assert ("EAN13", "6901234567892") in read_pdf.barcodes(crop)
    assert read_pdf.barcodes(first.crop((0, 0, first.width, int(top)))) == []
    assert ("EAN13", "6901234567892") in read_pdf.barcodes(pages[1])
    assert "陶瓷马克杯" in read_pdf.text(pdf)[0]
