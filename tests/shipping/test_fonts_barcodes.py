"""The shared CJK font and barcode drawing every document relies on."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from app.documents import barcodes, fonts
from app.documents.barcodes import (
    BarcodeRefused,
    draw_barcode,
    encode_code128,
    encode_ean13,
    encode_gs1_128,
    fit_module_dots,
    module_width_pt,
)
from app.documents.page import PageSpec, mm
from app.errors import PrintError

FONT_TEST = "义见赖说时间够么顶现晚败垫战紧创监软为啥翘络样张纸"


def _page_with(encoded, dpi: int = 300) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(mm(100), mm(40)))
    font = fonts.register_cjk_font()
    draw_barcode(
        canvas, encoded, mm(2), mm(5), mm(30), max_width=mm(96), dpi=dpi, font=font, font_size=8
    )
    canvas.drawString(mm(2), mm(36), "")
    canvas.setFont(font, 9)
    canvas.drawString(mm(2), mm(36), FONT_TEST)
    canvas.save()
    return out.getvalue()


def test_missing_font_stops_printing_instead_of_falling_back(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "FONT_NAME", "NotYetRegisteredCJK")
    monkeypatch.setattr(fonts, "font_path", lambda: tmp_path / "gone.ttc")
    with pytest.raises(PrintError, match="字体"):
        fonts.register_cjk_font()


def test_font_has_every_glyph_of_the_test_string_and_text_extracts(read_pdf):
    assert fonts.missing_glyphs(FONT_TEST) == []
    pdf = _page_with(encode_code128("SF1234567890123"))
    assert FONT_TEST in read_pdf.text(pdf)[0]
    assert b"/FontFile2" in pdf  # the TrueType subset is embedded, not referenced


@pytest.mark.parametrize("dpi", [203, 300])
def test_code128_decodes_back_from_the_rendered_page(read_pdf, dpi):
    pdf = _page_with(encode_code128("SF1234567890123"), dpi=dpi)
    found = read_pdf.barcodes(read_pdf.pages_png(pdf)[0])
    assert ("Code128", "SF1234567890123") in found


def test_ean13_decodes_and_a_wrong_check_digit_is_refused(read_pdf):
    pdf = _page_with(encode_ean13("6901234567892"))
    assert ("EAN13", "6901234567892") in read_pdf.barcodes(read_pdf.pages_png(pdf)[0])
    with pytest.raises(BarcodeRefused, match="校验位应为 2"):
        encode_ean13("6901234567891")


def test_sscc_gs1_128_starts_with_fnc1_and_prints_parentheses_only_as_text(read_pdf):
    encoded = encode_gs1_128("(00)123456789012345675")
    assert encoded.text == "(00)123456789012345675"
    # Start C (11010011100) then FNC1 (11110101110): the symbol really is GS1-128.
    assert encoded.modules.startswith("11010011100" + "11110101110")

    pdf = _page_with(encoded)
    # zxing only puts the AI in parentheses when the symbol starts with FNC1.
    found = read_pdf.barcodes(read_pdf.pages_png(pdf)[0])
    assert ("Code128", "(00)123456789012345675") in found
    assert "(00)123456789012345675" in read_pdf.text(pdf)[0]
    with pytest.raises(BarcodeRefused, match="校验位"):
        encode_gs1_128("(00)123456789012345676")


@pytest.mark.parametrize("dpi", [203, 300])
def test_module_width_is_whole_printer_dots_with_ten_module_quiet_zones(dpi):
    encoded = encode_code128("JDVA00012345678")
    dots = fit_module_dots(encoded, mm(80), dpi)
    width = module_width_pt(dots, dpi)
    assert (width / 72 * dpi) == pytest.approx(dots)
    assert encoded.quiet_left >= 10 and encoded.quiet_right >= 10
    assert encoded.total_modules * width <= mm(80)


def test_a_barcode_too_long_for_the_space_is_an_error_not_a_squeezed_symbol():
    with pytest.raises(PrintError, match="放不下"):
        fit_module_dots(encode_code128("X" * 60), mm(20), 203)


def test_bars_are_merged_runs():
    assert barcodes.bar_runs("0110111") == [(1, 2), (4, 3)]


def test_page_spec_is_exact_in_points_and_refuses_nonsense():
    assert [round(v, 2) for v in PageSpec("100x150", 100, 150).size_pt] == [283.46, 425.2]
    with pytest.raises(PrintError):
        PageSpec("bad", 0, 150)
