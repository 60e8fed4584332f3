"""The daily after-handover report: one A4 page of figures and charts for the supervisor.

Counts a person compares (late parcels per carrier, feedback per category, open exceptions
per rule) are drawn as bar charts with their numbers on the bars; single figures (shipped,
late, open, compensation) sit in boxes at the top. Drawn with ReportLab graphics so the page
stays vector and small.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace
from datetime import date

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from app.config import desk_timezone
from app.db.engine import Database
from app.db.types import utcnow
from app.documents.fonts import register_cjk_font
from app.documents.page import A4, mm
from app.documents.text_fit import wrap
from app.shipping.notices import carrier_label
from app.tracking.daily_figures import PATTERN_DAYS, DailyFigures, daily_figures

log = logging.getLogger(__name__)

INK = colors.HexColor("#222222")
BAR = colors.HexColor("#3b6ea5")
LATE = colors.HexColor("#c0504d")
GREY = colors.HexColor("#888888")
CHART_W, CHART_H = mm(180), mm(62)


def _empty(drawing: Drawing, font: str, words: str) -> Drawing:
    drawing.add(
        String(
            CHART_W / 2,
            CHART_H / 2,
            words,
            fontName=font,
            fontSize=10,
            fillColor=GREY,
            textAnchor="middle",
        )
    )
    return drawing


def _title(drawing: Drawing, font: str, title: str) -> None:
    drawing.add(String(0, CHART_H - 12, title, fontName=font, fontSize=11, fillColor=INK))


def _vertical(font: str, title: str, pairs: list[tuple[str, int]], color) -> Drawing:
    drawing = Drawing(CHART_W, CHART_H)
    _title(drawing, font, title)
    if not any(n for _, n in pairs):
        return _empty(drawing, font, "无")
    chart = VerticalBarChart()
    # A lone bar stretched over the whole width reads as a wall; keep bars a bar's width.
    width = min(CHART_W - 50, 70 * len(pairs))
    chart.x, chart.y, chart.width, chart.height = 30, 24, width, CHART_H - 56
    chart.data = [[n for _, n in pairs]]
    chart.categoryAxis.categoryNames = [name for name, _ in pairs]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, max(n for _, n in pairs) // 5)
    chart.bars[0].fillColor = color
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _horizontal(font: str, title: str, pairs: list[tuple[str, int]]) -> Drawing:
    drawing = Drawing(CHART_W, CHART_H)
    _title(drawing, font, title)
    if not any(n for _, n in pairs):
        return _empty(drawing, font, "今日无客户反馈")
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 60, 18, CHART_W - 90, CHART_H - 40
    # ReportLab draws the first category at the bottom; reverse so the list reads downwards.
    chart.data = [[n for _, n in reversed(pairs)]]
    chart.categoryAxis.categoryNames = [name for name, _ in reversed(pairs)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, max(n for _, n in pairs) // 5)
    chart.bars[0].fillColor = BAR
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def _boxes(canvas: Canvas, font: str, figures: DailyFigures, top: float) -> None:
    items = [
        ("发货件数", str(figures.shipped)),
        ("超时未达", str(figures.late)),
        ("未结异常", str(figures.open_exception_count)),
        ("补偿合计", f"¥{figures.compensation_total}"),
    ]
    width, height, gap = mm(42), mm(20), mm(4)
    for i, (label, value) in enumerate(items):
        x = mm(15) + i * (width + gap)
        canvas.setStrokeColor(GREY)
        canvas.roundRect(x, top - height, width, height, 4, stroke=1, fill=0)
        canvas.setFillColor(GREY)
        canvas.setFont(font, 9)
        canvas.drawString(x + mm(3), top - mm(6), label)
        canvas.setFillColor(INK)
        canvas.setFont(font, 18)
        canvas.drawString(x + mm(3), top - mm(16), value)


def _cause_line(canvas: Canvas, font: str, figures: DailyFigures, y: float) -> None:
    parts = "；".join(f"{cause} ¥{value}" for cause, value in figures.compensation_by_cause)
    shipped = "；".join(f"{name} {n}" for name, n in figures.shipped_by_carrier) or "无"
    canvas.setFillColor(INK)
    canvas.setFont(font, 10)
    canvas.drawString(mm(15), y, f"补偿按原因：{parts}")
    canvas.drawString(mm(15), y - mm(6), f"发货按快递：{shipped}")


def draw_daily_report(canvas: Canvas, figures: DailyFigures) -> None:
    font = register_cjk_font()
    width, height = A4.size_pt
    zone = desk_timezone()

    canvas.setFont(font, 18)
    canvas.setFillColor(INK)
    canvas.drawString(mm(15), height - mm(20), f"发货后日报  {figures.day.isoformat()}")
    canvas.setFont(font, 9)
    canvas.setFillColor(GREY)
    printed = utcnow().astimezone(zone).strftime("%Y-%m-%d %H:%M")
    canvas.drawRightString(width - mm(15), height - mm(20), f"打印时间 {printed}")

    _boxes(canvas, font, figures, height - mm(28))
    _cause_line(canvas, font, figures, height - mm(56))

    late = _vertical(font, "超时未达包裹（按快递公司）", list(figures.late_by_carrier), LATE)
    renderPDF.draw(late, canvas, mm(15), height - mm(72) - CHART_H)
    feedback = _horizontal(font, "客户反馈（按类别）", list(figures.feedback_by_category))
    renderPDF.draw(feedback, canvas, mm(15), height - mm(140) - CHART_H)
    exceptions = _vertical(font, "未结物流异常（按规则）", list(figures.open_exceptions), BAR)
    renderPDF.draw(exceptions, canvas, mm(15), height - mm(208) - CHART_H)
    _patterns(canvas, font, figures, height - mm(280))


def _patterns(canvas: Canvas, font: str, figures: DailyFigures, y: float) -> None:
    """Packing complaints per clerk: a short list the supervisor reads, not a chart."""
    canvas.setFillColor(INK)
    canvas.setFont(font, 11)
    canvas.drawString(mm(15), y, f"打包相关反馈（按打包员，近 {PATTERN_DAYS} 天）")
    canvas.setFont(font, 10)
    text = (
        "；".join(
            f"{clerk} {category} {n} 次" for clerk, category, n in figures.packing_patterns[:8]
        )
        or "无"
    )
    for i, line in enumerate(wrap(text, font, 10, A4.width_pt - mm(30))[:2]):
        canvas.drawString(mm(15), y - mm(6) * (i + 1), line)


def daily_report_pdf(figures: DailyFigures) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4.size_pt, pageCompression=1)
    canvas.setTitle(f"发货后日报 {figures.day.isoformat()}")
    draw_daily_report(canvas, figures)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_daily_report(db: Database, day: date) -> bytes:
    """The report for one desk-zone day, as PDF bytes; carriers are shown by their names."""
    with db.reading() as session:
        figures = daily_figures(session, day)
        names = {code: carrier_label(session, code) for code, _ in figures.shipped_by_carrier}
        names |= {code: carrier_label(session, code) for code, _ in figures.late_by_carrier}
    figures = replace(
        figures,
        shipped_by_carrier=tuple((names[c], n) for c, n in figures.shipped_by_carrier),
        late_by_carrier=tuple((names[c], n) for c, n in figures.late_by_carrier),
    )
    log.info("daily report for %s: %d shipped, %d late", day, figures.shipped, figures.late)
    return daily_report_pdf(figures)
