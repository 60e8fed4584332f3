"""Printing command results: JSON for machines, aligned text for people."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from app.errors import FileRefused
from app.file_access import write_bytes


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def print_json(value: Any) -> None:
    """Money is printed as a string ("12.30") so that no reader turns it into a float."""
    json.dump(_plain(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def save(path: Path, data: bytes | str, stored: str = "") -> None:
    """Write a command's document; a failure names the file and why, in Chinese.

    `stored` says what the command has already recorded (a waybill marked printed, a closed
    handover) and how to print it again, because the database is not rolled back for a
    file that could not be written.
    """
    try:
        write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data)
    except FileRefused as exc:
        if not stored:
            raise
        raise FileRefused(exc.file, f"{exc.reason}。{stored}") from None
