"""A background job's signal carrier is freed by Qt on the GUI thread, one job late.

Freed by whichever thread dropped the last Python reference, it was sometimes deleted on the
worker thread while the GUI thread deleted it too, and the suite crashed in the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

from ui import worker


def _run_one(qtbot, window: QWidget, value: int):
    """Run a job to its end (result delivered, janitor done) and return its carrier."""
    results = []
    before = set(worker._running)
    worker.run_in_thread(window, lambda: value, results.append, results.append)
    (carrier,) = set(worker._running) - before
    qtbot.waitUntil(lambda: results == [value] and carrier not in worker._running)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return carrier


def test_a_carrier_lives_until_the_next_job_has_ended(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)

    first = _run_one(qtbot, window, 1)
    assert Shiboken.isValid(first)
    assert first.parent() is worker._the_janitor()
    assert not Shiboken.ownedByPython(first)

    second = _run_one(qtbot, window, 2)
    assert not Shiboken.isValid(first)
    assert Shiboken.isValid(second)
    assert worker.wait_for_jobs(5_000)
