"""Receiving and grading: only the returned line moves stock, nothing unexpected slips in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.models import StockMove
from app.errors import BadInput
from app.returns.queries import get_return
from app.returns.receiving import grade_next, grade_unit, receive_scan
from app.returns.request import ReturnLineInput, create_return
from app.returns.review import review_return
from app.returns.shipping import record_return_shipping


def _approved(rshop, *lines: tuple[str, int]) -> str:
    order_no = rshop.shipped_order(("X", 2, "30.00"), ("Y", 2, "20.00"), ("Z", 2, "50.00"))
    wanted = [ReturnLineInput(sku, qty, "quality") for sku, qty in lines]
    rma_no = create_return(rshop.db, order_no, wanted, notify=False).rma_no
    review_return(rshop.db, rma_no, approve=True, reason="同意", override=True, notify=False)
    return rma_no


@pytest.fixture
def codes(rshop) -> dict[str, str]:
    return {sku: rshop.product(sku) for sku in ("X", "Y", "Z", "W")}


def test_only_the_returned_line_moves_stock(rshop, codes) -> None:
    """X=2, Y=2, Z=2 shipped; 1 × Z back and resellable: Z +1, X and Y unchanged."""
    rma_no = _approved(rshop, ("Z", 1))
    before = {sku: rshop.on_hand(sku) for sku in "XYZ"}

    assert receive_scan(rshop.db, rma_no, codes["Z"]).accepted
    detail = grade_next(rshop.db, rma_no, "Z", "resellable")

    assert {sku: rshop.on_hand(sku) - before[sku] for sku in "XYZ"} == {"X": 0, "Y": 0, "Z": 1}
    assert detail.state == "inspected"
    with rshop.db.reading() as session:
        move = session.scalars(select(StockMove).where(StockMove.kind == "return")).one()
    assert (move.on_hand_delta, move.reserved_delta, move.bin) == (1, 0, "A-Z")


def test_unexpected_items_are_recorded_and_never_restocked(rshop, codes) -> None:
    rma_no = _approved(rshop, ("Z", 1))
    before = rshop.on_hand("W")

    results = [
        receive_scan(rshop.db, rma_no, code)
        for code in (codes["Z"], codes["W"], codes["Z"], "6900000000000")
    ]

    assert [r.accepted for r in results] == [True, False, False, False]
    assert "W 不在退货单" in results[1].message
    assert "超出退货数量" in results[2].message
    assert "校验位错误" in results[3].message
    detail = get_return(rshop.db, rma_no)
    assert [u.expected for u in detail.units] == [True, False, False, False]
    with pytest.raises(BadInput, match="意外收到的物品不能直接入库"):
        grade_unit(rshop.db, rma_no, results[1].unit_id, "resellable")
    assert rshop.on_hand("W") == before


def test_damaged_scrap_and_supplier_units_keep_stock_and_carry_notes(
    rshop, codes, tmp_path
) -> None:
    rma_no = _approved(rshop, ("X", 2), ("Y", 1))
    before = {sku: rshop.on_hand(sku) for sku in "XY"}
    photo = tmp_path / "crack.JPG"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")

    units = [receive_scan(rshop.db, rma_no, codes[s]).unit_id for s in ("X", "X", "Y")]
    grade_unit(rshop.db, rma_no, units[0], "damaged", notes="外壳裂开", photo=photo)
    grade_unit(rshop.db, rma_no, units[1], "报废")
    detail = grade_unit(rshop.db, rma_no, units[2], "supplier")

    assert {sku: rshop.on_hand(sku) for sku in "XY"} == before
    first = detail.units[0]
    assert (first.grade_label, first.notes) == ("破损隔离", "外壳裂开")
    assert (
        first.photo_path.endswith(".jpg")
        and open(first.photo_path, "rb").read()[:2] == b"\xff\xd8"
    )
    assert detail.state == "inspected"
    assert "破损隔离 1 件，报废 1 件，退供应商 1 件" in detail.steps[-1].note


def test_the_return_tracking_number_opens_the_return_at_receiving(rshop, codes) -> None:
    rma_no = _approved(rshop, ("Y", 1))
    record_return_shipping(
        rshop.db, rma_no, carrier="SF", tracking_no="SF1234567890123", payer="seller", notify=False
    )

    result = receive_scan(rshop.db, "SF1234567890123", codes["Y"])

    assert result.accepted and result.detail.rma_no == rma_no
    assert [s.to_state for s in result.detail.steps][-2:] == ["in_transit", "received"]


def test_a_full_width_return_tracking_number_is_stored_in_plain_letters(rshop, codes) -> None:
    """Once full-width numbers passed the format check, ＳＦ… would have been stored as typed
    and the receiving scan of the printed barcode would not find the return."""
    rma_no = _approved(rshop, ("Y", 1))
    detail = record_return_shipping(
        rshop.db, rma_no, carrier="SF", tracking_no="ＳＦ１２３４５６７８９０１２３", notify=False
    )
    assert detail.return_tracking_no == "SF1234567890123"
    assert receive_scan(rshop.db, "SF1234567890123", codes["Y"]).detail.rma_no == rma_no


def test_a_bad_return_tracking_number_is_refused(rshop, codes) -> None:
    rma_no = _approved(rshop, ("Y", 1))
    with pytest.raises(BadInput, match="退回运单号"):
        record_return_shipping(rshop.db, rma_no, carrier="SF", tracking_no="12")


def test_a_unit_is_graded_once(rshop, codes) -> None:
    rma_no = _approved(rshop, ("Y", 2))
    unit = receive_scan(rshop.db, rma_no, codes["Y"]).unit_id
    grade_unit(rshop.db, rma_no, unit, "resellable")
    with pytest.raises(BadInput, match="已判定为可再售"):
        grade_unit(rshop.db, rma_no, unit, "scrap")


def test_inspection_waits_for_every_unit_or_is_finished_by_hand(rshop, codes) -> None:
    from app.returns.receiving import finish_inspection

    rma_no = _approved(rshop, ("X", 2))
    unit = receive_scan(rshop.db, rma_no, codes["X"]).unit_id
    assert grade_unit(rshop.db, rma_no, unit, "resellable").state == "received"

    detail = finish_inspection(rshop.db, rma_no)
    assert detail.state == "inspected"
    assert detail.steps[-1].note == "收到 1/2 件：可再售 1 件"


def test_every_grade_word_the_message_offers_is_accepted() -> None:
    import pytest

    from app.returns.queries import GRADE_LABELS
    from app.returns.receiving import ReturnInputError, grade_code

    for code, word in GRADE_LABELS.items():
        assert grade_code(word) == code and grade_code(code) == code
    with pytest.raises(ReturnInputError, match="damaged\\(破损隔离\\)"):
        grade_code("坏了")
