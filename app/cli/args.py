"""Argument types shared by the commands, so absurd numbers stop at the command line."""

from __future__ import annotations

import argparse

# Larger than any real quantity, id or day count, small enough for every database integer.
LIMIT = 1_000_000_000


def whole_number(text: str) -> int:
    """An integer within ±LIMIT; argparse turns the error into a usage message (exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是整数") from None
    if abs(value) > LIMIT:
        raise argparse.ArgumentTypeError(f"「{text}」太大（上限 {LIMIT}）")
    return value


def day_count(text: str) -> int:
    """A number of days from 0 to ten years."""
    value = whole_number(text)
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError(f"「{text}」天数应在 0 到 3650 之间")
    return value
