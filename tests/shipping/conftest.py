"""Helpers for the shipping tests: read PDFs back the way a printer and a scanner would."""

from __future__ import annotations

import io

import pypdf
import pypdfium2
import pytest
import zxingcpp


def pdf_pages_png(pdf: bytes, scale: float = 300 / 72) -> list:
    """Each page rendered as a PIL image at 300 dpi, like a thermal printer would print it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].render(scale=scale).to_pil() for i in range(len(document))]
    finally:
        document.close()


def decode_barcodes(image) -> list[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp finds, format as "Code128", "EAN13".

    A GS1-128 symbol (one that starts with FNC1) comes back with zxing's parenthesised text.
    """
    found = zxingcpp.read_barcodes(image)
    return [(str(r.format).replace(" ", "").replace("-", ""), r.text) for r in found]


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


@pytest.fixture
def read_pdf():
    """The helpers above, for tests that check printed documents."""

    class Reader:
        pages_png = staticmethod(pdf_pages_png)
        barcodes = staticmethod(decode_barcodes)
        text = staticmethod(pdf_text)
        sizes = staticmethod(pdf_page_sizes)

    return Reader
