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


def test_what_the_job_held_is_freed_on_the_gui_thread(qtbot) -> None:
    """A job's lambda holding a closed window was freed by the worker thread, widgets and all,
    when it dropped the last reference."""
    import gc
    import threading

    from PySide6.QtCore import QObject

    window = QWidget()
    qtbot.addWidget(window)
    freed_on: list[str] = []
    started = threading.Event()
    release = threading.Event()

    held = QObject()
    held.destroyed.connect(lambda *_: freed_on.append(threading.current_thread().name))

    def work(holder=held):
        started.set()
        release.wait(5)
        return holder.objectName()

    results = []
    worker.run_in_thread(window, work, results.append, results.append)
    started.wait(5)
    del work, held  # the job's function is now the only thing holding the object
    gc.collect()
    release.set()
    qtbot.waitUntil(lambda: results == [""] and bool(freed_on), timeout=5_000)

    assert freed_on == [threading.main_thread().name]
    assert worker.wait_for_jobs(5_000)
