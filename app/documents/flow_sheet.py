"""The flow sheet PDF: the shipping process as a chart with its figures, and as a table.

Page 1 draws every step and decision of app.flow.layout with, per step, the orders in it now,
those that passed through in the range, the median and p90 time and the exceptions; the
slowest step against its target is drawn red and the reason is written under the chart.
Page 2 is the table view (表格图): what is done, by whom, what is checked, the target time.
The per-order sheet draws the same chart with the order's path, times and users, then its
history. A4 landscape and A3 landscape are the same drawing at two scales.
"""

from __future__ import annotations

import io
import logging
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from app.db.engine import Database
from app.documents.flow_drawing import (
    CURRENT,
    DECISION,
    EDGE_INK,
    PLAIN,
    SLOWEST,
    UNVISITED,
    VISITED,
    ChartFrame,
    draw_chart,
    fit_frame,
)
from app.documents.fonts import register_cjk_font
from app.documents.page import mm
from app.errors import BadInput
from app.flow.annotations import (
    exception_words,
    local,
    order_step_lines,
    range_words,
    step_lines,
)
from app.flow.figures import FlowFigures, flow_figures
from app.flow.layout import ALERT_COLOUR, PATH_COLOUR, FlowLayout, build_layout
from app.flow.order_path import OrderPath, order_path, path_edges
from app.flow.reasons import duration_words, hours_words
from app.flow.steps import STEPS
from app.orders.platforms import platform_label

log = logging.getLogger(__name__)

SIZES = {"a4": landscape(A4), "a3": landscape(A3)}
MARGIN_MM = 10
HEADER_MM = 16
FOOTER_MM = 24
RED = colors.HexColor(ALERT_COLOUR)


class UnknownPageSize(BadInput):
    def __init__(self, size: str) -> None:
        super().__init__(f"纸张只能是 a4 或 a3，不是 {size}")
        self.size = size


def _page(size: str) -> tuple[float, float]:
    try:
        return SIZES[size.lower()]
    except KeyError:
        raise UnknownPageSize(size) from None


def _chart_area(c: Canvas, width: float, height: float, font: str, title: str, sub: str):
    """Header text, and the frame the chart fits in between header and footer."""
    k = width / SIZES["a4"][0]
    c.setFont(font, 16 * k)
    c.drawString(mm(MARGIN_MM), height - mm(MARGIN_MM) - 12 * k, title)
    c.setFont(font, 9 * k)
    c.setFillColor(colors.HexColor("#546e7a"))
    c.drawString(mm(MARGIN_MM), height - mm(MARGIN_MM) - 26 * k, sub)
    c.setFillColor(colors.black)
    layout = build_layout()
    return layout, chart_frame(layout, width, height)


def chart_frame(layout: FlowLayout, width: float, height: float) -> ChartFrame:
    """Where the chart goes on a page: between header and footer, both scaled with the page."""
    k = width / SIZES["a4"][0]
    header, footer = HEADER_MM * k, FOOTER_MM * k
    return fit_frame(
        layout,
        mm(MARGIN_MM),
        height - mm(MARGIN_MM + header),
        width - 2 * mm(MARGIN_MM),
        height - mm(2 * MARGIN_MM + header + footer),
    )


def render_flow_sheet(figures: FlowFigures, size: str = "a4") -> bytes:
    width, height = _page(size)
    font = register_cjk_font()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    c.setTitle("发货流程图")

    now = local(figures.now)
    layout, frame = _chart_area(
        c,
        width,
        height,
        font,
        "发货流程图",
        f"统计区间 {range_words(figures)} · 截至 {now} · "
        "在办 = 现在停在此步的订单；经过/中位/P90/异常 = 区间内",
    )
    rows = {r.key: r for r in figures.steps}

    def style_of(node):
        if node.key == figures.slowest:
            return SLOWEST
        return DECISION if node.kind == "decision" else PLAIN

    draw_chart(c, frame, layout, font, style_of, lambda node: step_lines(rows[node.key]))
    if figures.slowest:
        node = layout.node(figures.slowest)
        c.setFillColor(RED)
        c.setFont(font, frame.size(2.4))
        c.drawString(*frame.pt(node.left + 1.2, node.top + 3.0), "最慢")
    _slowest_footer(c, width, font, figures)
    c.showPage()

    _table_page(c, width, height, font, figures)
    c.showPage()
    c.save()
    log.info("flow sheet %s drawn (%s)", range_words(figures), size)
    return buffer.getvalue()


