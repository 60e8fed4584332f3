"""Tracking events: carrier words map to one status set, and a delivery closes the order."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from aftercare_data import shipped_parcel
from hypothesis import given
from hypothesis import strategies as st

from app import settings
from app.db.models import Order, Shipment
from app.orders.status import Status
from app.tracking.events import add_event, scan_delivery_receipt, timeline
from app.tracking.importer import import_tracking
from app.tracking.parcels import ParcelNotFound
from app.tracking.statuses import TrackStatus, UnknownStatus, classify

FIXTURES = Path(__file__).parent / "fixtures"
T = TrackStatus
NOON_DEC_3 = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已揽收", T.ACCEPTED),
        ("【深圳南山营业部】顺丰速运 已收取快件", T.ACCEPTED),
        ("运输中", T.IN_TRANSIT),
        ("快件到达【广州转运中心】", T.IN_TRANSIT),
        ("派送中", T.OUT_FOR_DELIVERY),
        ("快件已放入菜鸟驿站，请凭取件码取件", T.OUT_FOR_DELIVERY),
        ("已签收", T.DELIVERED),
        ("您的快件已签收，签收人：本人，派件员：李四", T.DELIVERED),
        ("拒收", T.REFUSED),
        ("收件人拒签，快件将退回", T.REFUSED),
        ("退回", T.RETURNED),
        ("快件已退回寄件人", T.RETURNED),
        ("问题件", T.PROBLEM),
        ("派送不成功，收件人电话无法接通", T.PROBLEM),
        ("派件异常", T.PROBLEM),
        ("out for delivery", T.OUT_FOR_DELIVERY),
        ("待清关", None),
    ],
)
def test_carrier_words_map_to_the_normalised_set(text: str, status: TrackStatus | None) -> None:
    assert classify(text) == status


def test_shop_phrase_teaches_an_unknown_status(db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)
        settings.put(session, "tracking.status_words", {"清关": "in_transit"})
    assert add_event(db, "SF1234567890123", "待清关").status == "in_transit"


def test_delivered_event_moves_the_order_to_delivered(db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)
    add_event(db, "sf1234567890123", "已揽收", at="2026-12-01 18:00")
    # Typed with the input method in full-width mode: the same parcel.
    add_event(
        db, "ＳＦ１２３４５６７８９０１２３", "已签收", at="2026-12-03 10:12", note="本人签收"
    )

    with db.reading() as session:
        order = session.query(Order).one()
        status, last_note = order.status, order.events[-1].note
        view = timeline(session, "SF1234567890123")
    assert status == Status.DELIVERED
    assert last_note == "签收 SF1234567890123"
    assert [e.status_label for e in view.events] == ["已揽收", "已签收"]
    assert view.events[0].at == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # 18:00 at the desk


def test_order_with_two_parcels_is_delivered_only_when_both_arrive(db) -> None:
    with db.transaction() as session:
        first = shipped_parcel(session)
        session.add(
            Shipment(
                order_id=first.order_id,
                parcel_no=2,
                carrier="SF",
                tracking_no="SF1234567890199",
                shipped_at=first.shipped_at,
            )
        )
    add_event(db, "SF1234567890123", "已签收", at="2026-12-03 10:00")
    with db.reading() as session:
        assert session.query(Order).one().status == Status.SHIPPED
    add_event(db, "SF1234567890199", "已签收", at="2026-12-03 11:00")
    with db.reading() as session:
        assert session.query(Order).one().status == Status.DELIVERED


def test_scanned_delivery_receipt_counts_as_delivered(db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)
    event = scan_delivery_receipt(db, " SF1234567890123\n")
    assert (event.status, event.source) == ("delivered", "scan")


def test_unknown_number_and_status_are_refused_with_words(db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)
    with pytest.raises(ParcelNotFound, match="SF000"):
        add_event(db, "SF000", "已签收")
    with pytest.raises(UnknownStatus, match="待清关"):
        add_event(db, "SF1234567890123", "待清关")


def _parcels(db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)
        shipped_parcel(session, "T1002", "SF1234567890124")
        shipped_parcel(session, "T1003", "YT8800000000001", carrier="YTO")
        shipped_parcel(session, "T1004", "SF1234567890125")


def test_aggregator_csv_in_gb18030_is_imported_row_by_row(db) -> None:
    _parcels(db)
    report = import_tracking(db, FIXTURES / "kuaidi_summary_gb18030.csv", now=NOON_DEC_3)

    assert report.encoding == "gb18030"
    assert (report.rows, report.stored, report.delivered) == (6, 3, 1)
    refused = {(r.row, r.column): r.reason for r in report.refused}
    assert "SF9999999999999" in refused[(5, "快递单号")]
    assert "2026年12月1日" in refused[(6, "最新时间")]
    assert "待清关" in refused[(7, "物流状态")]
    # The YTO problem parcel, and T1004 whose only rows were refused: no event 51 h after handover.
    assert report.exceptions_opened == 2

    again = import_tracking(db, FIXTURES / "kuaidi_summary_gb18030.csv", now=NOON_DEC_3)
    assert (again.stored, again.unchanged) == (0, 3)


def _sf_route_export(path: Path) -> Path:
    """SF's route-detail export: a merged title line, then one row per route node."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["顺丰速运 运单路由明细（导出时间 2026-12-03 09:00）"])
    sheet.merge_cells("A1:E1")
    sheet.append(["运单号", "路由时间", "路由节点", "操作描述", "所在城市"])
    rows = [
        ("SF1234567890124", datetime(2026, 12, 1, 18, 5), "收件", "顺丰速运 已收取快件", "深圳"),
        (
            "SF1234567890124",
            datetime(2026, 12, 2, 2, 30),
            "到达",
            "快件到达【东莞转运中心】",
            "东莞",
        ),
        (
            "SF1234567890124",
            datetime(2026, 12, 3, 8, 10),
            "派件",
            "快件交给张三，正在派送途中",
            "杭州",
        ),
    ]
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_carrier_xlsx_with_a_title_line_is_imported(db, tmp_path: Path) -> None:
    _parcels(db)
    report = import_tracking(db, _sf_route_export(tmp_path / "sf_route.xlsx"), carrier="SF")

    assert (report.stored, report.refused) == (3, [])
    with db.reading() as session:
        view = timeline(session, "SF1234567890124")
    assert [e.status for e in view.events] == ["accepted", "in_transit", "out_for_delivery"]
    assert view.events[1].location == "东莞"
    assert view.last_status == "派送中"


def test_import_for_one_carrier_refuses_other_carriers_parcels(db) -> None:
    _parcels(db)
    report = import_tracking(db, FIXTURES / "kuaidi_summary_gb18030.csv", carrier="SF")
    assert any("属于 YTO" in r.reason for r in report.refused)


@given(
    before=st.text(alphabet="【】快件您的已由本人于深圳广州市中心网点 0123456789", max_size=12),
    after=st.text(alphabet="，。请联系电话快递员张三 0123456789", max_size=12),
)
def test_a_final_word_wins_whatever_surrounds_it(before: str, after: str) -> None:
    """Carrier sentences wrap the key word in places and names; the word still decides."""
    assert classify(f"{before}拒收{after}") == T.REFUSED
    assert classify(f"{before}已签收{after}") == T.DELIVERED
