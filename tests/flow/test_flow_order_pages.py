"""A long order history flows onto another page instead of being cut at the page foot."""

from __future__ import annotations

import io
from datetime import timedelta

from flow_fixture import NOW, _order, t
from pypdf import PdfReader

from app.documents.flow_sheet import order_flow_pdf
from app.orders.status import Status as S


def _long_order(db) -> None:
    """80 events: arrival, verified, confirmed, then packing and packed 77 times over."""
    moves = [(S.VERIFIED, t(1), "审单员李"), (S.CONFIRMED, t(1, 10), "客服王")]
    at = t(1, 20)
    for i in range(77):
        moves.append((S.PACKING if i % 2 == 0 else S.PACKED, at, "打包员赵"))
        at += timedelta(minutes=5)
    with db.transaction() as session:
        order = _order(session, "LONG", t(0), t(0), t(0), moves)
        order.events[-1].note = "第八十次变更最后一行"


def test_a_long_history_continues_on_further_pages(flow_db) -> None:
    _long_order(flow_db)
    pdf = order_flow_pdf(flow_db, "LONG", now=NOW)
    pages = [p.extract_text().replace(" ", "") for p in PdfReader(io.BytesIO(pdf)).pages]

    # 78 step rows and 80 change rows are far more than one A4 page holds.
    assert len(pages) > 2
    history, last = pages[1], pages[-1]
    assert "订单LONG的经过" in history and "（续" not in history
    for number, page in enumerate(pages[2:], 3):
        assert f"订单LONG的经过（续，PDF第{number}页）" in page
    # The last change is printed once, on the last page, under repeated column heads.
    assert sum("第八十次变更最后一行" in page for page in pages) == 1
    assert "第八十次变更最后一行" in last and "备注" in last
    # No change is lost at a page foot: 39 moves into packing and 38 out of it, 38 into
    # packed and 38 out of it (the step rows say 打包/质检, not these state words).
    text = "".join(pages[1:])
    assert (text.count("打包中"), text.count("已打包")) == (77, 76)
    assert "11-0208:00" in history and "11-0215:40" in last
