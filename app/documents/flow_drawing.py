"""Drawing the flow chart of app.flow.layout onto a ReportLab canvas.

The layout is in millimetres with y downwards; `ChartFrame` places it on the page at a scale,
so A4 and A3 are the same drawing at two sizes. The pages themselves are in flow_sheet.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.documents.page import mm
from app.flow.layout import EDGE_COLOUR, LABEL_MM, PALETTE, Edge, FlowLayout, Node

TITLE_MM = 3.4
LINE_MM = 2.35
ARROW_MM = 2.0

EDGE_INK = colors.HexColor(EDGE_COLOUR)


@dataclass(frozen=True)
class NodeStyle:
    fill: colors.Color
    stroke: colors.Color
    text: colors.Color
    width_mm: float


def _style(look: str) -> NodeStyle:
    fill, stroke, text, width = PALETTE[look]
    return NodeStyle(colors.HexColor(fill), colors.HexColor(stroke), colors.HexColor(text), width)


PLAIN, DECISION, SLOWEST = _style("plain"), _style("decision"), _style("slowest")
VISITED, CURRENT, UNVISITED = _style("visited"), _style("current"), _style("unvisited")


@dataclass(frozen=True)
class ChartFrame:
    """Where the layout's top-left corner sits on the page (points) and its scale."""

    left_pt: float
    top_pt: float
    scale: float

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return self.left_pt + mm(x) * self.scale, self.top_pt - mm(y) * self.scale

    def size(self, mm_value: float) -> float:
        return mm(mm_value) * self.scale


def fit_frame(
    layout: FlowLayout, left_pt: float, top_pt: float, width_pt: float, height_pt: float
) -> ChartFrame:
    """The largest scale at which the layout fits the box, centred horizontally."""
    scale = min(width_pt / mm(layout.width), height_pt / mm(layout.height))
    spare = width_pt - mm(layout.width) * scale
    return ChartFrame(left_pt + spare / 2, top_pt, scale)


def _fitted(text: str, font: str, size: float, room: float) -> float:
    """The font size at which `text` fits in `room` points, never larger than `size`."""
    width = stringWidth(text, font, size)
    return size if width <= room else size * room / width


def draw_node(
    c: Canvas, frame: ChartFrame, node: Node, font: str, style: NodeStyle, lines: list[str]
) -> None:
    c.saveState()
    c.setStrokeColor(style.stroke)
    c.setFillColor(style.fill)
    c.setLineWidth(frame.size(style.width_mm))
    if node.kind == "decision":
        p = c.beginPath()
        corners = (
            (node.cx, node.top),
            (node.right, node.cy),
            (node.cx, node.bottom),
            (node.left, node.cy),
        )
        p.moveTo(*frame.pt(*corners[0]))
        for corner in corners[1:]:
            p.lineTo(*frame.pt(*corner))
        p.close()
        c.drawPath(p, stroke=1, fill=1)
    else:
        x, y = frame.pt(node.left, node.bottom)
        c.roundRect(
            x, y, frame.size(node.w), frame.size(node.h), frame.size(1.5), stroke=1, fill=1
        )

    c.setFillColor(style.text)
    room = frame.size(node.w * (0.62 if node.kind == "decision" else 1) - 2.4)
    title_size = _fitted(node.label, font, frame.size(TITLE_MM), room)
    block = TITLE_MM + LINE_MM * 1.3 * len(lines)
    y = node.cy - block / 2 + TITLE_MM * 0.85
    if node.kind == "decision" and lines:
        y = node.cy - 0.2
    c.setFont(font, title_size)
    c.drawCentredString(*frame.pt(node.cx, y), node.label)
    for line in lines:
        y += LINE_MM * 1.3
        size = _fitted(line, font, frame.size(LINE_MM), room)
        c.setFont(font, size)
        c.drawCentredString(*frame.pt(node.cx, y), line)
    c.restoreState()


def draw_edge(
    c: Canvas, frame: ChartFrame, edge: Edge, font: str, *, ink=EDGE_INK, width_mm: float = 0.3
) -> None:
    c.saveState()
    c.setStrokeColor(ink)
    c.setFillColor(ink)
    c.setLineWidth(frame.size(width_mm))
    points = [frame.pt(x, y) for x, y in edge.points]
    (x1, y1), (x2, y2) = points[-2], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    head = frame.size(ARROW_MM)
    base = (x2 - ux * head, y2 - uy * head)

    p = c.beginPath()
    p.moveTo(*points[0])
    for point in points[1:-1]:
        p.lineTo(*point)
    p.lineTo(*base)
    c.drawPath(p, stroke=1, fill=0)

    wing = head * 0.4
    arrow = c.beginPath()
    arrow.moveTo(x2, y2)
    arrow.lineTo(base[0] - uy * wing, base[1] + ux * wing)
    arrow.lineTo(base[0] + uy * wing, base[1] - ux * wing)
    arrow.close()
    c.drawPath(arrow, stroke=0, fill=1)

    if edge.label:
        c.setFont(font, frame.size(LABEL_MM))
        c.drawString(*frame.pt(*edge.label_at), edge.label)
    c.restoreState()


def draw_chart(
    c: Canvas,
    frame: ChartFrame,
    layout: FlowLayout,
    font: str,
    style_of: Callable[[Node], NodeStyle],
    lines_of: Callable[[Node], list[str]],
    edge_ink: Callable[[Edge], tuple[colors.Color, float]] | None = None,
) -> None:
    for edge in layout.edges:
        ink, width = edge_ink(edge) if edge_ink else (EDGE_INK, 0.3)
        draw_edge(c, frame, edge, font, ink=ink, width_mm=width)
    for node in layout.nodes:
        draw_node(c, frame, node, font, style_of(node), lines_of(node))
