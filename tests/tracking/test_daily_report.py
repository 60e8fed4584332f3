"""The daily report: the figures a supervisor checks, drawn on one A4 page with charts."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pypdfium2
from aftercare_data import busy_day
from pypdf import PdfReader

from app.documents.daily_report import render_daily_report
from app.tracking.daily_figures import daily_figures
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