def _slowest_footer(c: Canvas, width: float, font: str, figures: FlowFigures) -> None:
    """The slowest step's sentence in a red box, and the footnote under it."""
    k = width / SIZES["a4"][0]
    if figures.slowest:
        bottom, box_width = mm(MARGIN_MM + 7 * k), width - 2 * mm(MARGIN_MM)
        c.setStrokeColor(RED)
        c.setFillColor(colors.HexColor("#ffebee"))
        c.setLineWidth(1)
        c.rect(mm(MARGIN_MM), bottom, box_width, mm(8 * k), stroke=1, fill=1)
        text = f"最慢（相对目标）：{figures.why}"
        size = min(11 * k, (box_width - 12) / stringWidth(text, font, 1))
        c.setFillColor(RED)
        c.setFont(font, size)
        c.drawString(mm(MARGIN_MM) + 6, bottom + mm(4 * k) - size * 0.35, text)
    c.setFillColor(colors.HexColor("#78909c"))
    c.setFont(font, 7 * k)
    c.drawString(
        mm(MARGIN_MM), mm(MARGIN_MM), f"说明：{figures.footnote}。P90 = 90% 的订单不超过的时间。"
    )


def _target_words(step, row) -> str:
    """The default target in words, or the hours the supervisor set instead."""
    if step.kind == "decision":
        return ""
    if row.target_h == step.target_hours:
        return step.target_words or "—"
    return hours_words(row.target_h) if row.target_h is not None else "不设目标"


def _table_page(c: Canvas, width: float, height: float, font: str, figures: FlowFigures) -> None:
    k = width / SIZES["a4"][0]
    c.setFont(font, 16 * k)
    c.drawString(mm(MARGIN_MM), height - mm(MARGIN_MM) - 12 * k, "流程表（表格图）")
    cell = ParagraphStyle("cell", fontName=font, fontSize=7.5 * k, leading=9.5 * k, wordWrap="CJK")
    head = ["步骤", "做什么", "谁做", "检查什么", "目标时间", "区间内异常"]
    data = [[Paragraph(h, cell) for h in head]]
    rows = {r.key: r for r in figures.steps}
    for step in STEPS:
        row = rows[step.key]
        target = _target_words(step, row)
        extra = exception_words(row) if step.kind == "step" else ""
        label = ("◇ " if step.kind == "decision" else "") + step.label
        data.append(
            [
                Paragraph(text, cell)
                for text in (label, step.does, step.who, step.checks, target, extra)
            ]
        )
    usable = width - 2 * mm(MARGIN_MM)
    table = Table(
        data, colWidths=[usable * f for f in (0.11, 0.25, 0.12, 0.24, 0.16, 0.12)], repeatRows=1
    )
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#90a4ae")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for i, step in enumerate(STEPS, 1):
        if step.kind == "decision":
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff8e1")))
        if step.key == figures.slowest:
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#ffebee")))
    table.setStyle(TableStyle(style))
    _w, h = table.wrapOn(c, usable, height)
    table.drawOn(c, mm(MARGIN_MM), height - mm(MARGIN_MM) - 22 * k - h)


def flow_sheet_pdf(
    db: Database,
    first: date | None = None,
    last: date | None = None,
    size: str = "a4",
    *,
    now: datetime | None = None,
) -> bytes:
    """The sheet for a date range straight from the database (the CLI and the window use it)."""
    _page(size)
    return render_flow_sheet(flow_figures(db, first, last, now=now), size)


