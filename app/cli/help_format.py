"""Laying out `--help` in terminal columns, so Chinese help wraps where the terminal ends.

argparse wraps help with `textwrap`, which counts characters and breaks only at spaces. A
Chinese character takes two columns and Chinese has no spaces, so a help text came out as one
line about twice as wide as the terminal, cut wherever the terminal chose. The formatter here
counts columns and may break between two Chinese characters, but not before a closing mark
such as ， or ） nor after an opening one such as （.
"""

from __future__ import annotations

import argparse
import unicodedata
from itertools import pairwise

# Marks that stay with the character before them, and those that stay with the one after.
_NO_BREAK_BEFORE = frozenset("，。、；：！？）」』】》…,.;:!?)]%")
_NO_BREAK_AFTER = frozenset("（「『【《([")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def columns(text: str) -> int:
    """How many terminal columns `text` takes: two for a Chinese character, one otherwise."""
    return sum(2 if _wide(c) else 1 for c in text)


def _pieces(word: str) -> list[str]:
    """`word` (no spaces) cut where a line may break: next to a Chinese character."""
    pieces = [word[0]]
    for before, char in pairwise(word):
        breakable = (_wide(before) or _wide(char)) and not (
            char in _NO_BREAK_BEFORE or before in _NO_BREAK_AFTER
        )
        if breakable:
            pieces.append(char)
        else:
            pieces[-1] += char
    return pieces


def wrap_columns(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns; a piece wider than that gets a line of its own."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        for i, piece in enumerate(_pieces(word)):
            joined = line + (" " if i == 0 and line else "") + piece
            if line and columns(joined) > width:
                lines.append(line)
                line = piece
            else:
                line = joined
    if line:
        lines.append(line)
    return lines


class ColumnsHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, wrapping help and aligning usage by columns, not characters."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_columns(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_columns(text, width - len(indent)))

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        """argparse indents the usage's further lines by the length of "用法：", which is half
        its width; this shifts them under the first line and leaves room for the shift."""
        if prefix is None:
            prefix = argparse._("usage: ")
        shift = columns(prefix) - len(prefix)
        self._width -= shift
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += shift
        first, *rest = text.split("\n")
        return "\n".join([first, *(" " * shift + line if line else line for line in rest)])


class DeskParser(argparse.ArgumentParser):
    """An ArgumentParser using `ColumnsHelpFormatter`; argparse builds every subcommand's
    parser with the class of its parent, so the whole command tree lays out the same way."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ColumnsHelpFormatter)
        super().__init__(**kwargs)
