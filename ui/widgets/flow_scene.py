"""The flow chart as a QGraphicsScene, drawn from the same layout as the printed sheet.

Coordinates are the layout's millimetres times `PX_PER_MM`, so the screen and the PDF show
the same chart. Steps and decisions are clickable: the scene calls `on_click(key)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from app.flow.layout import EDGE_COLOUR, LABEL_MM, PALETTE, Edge, FlowLayout, Node

log = logging.getLogger(__name__)

PX_PER_MM = 5.0
TITLE_MM = 3.4
LINE_MM = 2.35
ARROW_MM = 2.0


def _px(value: float) -> float:
    return value * PX_PER_MM


def _font(size_mm: float) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(_px(size_mm))))
    return font


class NodeItem(QGraphicsPathItem):
    """One step or decision; hovering shows the hand cursor, a click reports the key."""

    def __init__(self, node: Node, on_click: Callable[[str], None]) -> None:
        super().__init__()
        self.key = node.key
        self._on_click = on_click
        path = QPainterPath()
        if node.kind == "decision":
            corners = [
                (node.cx, node.top),
                (node.right, node.cy),
                (node.cx, node.bottom),
                (node.left, node.cy),
            ]
            path.addPolygon(QPolygonF([QPointF(_px(x), _px(y)) for x, y in corners]))
            path.closeSubpath()
        else:
            rect = QRectF(_px(node.left), _px(node.top), _px(node.w), _px(node.h))
            path.addRoundedRect(rect, _px(1.5), _px(1.5))
        self.setPath(path)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptHoverEvents(True)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_click(self.key)
            event.accept()
            return
        super().mousePressEvent(event)


class FlowScene(QGraphicsScene):
    """Draws the layout; `draw(...)` redraws it with new words and looks per node."""

    def __init__(self, layout: FlowLayout, on_click: Callable[[str], None], parent=None) -> None:
        super().__init__(parent)
        self._layout = layout
        self._on_click = on_click
        self.node_items: dict[str, NodeItem] = {}
        self.setSceneRect(QRectF(0, 0, _px(layout.width), _px(layout.height)))
        self.setBackgroundBrush(QColor("#ffffff"))

    def draw(
        self,
        lines: dict[str, list[str]],
        looks: dict[str, str],
        tooltips: dict[str, str],
        edge_colours: dict[tuple[str, str], tuple[str, float]] | None = None,
    ) -> None:
        self.clear()
        self.node_items.clear()
        for edge in self._layout.edges:
            colour, width = (edge_colours or {}).get((edge.src, edge.dst), (EDGE_COLOUR, 0.3))
            self._edge(edge, QColor(colour), width)
        for node in self._layout.nodes:
            self._node(
                node,
                lines.get(node.key, []),
                looks.get(node.key, "plain"),
                tooltips.get(node.key, ""),
            )

    def _node(self, node: Node, lines: list[str], look: str, tooltip: str) -> None:
        fill, stroke, text, width = PALETTE[look]
        item = NodeItem(node, self._on_click)
        item.setBrush(QBrush(QColor(fill)))
        item.setPen(QPen(QColor(stroke), _px(width)))
        item.setToolTip(tooltip)
        self.addItem(item)
        self.node_items[node.key] = item

        room = _px(node.w * (0.62 if node.kind == "decision" else 1) - 2.4)
        block = TITLE_MM + LINE_MM * 1.3 * len(lines)
        top = node.cy - block / 2
        if node.kind == "decision" and lines:
            top = node.cy - TITLE_MM
        self._text(item, node.label, node.cx, top, TITLE_MM, room, QColor(text))
        y = top + TITLE_MM
        for line in lines:
            self._text(item, line, node.cx, y + LINE_MM * 0.3, LINE_MM, room, QColor(text))
            y += LINE_MM * 1.3

    def mark(self, key: str, words: str, colour: str) -> None:
        """A small tag in the top-left corner of a node, e.g. 最慢 on the slowest step."""
        node = self._layout.node(key)
        tag = QGraphicsSimpleTextItem(words, self.node_items[key])
        tag.setFont(_font(2.4))
        tag.setBrush(QColor(colour))
        tag.setPos(_px(node.left + 1.2), _px(node.top + 0.6))

    @staticmethod
    def _text(
        parent: QGraphicsItem,
        words: str,
        cx: float,
        top: float,
        size_mm: float,
        room: float,
        colour: QColor,
    ) -> None:
        """Centred text whose top is at `top` mm, shrunk until it fits `room` pixels."""
        font = _font(size_mm)
        width = QFontMetricsF(font).horizontalAdvance(words)
        if width > room:
            font.setPixelSize(max(1, int(font.pixelSize() * room / width)))
            width = QFontMetricsF(font).horizontalAdvance(words)
        item = QGraphicsSimpleTextItem(words, parent)
        item.setFont(font)
        item.setBrush(colour)
        item.setPos(_px(cx) - width / 2, _px(top))

    def _edge(self, edge: Edge, colour: QColor, width_mm: float) -> None:
        pen = QPen(colour, _px(width_mm))
        points = [QPointF(_px(x), _px(y)) for x, y in edge.points]
        last, end = points[-2], points[-1]
        direction = end - last
        length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1.0)
        ux, uy = direction.x() / length, direction.y() / length
        head = _px(ARROW_MM)
        base = QPointF(end.x() - ux * head, end.y() - uy * head)

        path = QPainterPath(points[0])
        for point in points[1:-1]:
            path.lineTo(point)
        path.lineTo(base)
        line = QGraphicsPathItem(path)
        line.setPen(pen)
        self.addItem(line)

        wing = head * 0.4
        arrow = QGraphicsPolygonItem(
            QPolygonF(
                [
                    end,
                    QPointF(base.x() - uy * wing, base.y() + ux * wing),
                    QPointF(base.x() + uy * wing, base.y() - ux * wing),
                ]
            )
        )
        arrow.setBrush(colour)
        arrow.setPen(Qt.PenStyle.NoPen)
        self.addItem(arrow)

        if edge.label:
            label = QGraphicsSimpleTextItem(edge.label)
            font = _font(LABEL_MM)
            label.setFont(font)
            label.setBrush(colour)
            ascent = QFontMetricsF(font).ascent()
            label.setPos(_px(edge.label_at[0]), _px(edge.label_at[1]) - ascent)
            self.addItem(label)
