"""The pick list prints each order's pick-slip barcode, and scanning it at the packing desk
opens that order (issue 6: "scan or type ... the pick-slip barcode")."""

from __future__ import annotations

import io

import pypdf
import pypdfium2
import zxingcpp

from app.db.models import Order
from app.documents.pick_list import render_pick_list
from app.packing.service import open_for_packing, pick_slip_code
from app.stock.picking import pick_list
from app.stock.reservation import reserve_order


def _decoded(pdf: bytes) -> list[set[str]]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = [document[i].render(scale=300 / 72).to_pil() for i in range(len(document))]
    finally:
        document.close()
    return [{r.text for r in zxingcpp.read_barcodes(image)} for image in images]


def _reserved_batch(db, shop, orders) -> list[str]:
    numbers = []
    with db.transaction() as session:
        for order_id in orders:
            order = session.get(Order, order_id)
            reserve_order(session, order, "tester")
            numbers.append(order.order_no)
    return numbers


def test_pick_list_prints_a_pick_slip_barcode_per_order_that_opens_it_for_packing(db, shop):
    shop.product("TEA", on_hand=9, bin="C-03")
    shop.product("CUP", on_hand=9, bin="A-01")
    first = shop.order(("TEA", 1), ("CUP", 2))
    second = shop.order(("CUP", 1))
    numbers = _reserved_batch(db, shop, (first, second))

    with db.reading() as session:
        picks = pick_list(session, numbers)
    assert [(o.order_no, o.pieces) for o in picks.orders] == [(numbers[0], 3), (numbers[1], 1)]

    pdf = render_pick_list(picks)
    codes = {pick_slip_code(first), pick_slip_code(second)}
    assert codes == {f"PS{first:08d}", f"PS{second:08d}"}
    # Products and pick slips fit on one page; every barcode on it scans back.
    assert _decoded(pdf) == [{"TEA", "CUP"} | codes]
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert text.index("CUP") < text.index("按订单分拣") < text.index(f"PS{first:08d}")

    for order_id, order_no in zip((first, second), numbers, strict=True):
        view = open_for_packing(db, pick_slip_code(order_id))
        assert (view.order_id, view.order_no) == (order_id, order_no)


def test_a_long_batch_carries_its_pick_slips_onto_further_pages(db, shop):
    shop.product("CUP", on_hand=200, bin="A-01")
    orders = [shop.order(("CUP", 1)) for _ in range(16)]
    numbers = _reserved_batch(db, shop, orders)
    with db.reading() as session:
        pdf = render_pick_list(pick_list(session, numbers))

    pages = _decoded(pdf)
    assert len(pages) > 1
    found = set().union(*pages)
    assert {pick_slip_code(order_id) for order_id in orders} <= found
    last = pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].extract_text()
    assert "拣货人" in last
