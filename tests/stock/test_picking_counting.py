"""Pick list in bin order, cycle counts by scanning with a blocked bin, count list PDF."""

from __future__ import annotations

import io

import pypdf
import pypdfium2
import pytest
import zxingcpp

from app.db.models import Order
from app.documents.count_list import render_count_list
from app.documents.pick_list import render_pick_list
from app.errors import BadInput
from app.stock.check import check_stock
from app.stock.counting import approve_count, due_bins, scan_count, start_count
from app.stock.errors import BinBlocked, NeedsApproval
from app.stock.figures import stock_of
from app.stock.ledger import post_move
from app.stock.picking import pick_list
from app.stock.planning import set_plan
from app.stock.reservation import reserve_order


def _barcodes(pdf: bytes) -> set[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=300 / 72).to_pil()
    finally:
        document.close()
    return {r.text for r in zxingcpp.read_barcodes(image)}


def test_pick_list_is_sorted_by_bin_and_sums_the_batch(db, shop):
    shop.product("TEA", on_hand=9, bin="C-03")
    shop.product("CUP", on_hand=9, bin="A-01")
    shop.product("VASE", on_hand=9, bin="B-07")
    first = shop.order(("TEA", 1), ("CUP", 2))
    second = shop.order(("VASE", 1), ("CUP", 1))
    with db.transaction() as session:
        numbers = []
        for order_id in (first, second):
            order = session.get(Order, order_id)
            reserve_order(session, order, "tester")
            numbers.append(order.order_no)

    with db.reading() as session:
        picks = pick_list(session, numbers)

    assert [(r.bin, r.sku, r.quantity) for r in picks.rows] == [
        ("A-01", "CUP", 3),
        ("B-07", "VASE", 1),
        ("C-03", "TEA", 1),
    ]
    pdf = render_pick_list(picks)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert text.index("A-01") < text.index("B-07") < text.index("C-03")
    assert {"CUP", "VASE", "TEA"} <= _barcodes(pdf)


def test_cycle_count_by_scanning_blocks_the_bin_and_needs_a_supervisor(db, shop):
    cup = shop.product("CUP", on_hand=10, bin="A-01")
    shop.product("TEA", on_hand=4, bin="A-01")
    with db.transaction() as session:
        assert "A-01" in due_bins(session)
        count = start_count(session, "A-01", user="counter")

    with db.transaction() as session, pytest.raises(BinBlocked):
        post_move(session, product_id=cup, kind="pick", on_hand_delta=-1, reason="拣货")

    with db.transaction() as session:
        for _ in range(8):
            scan_count(session, count.count_id, "CUP")
        scan_count(session, count.count_id, "TEA", 4)
    with db.transaction() as session, pytest.raises(NeedsApproval):
        approve_count(session, count.count_id, supervisor="counter", reason="月度盘点")

    with db.transaction() as session:
        done = approve_count(session, count.count_id, supervisor="主管老周", reason="月度盘点")

    variances = {line.sku: line.variance for line in done.lines}
    assert variances == {"CUP": -2, "TEA": 0}
    with db.transaction() as session:
        assert stock_of(session, cup).on_hand == 8
        post_move(session, product_id=cup, kind="pick", on_hand_delta=-1, reason="解锁后拣货")
        set_plan(session, "CUP")
        assert "A-01" not in due_bins(session)
        assert check_stock(session).ok
    with db.transaction() as session, pytest.raises(BadInput):
        scan_count(session, count.count_id, "CUP")


def test_count_list_pdf_shows_bin_and_scannable_barcodes(db, shop):
    shop.product("CUP", on_hand=1, bin="A-01")
    with db.transaction() as session:
        count = start_count(session, "A-01", user="counter")

    pdf = render_count_list(count)

    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "盘点单" in text and "A-01" in text
    assert "CUP" in _barcodes(pdf)
