"""The architecture rules that keep the domain usable without a screen."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_app_never_imports_qt() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt\d|ui)\b", re.M)
    offenders = [p.relative_to(ROOT) for p in _sources("app") if pattern.search(p.read_text())]
    assert offenders == []


def test_ui_issues_no_sql() -> None:
    """The windows go through services in app/; no SQLAlchemy and no SQL text in ui/."""
    pattern = re.compile(
        r"^\s*(from|import)\s+(sqlalchemy|sqlite3|psycopg)|\b(SELECT|INSERT|UPDATE|DELETE)\s+"
        r"(\*|INTO|FROM|\w+\s+SET)",
        re.M,
    )
    offenders = [p.relative_to(ROOT) for p in _sources("ui") if pattern.search(p.read_text())]
    assert offenders == []


def test_python_lines_fit_in_99_columns() -> None:
    long_lines = [
        f"{p.relative_to(ROOT)}:{n}"
        for folder in ("app", "ui", "tests", "bench")
        for p in _sources(folder)
        if "migrations" not in p.parts
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if len(line) > 99
    ]
    assert long_lines == []
