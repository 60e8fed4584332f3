"""The one CJK font every document uses, registered with ReportLab on first print.

WenQuanYi Micro Hei ships in `resources/fonts` as a TrueType collection; ReportLab embeds a
subset of it in each PDF, so a printer or viewer never needs its own Chinese font. Registering
the 5 MB file costs about 0.2 s, so it happens once, when the first document is drawn, not at
start-up. A missing or unreadable font stops printing with `PrintError`: a waybill printed in a
Latin fallback font would show empty boxes where the recipient's name should be.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.config import resources_dir
from app.errors import PrintError

log = logging.getLogger(__name__)

FONT_NAME = "WenQuanYiMicroHei"
# The collection holds Micro Hei (0) and Micro Hei Mono (1); the proportional face reads better.
SUBFONT_INDEX = 0

_lock = threading.Lock()


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def register_cjk_font() -> str:
    """Register the CJK font with ReportLab if it is not yet, and return its name."""
    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return FONT_NAME

        path = font_path()
        if not path.is_file():
            raise PrintError(f"找不到中文字体文件 {path}，无法打印")
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=SUBFONT_INDEX)
        except (TTFError, OSError) as exc:
            raise PrintError(f"中文字体 {path} 无法加载: {exc}") from exc

        pdfmetrics.registerFont(font)
        log.info("registered CJK font %s from %s", FONT_NAME, path)
        return FONT_NAME


def missing_glyphs(text: str) -> list[str]:
    """Characters of `text` the font has no glyph for, so a caller can refuse or warn."""
    name = register_cjk_font()
    widths = pdfmetrics.getFont(name).face.charWidths
    return [ch for ch in dict.fromkeys(text) if not ch.isspace() and ord(ch) not in widths]
