"""The print queue: what waits for a label, voiding that frees the parcel but not the number."""

from __future__ import annotations

import pytest

from app.documents.waybill import render_waybills, render_waybills_zpl
from app.documents.zpl import code128_field
from app.errors import BadInput
from app.shipping.print_queue import print_queue, void_waybill
from app.shipping.tracking import TrackingNumberTaken, assign_tracking_number
from app.shipping.tracking_pool import import_pool


def test_void_frees_the_parcel_but_the_number_never_returns(shop, tmp_path):
    pool = tmp_path / "sf.txt"
    pool.write_text("SF1000000000001\nSF1000000000002\n", "utf-8")
    import_pool(shop.db, "SF", pool)
    shop("7701001")
    render_waybills(shop.db, ["7701001"], carrier="SF")

    with pytest.raises(BadInput, match="原因"):
        void_waybill(shop.db, "7701001", "")
    assert void_waybill(shop.db, "7701001", "打印错位") == "SF1000000000001"
    row = next(r for r in print_queue(shop.db) if r.order_no == "7701001")
    assert (row.status, row.tracking_no) == ("packed", "")

    with pytest.raises(TrackingNumberTaken, match="已作废"):
        assign_tracking_number(shop.db, "7701001", "SF", "SF1000000000001")
    render_waybills(shop.db, ["7701001"], carrier="SF")
    row = next(r for r in print_queue(shop.db) if r.order_no == "7701001")
    assert (row.status, row.tracking_no) == ("labelled", "SF1000000000002")


def test_zpl_output_has_one_label_per_order_with_size_and_barcode_commands(shop):
    shop("7702001", recipient="王芳")
    zpl = render_waybills_zpl(shop.db, ["7702001"], tracking="SF1234567890123", carrier="SF")
    assert zpl.count("^XA") == 1 and zpl.count("^XZ") == 1
    assert "^CI28" in zpl  # UTF-8 for the Chinese fields
    assert "^PW799" in zpl and "^LL1439" in zpl  # 100 × 180 mm at 203 dpi
    assert "^BCN," in zpl and f"^FD{code128_field('SF1234567890123')}^FS" in zpl
    assert "王芳" in zpl and "已验视" in zpl
    assert next(r for r in print_queue(shop.db) if r.order_no == "7702001").status == "labelled"
