"""Fitting Chinese text into a box: wrap by character, shrink the font, never clip.

Chinese has no spaces to break at, so lines break between any two characters (keeping runs of
Latin letters and digits together where they fit). If the text still does not fit at the
smallest allowed size, the last line ends with "…" rather than running off the label.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

_TOKENS = re.compile(r"[A-Za-z0-9.\-_/#@]+|\s+|.", re.S)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break `text` into lines no wider than `width` at `size` points."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for token in _TOKENS.findall(paragraph):
            candidate = line + token
            if stringWidth(candidate, font, size) <= width or not line:
                if stringWidth(candidate, font, size) <= width:
                    line = candidate
                    continue
                # A single token wider than the line: break it by character.
                for ch in token:
                    if stringWidth(line + ch, font, size) > width and line:
                        lines.append(line)
                        line = ""
                    line += ch
                continue
            lines.append(line.rstrip())
            line = token.lstrip()
        lines.append(line.rstrip())
    return lines


def fit(
    text: str, font: str, width: float, max_lines: int, size: float, min_size: float
) -> tuple[float, list[str]]:
    """The largest size from `size` down to `min_size` at which `text` fits in `max_lines`."""
    current = size
    while True:
        lines = wrap(text, font, current, width)
        if len(lines) <= max_lines:
            return current, lines
        if current - 0.5 < min_size:
            break
        current -= 0.5

    kept = lines[:max_lines]
    last = kept[-1]
    while last and stringWidth(last + "…", font, current) > width:
        last = last[:-1]
    kept[-1] = last + "…"
    return current, kept
