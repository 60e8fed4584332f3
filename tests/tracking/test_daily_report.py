"""The daily report: the figures a supervisor checks, drawn on one A4 page with charts."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pypdfium2
from aftercare_data import busy_day, shipped_parcel
from pypdf import PdfReader
from sqlalchemy import func, select

from app.db.models.tracking import TrackingException
from app.documents.daily_report import render_daily_report
from app.tracking.daily_figures import daily_figures
from app.tracking.events import add_event
from app.tracking.exception_queue import refresh_exceptions

DAY = date(2026, 12, 3)


def test_figures_of_a_busy_day(db, monkeypatch) -> None:
    busy_day(db)
    # Feedback and compensation were logged "now"; pin them on the report day.
    with db.transaction() as session:
        from app.db.models.tracking import Compensation, Feedback

        for row in [*session.query(Feedback), *session.query(Compensation)]:
            row.at = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
    refresh_exceptions(db, now=datetime(2026, 12, 3, 12, 0, tzinfo=UTC))

    with db.reading() as session:
        figures = daily_figures(session, DAY)

    assert figures.shipped == 6
    assert dict(figures.shipped_by_carrier) == {"SF": 3, "YTO": 2, "ZTO": 1}
    # ZTO's late parcel was refused: an exception, not "late".
    assert dict(figures.late_by_carrier) == {"YTO": 2}
    assert dict(figures.open_exceptions) == {
        "交接后无揽收": 1,
        "超过预计送达日": 1,
        "问题件": 1,
        "客户拒收": 1,
    }
    feedback = dict(figures.feedback_by_category)
    assert (feedback["延误"], feedback["破损"], feedback["发错货"], feedback["表扬"]) == (
        2,
        1,
        1,
        1,
    )
    assert figures.compensation_total == Decimal("25.00")
    assert figures.packing_patterns == (("王打包", "破损", 1), ("王打包", "发错货", 1))
    assert dict(figures.compensation_by_cause) == {
        "快递": Decimal("10.00"),
        "打包": Decimal("15.00"),
        "库存": Decimal("0.00"),
    }


def test_report_pdf_is_one_a4_page_with_chinese_text(db, tmp_path) -> None:
    busy_day(db)
    data = render_daily_report(db, DAY)

    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (
        595.3,
        841.9,
    )
    text = page.extract_text()
    for words in ("发货后日报", "2026-12-03", "发货件数", "超时未达", "圆通速递", "客户反馈"):
        assert words in text
    fonts = {f["/BaseFont"] for f in page["/Resources"]["/Font"].values()}
    assert any("WenQuanYi" in str(f) for f in fonts)

    bitmap = pypdfium2.PdfDocument(data)[0].render(scale=80 / 72).to_pil()
    bitmap.save(tmp_path / "daily.png")
    assert bitmap.size[0] > 600


def _stored_exceptions(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(TrackingException.id)))


def test_open_exceptions_are_counted_although_nobody_opened_the_queue(db) -> None:
    """The report showed 未结异常 0 until someone ran `packdesk exceptions`, because the time
    rules only stored their exceptions then; printing must not store them either."""
    busy_day(db)
    stored = _stored_exceptions(db)

    with db.reading() as session:
        figures = daily_figures(session, DAY, now=datetime(2026, 12, 5, 1, 0, tzinfo=UTC))
    assert dict(figures.open_exceptions) == {
        "交接后无揽收": 1,
        "超过预计送达日": 1,
        "问题件": 1,
        "客户拒收": 1,
    }
    assert _stored_exceptions(db) == stored

    refresh_exceptions(db, now=datetime(2026, 12, 4, 2, 0, tzinfo=UTC))
    with db.reading() as session:
        again = daily_figures(session, DAY, now=datetime(2026, 12, 5, 1, 0, tzinfo=UTC))
    assert again.open_exceptions == figures.open_exceptions


def test_a_past_day_counts_a_parcel_as_it_was_then(db) -> None:
    """Picked up only on the 3rd: on the evening of the 2nd it had waited 31 hours."""
    with db.transaction() as session:
        shipped_parcel(session)  # handed over 2026-12-01 17:00 at the desk
    add_event(db, "SF1234567890123", "已揽收", at="2026-12-03 10:00")
    now = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)

    with db.reading() as session:
        second = daily_figures(session, date(2026, 12, 2), now=now)
        third = daily_figures(session, date(2026, 12, 3), now=now)
    assert dict(second.open_exceptions) == {"交接后无揽收": 1}
    assert third.open_exceptions == ()


def test_todays_report_counts_what_is_open_now_not_by_midnight(db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)  # 24 hours pass at 2026-12-02 17:00 at the desk
    day = date(2026, 12, 2)
    with db.reading() as session:
        morning = daily_figures(session, day, now=datetime(2026, 12, 2, 1, 0, tzinfo=UTC))
        evening = daily_figures(session, day, now=datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
    assert morning.open_exceptions == ()
    assert dict(evening.open_exceptions) == {"交接后无揽收": 1}
