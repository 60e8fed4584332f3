"""Fitting Chinese text into a box: wrap by character, shrink the font, never clip.

Chinese has no spaces to break at, so lines break between any two characters (keeping runs of
Latin letters and digits together where they fit). If the text still does not fit at the
smallest allowed size, the last line ends with "…" rather than running off the label.

Widths are looked up per character at 1 pt and scaled, because a batch of a thousand waybills
measures the same few hundred characters over and over.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

_TOKENS = re.compile(r"[A-Za-z0-9.\-_/#@]+|\s+|.", re.S)
_ELLIPSIS = "…"


@lru_cache(maxsize=20000)
def _char_width(font: str, ch: str) -> float:
    return stringWidth(ch, font, 1)


def text_width(text: str, font: str, size: float) -> float:
    return sum(_char_width(font, ch) for ch in text) * size


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break `text` into lines no wider than `width` at `size` points."""
    limit = width / size
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if sum(_char_width(font, ch) for ch in paragraph) <= limit:
            # Most fields fit on one line: no need to look for places to break.
            lines.append(paragraph.rstrip())
            continue
        line, used = "", 0.0
        for token in _TOKENS.findall(paragraph):
            token_w = sum(_char_width(font, ch) for ch in token)
            if used + token_w <= limit:
                line, used = line + token, used + token_w
                continue
            if token.isspace():
                lines.append(line)
                line, used = "", 0.0
                continue
            if token_w > limit or not line:
                # A token wider than a line: break it between characters.
                for ch in token:
                    w = _char_width(font, ch)
                    if used + w > limit and line:
                        lines.append(line)
                        line, used = "", 0.0
                    line, used = line + ch, used + w
                continue
            lines.append(line.rstrip())
            line, used = token, token_w
        lines.append(line.rstrip())
    return lines


@lru_cache(maxsize=4096)
def fit(
    text: str, font: str, width: float, max_lines: int, size: float, min_size: float
) -> tuple[float, tuple[str, ...]]:
    """The largest size from `size` down to `min_size` at which `text` fits in `max_lines`.

    Cached: the sender, the carrier and the headings are the same on every label of a batch.
    """
    current = size
    while True:
        lines = wrap(text, font, current, width)
        if len(lines) <= max_lines:
            return current, tuple(lines)
        if current - 0.5 < min_size:
            break
        current -= 0.5

    kept = lines[:max_lines]
    last = kept[-1]
    while last and text_width(last + _ELLIPSIS, font, current) > width:
        last = last[:-1]
    kept[-1] = last + _ELLIPSIS
    return current, tuple(kept)


@lru_cache(maxsize=4096)
def fit_height(
    text: str, font: str, width: float, height: float, size: float, min_size: float
) -> tuple[float, tuple[str, ...]]:
    """Like `fit`, but the box has a height, not a line count: a smaller size fits more lines.

    A long address shrunk to 7 pt gets the lines 7 pt allows, instead of being cut with "…"
    after the lines its first 10 pt allowed while half the box stays empty.
    """
    current = size
    while True:
        rows = max(1, int(height // (current * 1.2)))
        lines = wrap(text, font, current, width)
        if len(lines) <= rows or current - 0.5 < min_size:
            break
        current -= 0.5
    return fit(text, font, width, rows, current, current)
