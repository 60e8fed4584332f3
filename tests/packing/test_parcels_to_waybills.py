"""From the packing desk to the labels: an order packed in two parcels prints two waybills,
each with the contents and weight packing recorded for that parcel."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdf
import pypdfium2
import zxingcpp
from packing_fixtures import MUG, VASE, make_order, make_products

from app.db.models import Order
from app.documents.waybill import render_waybills
from app.packing.boxes import add_packaging
from app.packing.service import scan
from app.packing.station import choose_packaging, start_next_parcel
from app.packing.weighing import record_weight


def test_two_packed_parcels_get_two_labels_with_their_own_weight_and_goods(db, sender) -> None:
    make_products(db)
    add_packaging(db, "M", "中纸箱", inner_mm=(300, 250, 200), max_weight=Decimal("10"), stock=5)
    add_packaging(db, "FOAM", "气泡膜", kind="filling", protective=True, stock=5)
    oid = make_order(db, "3906000000000000001", [("MUG-01", 1), ("VASE-03", 1)])

    scan(db, oid, MUG)
    choose_packaging(db, oid)
    record_weight(db, oid, "0.36")
    start_next_parcel(db, oid)
    assert scan(db, oid, VASE).completed
    choose_packaging(db, oid)
    record_weight(db, oid, "1.21")

    pdf = render_waybills(
        db, ["3906000000000000001"], tracking=["SF1000000000091", "SF1000000000092"], carrier="SF"
    )

    texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(texts) == 2
    assert "白瓷马克杯 ×1" in texts[0] and "重量：0.36 kg" in texts[0] and "件数：1/2" in texts[0]
    assert "青花瓷花瓶 ×1" in texts[1] and "重量：1.21 kg" in texts[1] and "件数：2/2" in texts[1]
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = [document[i].render(scale=300 / 72).to_pil() for i in range(len(document))]
    finally:
        document.close()
    decoded = [{r.text for r in zxingcpp.read_barcodes(image)} for image in images]
    assert decoded == [{"SF1000000000091"}, {"SF1000000000092"}]
    with db.reading() as session:
        assert session.get(Order, oid).status == "labelled"
