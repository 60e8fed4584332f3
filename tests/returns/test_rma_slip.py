"""The RMA slip: A5, Chinese text embedded, and a barcode that scans back to the RMA number."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

from app.documents.rma_slip import render_rma_slip
from app.returns.request import ReturnLineInput, create_return


def test_slip_shows_the_return_and_its_barcode_decodes(rshop) -> None:
    rshop.product("TEE-RED-M", name="纯棉T恤 红色 M")
    order_no = rshop.shipped_order(("TEE-RED-M", 1, "59.00"))
    rma_no = create_return(
        rshop.db, order_no, [ReturnLineInput("TEE-RED-M", 1, "quality", "领口开线")], notify=False
    ).rma_no

    pdf = render_rma_slip(rshop.db, rma_no)

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (
        419.5,
        595.3,
    )
    text = page.extract_text()
    assert order_no in text and "纯棉T恤 红色 M" in text and "领口开线" in text

    image = pdfium.PdfDocument(pdf)[0].render(scale=300 / 72).to_pil()
    decoded = zxingcpp.read_barcodes(image)
    assert [(b.format.name, b.text) for b in decoded] == [("Code128", rma_no)]
