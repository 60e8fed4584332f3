"""The printed flow sheet and the per-order sheet: page sizes, words, font, highlight."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from flow_fixture import DAY, NOW
from pypdf import PdfReader

from app.cli import build_parser, run
from app.documents.flow_sheet import (
    UnknownPageSize,
    chart_frame,
    flow_sheet_pdf,
    order_flow_pdf,
)
from app.flow.layout import build_layout
from app.flow.targets import set_target


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text().replace(" ", "") for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(
    ("size", "width", "height"), [("a4", 841.89, 595.28), ("a3", 1190.55, 841.89)]
)
def test_sheet_is_landscape_with_chart_and_table(flow_db, size, width, height) -> None:
    pdf = flow_sheet_pdf(flow_db, DAY, DAY, size, now=NOW)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == (width, height)
    chart, table = _text(pdf)
    assert "中位2.0小时" in chart and "P903.0小时" in chart  # verification of the fixture
    assert "最慢" in chart and "最多的原因：手机号不是有效的中国手机号" in chart
    assert "表格图" in table and "付款后2小时内审核" in table and "扫描拒绝2" in table


def test_sheet_embeds_the_cjk_font(flow_db) -> None:
    pdf = flow_sheet_pdf(flow_db, DAY, DAY, now=NOW)
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    names = [str(f.get_object()["/BaseFont"]) for f in fonts.values()]
    assert any("WenQuanYi" in name for name in names)


def _red_pixels(image, node, frame, page_height_pt, scale) -> int:
    x0, y0 = frame.pt(node.left, node.top)
    x1, y1 = frame.pt(node.right, node.bottom)
    crop = image.crop(
        (
            int(x0 * scale),
            int((page_height_pt - y0) * scale),
            int(x1 * scale),
            int((page_height_pt - y1) * scale),
        )
    )
    data = crop.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 170 and g < 90 and b < 90)


def test_only_the_slowest_step_is_drawn_red(flow_db) -> None:
    pdf = pdfium.PdfDocument(flow_sheet_pdf(flow_db, DAY, DAY, now=NOW))
    image = pdf[0].render(scale=2).to_pil().convert("RGB")
    width, height = pdf[0].get_size()
    pdf.close()
    layout = build_layout()
    frame = chart_frame(layout, width, height)
    red = {n.key: _red_pixels(image, n, frame, height, 2) for n in layout.nodes}
    assert red.pop("verification") > 200
    assert max(red.values()) == 0


def test_order_sheet_shows_path_times_and_users(flow_db) -> None:
    chart, history = _text(order_flow_pdf(flow_db, "C", now=NOW))
    assert "现在在：交接" in chart and "淘宝/天猫·" in chart
    assert "经手审单员李" in chart
    assert "2次，共1.5小时" in chart  # packed, failed quality, packed again
    assert "已等3.5小时" in chart
    assert "质检员周" in history


def test_unknown_page_size_is_bad_input(flow_db) -> None:
    with pytest.raises(UnknownPageSize):
        flow_sheet_pdf(flow_db, DAY, DAY, "letter", now=NOW)


def test_cli_prints_both_sheets(flow_db, tmp_path) -> None:
    parser = build_parser()
    out = tmp_path / "flow.pdf"
    args = parser.parse_args(
        [
            "--db",
            flow_db.url,
            "print",
            "flow",
            "--out",
            str(out),
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02",
            "--size",
            "a3",
        ]
    )
    assert run(args, args.handler) == 0
    assert len(PdfReader(out).pages) == 2

    order = tmp_path / "order.pdf"
    args = parser.parse_args(
        ["--db", flow_db.url, "print", "order-flow", "C", "--out", str(order)]
    )
    assert run(args, args.handler) == 0
    assert "订单流程C" in _text(order.read_bytes())[0]


def test_cli_refuses_a_bad_date_and_an_unknown_order(flow_db, tmp_path, capsys) -> None:
    parser = build_parser()
    args = parser.parse_args(
        [
            "--db",
            flow_db.url,
            "print",
            "flow",
            "--out",
            str(tmp_path / "x.pdf"),
            "--from",
            "2026-11-31",
        ]
    )
    assert run(args, args.handler) == 3
    assert "--from" in capsys.readouterr().err
    args = parser.parse_args(
        ["--db", flow_db.url, "print", "order-flow", "NOPE", "--out", str(tmp_path / "y.pdf")]
    )
    assert run(args, args.handler) == 3


def test_table_shows_a_changed_target_in_hours(flow_db) -> None:
    set_target(flow_db, "verification", 3)
    set_target(flow_db, "packing", None)
    table = _text(flow_sheet_pdf(flow_db, DAY, DAY, now=NOW))[1]
    assert "付款后2小时内审核" not in table and "3小时" in table
    assert "不设目标" in table and "确认后8小时内开始打包" in table


def test_order_sheet_says_who_a_held_order_waits_on(flow_db) -> None:
    chart, history = _text(order_flow_pdf(flow_db, "D", now=NOW))
    assert "现在在：审核" in chart and "挂起·经手系统" in chart and "已等9.0小时" in chart
    assert "进行中" in history
