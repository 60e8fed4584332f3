"""Exchanges make a replacement order; returned quantities are counted exactly once."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app.db.models import Order, OrderLine
from app.returns.exchange import exchange_return
from app.returns.quantities import line_quantities
from app.returns.queries import get_return
from app.returns.receiving import grade_next, receive_scan
from app.returns.request import ReturnLineInput, create_return
from app.returns.review import review_return
from app.stock.ledger import figures


def _returned(rshop, order_no: str, code: str, sku: str, qty: int) -> str:
    rma_no = create_return(
        rshop.db, order_no, [ReturnLineInput(sku, qty, "quality")], notify=False
    ).rma_no
    review_return(rshop.db, rma_no, approve=True, reason="同意", override=True, notify=False)
    for _ in range(qty):
        receive_scan(rshop.db, rma_no, code, notify=False)
        grade_next(rshop.db, rma_no, sku, "resellable")
    return rma_no


def test_exchange_creates_a_linked_replacement_order(rshop) -> None:
    code = rshop.product("SHOE-42")
    rshop.product("SHOE-43", on_hand=3)
    order_no = rshop.shipped_order(("SHOE-42", 1, "199.00"))
    rma_no = _returned(rshop, order_no, code, "SHOE-42", 1)

    result = exchange_return(rshop.db, rma_no, lines=[("SHOE-43", 1)], notify=False)

    assert result.order_no == f"{order_no}-EX1" and result.platform == "taobao"
    detail = get_return(rshop.db, rma_no)
    assert (detail.state_label, detail.replacement_order_no) == ("已换货", result.order_no)
    with rshop.db.reading() as session:
        order = session.scalars(select(Order).where(Order.order_no == result.order_no)).one()
        assert [(ln.sku, ln.quantity) for ln in order.lines] == [("SHOE-43", 1)]
        assert (order.recipient, order.paid, order.paid_total) == ("李晓雯", True, Decimal(0))
        assert order.events[0].to_status == "new"
        reserved = figures(session, order.lines[0].product_id).reserved
    assert (result.status, reserved) == ("confirmed", 1)


def test_a_full_return_then_a_raised_order_makes_one_new_outbound_unit(rshop) -> None:
    code = rshop.product("CUP")
    order_no = rshop.shipped_order(("CUP", 5, "12.00"))
    _returned(rshop, order_no, code, "CUP", 5)

    with rshop.db.transaction() as session:
        line = session.scalars(select(OrderLine)).one()
        line.quantity = 6
        session.flush()
        raised = line_quantities(session, line)
        line.quantity = 3
        session.flush()
        lowered = line_quantities(session, line)

    assert (raised.shipped, raised.returned, raised.outstanding, raised.returnable) == (5, 5, 1, 0)
    assert lowered.outstanding == 0
