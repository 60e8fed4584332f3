"""Where every box, diamond and arrow of the flow sheet goes, in millimetres.

The PDF and the window draw from the same coordinates (origin top left, y downwards), so the
printed sheet and the screen look alike. The flow snakes over three rows of seven columns:
row 1 left to right up to the stock decision, row 2 back from preparation to carrier choice,
row 3 from waybill to returns. Arrows are horizontal and vertical segments only; loops run in
the free channels above or below a row, so no arrow crosses a box (a test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.flow.steps import STEP_BY_KEY

COL_PITCH = 40.0
ROW_Y = (20.0, 72.0, 124.0)
BOX_W, BOX_H = 33.0, 25.0
DIAMOND_W, DIAMOND_H = 27.0, 20.0
WIDTH = 7 * COL_PITCH
HEIGHT = 146.0
# The size arrow labels are drawn at (the PDF and the window use it; the layout test too).
LABEL_MM = 2.5
# Loop channels: above row 1, between rows 1 and 2, below row 3.
TOP_CHANNEL = 4.0
MIDDLE_CHANNEL = 52.0
BOTTOM_CHANNEL = 141.0

# Fill, outline and text colours (hex) and outline width in mm per look of a node; the PDF
# and the window both draw with these.
PALETTE: dict[str, tuple[str, str, str, float]] = {
    "plain": ("#ffffff", "#263238", "#263238", 0.3),
    "decision": ("#fff8e1", "#263238", "#263238", 0.3),
    "slowest": ("#ffebee", "#c62828", "#263238", 0.9),
    "visited": ("#e3f2fd", "#1565c0", "#263238", 0.3),
    "current": ("#ffe0b2", "#e65100", "#263238", 0.9),
    "unvisited": ("#ffffff", "#9e9e9e", "#9e9e9e", 0.3),
}
EDGE_COLOUR = "#455a64"
PATH_COLOUR = "#1565c0"
ALERT_COLOUR = "#c62828"

# (key, column, row) in drawing order.
PLACES: tuple[tuple[str, int, int], ...] = (
    ("intake", 0, 0),
    ("paid", 1, 0),
    ("verification", 2, 0),
    ("confirmation", 3, 0),
    ("stock_check", 4, 0),
    ("stock_ok", 5, 0),
    ("backorder", 6, 0),
    ("preparation", 5, 1),
    ("packaging", 4, 1),
    ("packing", 3, 1),
    ("quality", 2, 1),
    ("qc_ok", 1, 1),
    ("carrier", 0, 1),
    ("waybill", 0, 2),
    ("handover", 1, 2),
    ("notice", 2, 2),
    ("tracking", 3, 2),
    ("feedback", 4, 2),
    ("return_ok", 5, 2),
    ("returns", 6, 2),
)


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    kind: str
    cx: float
    cy: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.cx - self.w / 2

    @property
    def right(self) -> float:
        return self.cx + self.w / 2

    @property
    def top(self) -> float:
        return self.cy - self.h / 2

    @property
    def bottom(self) -> float:
        return self.cy + self.h / 2

    def side(self, name: str) -> tuple[float, float]:
        """The middle of one side ("left", "right", "top", "bottom"): where arrows attach."""
        return {
            "left": (self.left, self.cy),
            "right": (self.right, self.cy),
            "top": (self.cx, self.top),
            "bottom": (self.cx, self.bottom),
        }[name]


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    # The polyline from the source's side to the target's side; the arrow head is at the end.
    points: tuple[tuple[float, float], ...]
    label: str = ""
    # Where the label's left end sits (baseline), when there is a label.
    label_at: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class FlowLayout:
    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def node(self, key: str) -> Node:
        return next(n for n in self.nodes if n.key == key)


def _node(key: str, col: int, row: int) -> Node:
    step = STEP_BY_KEY[key]
    w, h = (DIAMOND_W, DIAMOND_H) if step.kind == "decision" else (BOX_W, BOX_H)
    return Node(key, step.label, step.kind, COL_PITCH * (col + 0.5), ROW_Y[row], w, h)


def _straight(nodes: dict[str, Node], src: str, dst: str, label: str = "") -> Edge:
    """Neighbours in one row or one column: one segment between the facing sides."""
    a, b = nodes[src], nodes[dst]
    if abs(a.cy - b.cy) < 0.01:
        start, end = (
            (a.side("right"), b.side("left")) if a.cx < b.cx else (a.side("left"), b.side("right"))
        )
        label_at = (min(start[0], end[0]) + 0.8, a.cy - 1.2)
    else:
        start, end = (
            (a.side("bottom"), b.side("top")) if a.cy < b.cy else (a.side("top"), b.side("bottom"))
        )
        label_at = (a.cx + 1.2, min(start[1], end[1]) + 4.0)
    return Edge(src, dst, (start, end), label, label_at)


def _loop(nodes: dict[str, Node], src: str, dst: str, channel: float, label: str) -> Edge:
    """From the source's top or bottom out to a channel, along it, and into the target."""
    a, b = nodes[src], nodes[dst]
    out = "top" if channel < a.cy else "bottom"
    into = "top" if channel < b.cy else "bottom"
    start, end = a.side(out), b.side(into)
    points = (start, (start[0], channel), (end[0], channel), end)
    above = channel < a.cy
    label_y = channel - 1.0 if above else channel + 3.2
    return Edge(src, dst, points, label, (min(start[0], end[0]) + 2.0, label_y))


def build_layout() -> FlowLayout:
    nodes = {key: _node(key, col, row) for key, col, row in PLACES}
    n = nodes
    returns, backorder = n["returns"], n["backorder"]
    edges = (
        _straight(n, "intake", "paid"),
        _straight(n, "paid", "verification", "是"),
        _loop(n, "paid", "intake", TOP_CHANNEL, "否：挂起等付款"),
        _straight(n, "verification", "confirmation"),
        _straight(n, "confirmation", "stock_check"),
        _straight(n, "stock_check", "stock_ok"),
        _straight(n, "stock_ok", "backorder", "否"),
        _loop(n, "backorder", "stock_check", TOP_CHANNEL, "到货后重查"),
        _straight(n, "stock_ok", "preparation", "是"),
        _straight(n, "preparation", "packaging"),
        _straight(n, "packaging", "packing"),
        _straight(n, "packing", "quality"),
        _straight(n, "quality", "qc_ok"),
        _straight(n, "qc_ok", "carrier", "是"),
        _loop(n, "qc_ok", "packing", MIDDLE_CHANNEL, "否：返工"),
        _straight(n, "carrier", "waybill"),
        _straight(n, "waybill", "handover"),
        _straight(n, "handover", "notice"),
        _straight(n, "notice", "tracking"),
        _straight(n, "tracking", "feedback"),
        _straight(n, "feedback", "return_ok", "退货"),
        _straight(n, "return_ok", "returns", "是"),
        _loop(n, "return_ok", "feedback", BOTTOM_CHANNEL, "否：答复客户"),
        Edge(
            "returns",
            "backorder",
            (returns.side("top"), backorder.side("bottom")),
            "可售品回库",
            (returns.cx + 1.2, ROW_Y[1]),
        ),
    )
    return FlowLayout(WIDTH, HEIGHT, tuple(nodes.values()), edges)


def label_width(text: str, size: float) -> float:
    """A safe estimate of a label's width: CJK characters are square, the rest about half."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.55 for ch in text)
