"""Guard for the PySide6 6.12.0 bug on CPython 3.11.

That release drops a reference to None on every call of a void C++ method; after a few
thousand calls the interpreter aborts with "none_dealloc". pyproject.toml pins PySide6 below
6.12 on Python < 3.12; this test fails if a wheel with the bug comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_do_not_consume_references_to_none(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(10_000):
        widget.setObjectName(f"w{i % 7}")
        widget.resize(100 + i % 3, 80)
    after = sys.getrefcount(None)
    assert after >= before - 50, f"refcount of None fell by {before - after}"