def render_order_flow(path: OrderPath, size: str = "a4") -> bytes:
    width, height = _page(size)
    font = register_cjk_font()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    c.setTitle(f"订单流程 {path.order_no}")

    where = (
        "已结束"
        if path.current_step is None
        else next(s.label for s in STEPS if s.key == path.current_step)
    )
    layout, frame = _chart_area(
        c,
        width,
        height,
        font,
        f"订单流程 {path.order_no}",
        f"{platform_label(path.platform)} · {path.recipient} · 状态：{path.status_label} · "
        f"现在在：{where} · "
        f"截至 {local(path.now)} · 蓝色 = 已经过，橙色 = 现在所在",
    )
    visited = path.visited()
    taken = path_edges(path)

    def style_of(node):
        if node.key == path.current_step:
            return CURRENT
        if node.key in visited:
            return VISITED
        return DECISION if node.kind == "decision" else UNVISITED

    def edge_ink(edge):
        if (edge.src, edge.dst) in taken:
            return colors.HexColor(PATH_COLOUR), 0.7
        return EDGE_INK, 0.3

    draw_chart(
        c, frame, layout, font, style_of, lambda node: order_step_lines(path, node.key), edge_ink
    )
    c.showPage()
    _history_page(c, width, height, font, path)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _grid(rows: list[list[str]], widths: list[float], cell: ParagraphStyle) -> Table:
    table = Table(
        [[Paragraph(text, cell) for text in row] for row in rows], colWidths=widths, repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#90a4ae")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
            ]
        )
    )
    return table


def _history_page(c: Canvas, width: float, height: float, font: str, path: OrderPath) -> None:
    """The steps with times and users, then every state change with its note.

    A long history flows onto further pages, each headed "（续）" and repeating the column
    heads, so no change is cut off at the page foot.
    """
    k = width / SIZES["a4"][0]
    cell = ParagraphStyle("cell", fontName=font, fontSize=8 * k, leading=10 * k, wordWrap="CJK")
    usable = width - 2 * mm(MARGIN_MM)
    labels = {s.key: s.label for s in STEPS}

    steps = [["步骤", "进入", "离开", "用时", "经手"]] + [
        [
            labels[v.step],
            local(v.start),
            "进行中" if v.open else local(v.end),
            duration_words(v.seconds),
            v.last_moved_by if v.open else v.left_by,
        ]
        for v in path.visits
    ]
    changes = [["时间", "从", "到", "经手", "备注"]] + [
        [local(e.at), e.from_label or "—", e.to_label, e.user, e.note] for e in path.events
    ]
    tables = [
        _grid(steps, [usable * f for f in (0.2, 0.2, 0.2, 0.2, 0.2)], cell),
        _grid(changes, [usable * f for f in (0.14, 0.12, 0.12, 0.14, 0.48)], cell),
    ]
    _flow_tables(c, tables, width, height, font, f"订单 {path.order_no} 的经过")


def _flow_tables(
    c: Canvas, tables: list[Table], width: float, height: float, font: str, title: str
) -> None:
    """Draw tables one under another from the top, splitting them across pages as needed."""
    k = width / SIZES["a4"][0]
    usable = width - 2 * mm(MARGIN_MM)
    bottom = mm(MARGIN_MM)
    gap = 8 * k
    page = 1

    def heading() -> float:
        c.setFont(font, 16 * k)
        words = title if page == 1 else f"{title}（续，PDF 第 {c.getPageNumber()} 页）"
        c.drawString(mm(MARGIN_MM), height - mm(MARGIN_MM) - 12 * k, words)
        return height - mm(MARGIN_MM) - 22 * k

    y = heading()
    pending = list(tables)
    while pending:
        table = pending.pop(0)
        room = y - bottom
        _w, h = table.wrapOn(c, usable, room)
        if h <= room:
            table.drawOn(c, mm(MARGIN_MM), y - h)
            y -= h + gap
            continue
        # split() gives [] when not even the heads and one row fit: start a fresh page.
        parts = table.split(usable, room)
        if parts:
            first = parts[0]
            _w, h = first.wrapOn(c, usable, room)
            first.drawOn(c, mm(MARGIN_MM), y - h)
            pending[:0] = parts[1:]
        else:
            pending.insert(0, table)
        c.showPage()
        page += 1
        y = heading()


def order_flow_pdf(
    db: Database, order_no: str, size: str = "a4", *, now: datetime | None = None
) -> bytes:
    _page(size)
    return render_order_flow(order_path(db, order_no, now=now), size)
