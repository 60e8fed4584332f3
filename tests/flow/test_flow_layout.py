"""The chart is legible: boxes apart, arrows only between their own ends, labels in free space."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from app.flow.layout import LABEL_MM, Edge, build_layout, label_width
from app.flow.steps import STEPS

LAYOUT = build_layout()


def _rect(node, pad: float = 0.0) -> tuple[float, float, float, float]:
    return node.left - pad, node.top - pad, node.right + pad, node.bottom + pad


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segments(edge):
    return list(zip(edge.points, edge.points[1:], strict=False))


def _segment_box(seg, shrink: float = 0.0):
    (x1, y1), (x2, y2) = seg
    return (
        min(x1, x2) + shrink * (x1 != x2),
        min(y1, y2) + shrink * (y1 != y2),
        max(x1, x2) - shrink * (x1 != x2),
        max(y1, y2) - shrink * (y1 != y2),
    )


def _touches(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def test_every_step_and_decision_is_drawn_once() -> None:
    assert sorted(n.key for n in LAYOUT.nodes) == sorted(s.key for s in STEPS)
    decisions = {n.key for n in LAYOUT.nodes if n.kind == "decision"}
    assert decisions == {"paid", "stock_ok", "qc_ok", "return_ok"}


def test_boxes_do_not_overlap_and_stay_on_the_sheet() -> None:
    for a, b in combinations(LAYOUT.nodes, 2):
        assert not _overlap(_rect(a, 2.0), _rect(b, 2.0)), (a.key, b.key)
    for n in LAYOUT.nodes:
        assert 0 <= n.left and n.right <= LAYOUT.width, n.key
        assert 0 <= n.top and n.bottom <= LAYOUT.height, n.key


def test_arrows_are_straight_runs_from_side_to_side() -> None:
    for edge in LAYOUT.edges:
        for (x1, y1), (x2, y2) in _segments(edge):
            assert x1 == x2 or y1 == y2, edge
        src, dst = LAYOUT.node(edge.src), LAYOUT.node(edge.dst)
        assert edge.points[0] in [src.side(s) for s in ("left", "right", "top", "bottom")]
        assert edge.points[-1] in [dst.side(s) for s in ("left", "right", "top", "bottom")]


def _boxes_crossed(layout) -> list[tuple[str, str, str]]:
    """(from, to, box) for every arrow segment that runs into a box; ends only touch sides."""
    return [
        (edge.src, edge.dst, node.key)
        for edge in layout.edges
        for seg in _segments(edge)
        for node in layout.nodes
        if _overlap(_segment_box(seg, shrink=0.5), _rect(node))
    ]


def test_arrows_do_not_cross_boxes() -> None:
    assert _boxes_crossed(LAYOUT) == []


def test_the_crossing_check_sees_a_bad_arrow() -> None:
    start, end = LAYOUT.node("intake").side("bottom"), LAYOUT.node("waybill").side("top")
    through = replace(LAYOUT, edges=(Edge("intake", "waybill", (start, end)),))
    assert _boxes_crossed(through) == [("intake", "waybill", "carrier")]


def test_arrows_neither_cross_nor_run_along_each_other() -> None:
    for e1, e2 in combinations(LAYOUT.edges, 2):
        shared_ends = {e1.src, e1.dst} & {e2.src, e2.dst}
        for s1 in _segments(e1):
            for s2 in _segments(e2):
                meet = _touches(_segment_box(s1, 0.5), _segment_box(s2, 0.5))
                assert not meet or shared_ends and not _collinear_overlap(s1, s2), (
                    f"{e1.src}->{e1.dst} meets {e2.src}->{e2.dst}"
                )


def _collinear_overlap(s1, s2) -> bool:
    a, b = _segment_box(s1), _segment_box(s2)
    same_line = (a[0] == a[2] == b[0] == b[2]) or (a[1] == a[3] == b[1] == b[3])
    return same_line and _overlap((a[0] - 0.01, a[1] - 0.01, a[2] + 0.01, a[3] + 0.01), b)


def test_arrow_labels_sit_in_free_space() -> None:
    for edge in LAYOUT.edges:
        if not edge.label:
            continue
        x, y = edge.label_at
        box = (x, y - LABEL_MM, x + label_width(edge.label, LABEL_MM), y)
        assert 0 <= box[0] and box[2] <= LAYOUT.width and 0 <= box[1], edge.label
        for node in LAYOUT.nodes:
            assert not _overlap(box, _rect(node)), (edge.label, node.key)
