"""Running a service off the GUI thread and getting its result back on it.

The one way windows do slow work (imports, bulk verification, batch printing). The function
runs in the global thread pool; its result, error or progress arrive as queued signals, so
the callbacks run on the GUI thread and may touch widgets. The worker itself never does.

The signal carrier belongs to a janitor on the GUI thread, not to the window: a window closed
while its job still runs must not delete the object the worker thread is about to emit on.
The callbacks are delivered through a receiver owned by the window, so once the window is
gone they are simply not called.

A carrier is deleted only by Qt on the GUI thread, and only once a later job has ended too.
Owned by Python, it was freed wherever its last reference went: when the janitor dropped its
reference first, the worker thread's release of the finished job deleted it on that thread
while the GUI thread was deleting it for deleteLater, and `make test` crashed about once in a
few runs with a segmentation fault in the event loop. Waiting one job longer also keeps the
object alive while the worker thread is still returning from its last `emit`.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# The function of each running job by its carrier, released by the janitor when the job has
# ended: on the GUI thread, never on the worker (see `_Job.run`).
_running: dict[_Signals, Callable[..., Any]] = {}


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)
    ended = Signal()


class _Receiver(QObject):
    """Lives on the GUI thread as a child of the window; forwards what the job sends."""

    def __init__(self, parent: QObject, on_done, on_error, on_progress) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress

    @Slot(object)
    def done(self, result: Any) -> None:
        self._on_done(result)
        self.deleteLater()

    @Slot(object)
    def failed(self, exc: Exception) -> None:
        self._on_error(exc)
        self.deleteLater()

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._with_progress = with_progress

    def run(self) -> None:
        """Run the function; every reference this thread holds is gone before `ended`.

        The function is often a lambda holding its window. Had the worker dropped the last
        reference after the window was closed, Python would have freed the window's widgets
        on this thread, and the GUI thread crashed later. `_running` keeps the function until
        the janitor, on the GUI thread, sees `ended`.
        """
        fn, self._fn = self._fn, None
        result = None
        try:
            if self._with_progress:
                result = fn(self._signals.progress.emit)
            else:
                result = fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes to the one error path
            log.error("background job failed:\n%s", traceback.format_exc())
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)
        finally:
            fn = result = None
            self._signals.ended.emit()


class _Janitor(QObject):
    """Deletes the signal carriers of ended jobs on the GUI thread, one job late."""

    def __init__(self) -> None:
        super().__init__()
        self._ended: list[_Signals] = []

    @Slot()
    def forget(self) -> None:
        for carrier in self._ended:
            carrier.deleteLater()
        signals = self.sender()
        _running.pop(signals, None)
        self._ended = [signals]


_janitor: _Janitor | None = None


def _the_janitor() -> _Janitor:
    global _janitor
    if _janitor is None:
        _janitor = _Janitor()
    return _janitor


def run_in_thread(
    parent: QObject,
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> QObject:
    """Run `fn` in the pool. With `on_progress`, `fn` receives a `report(done, total)` callable.

    Returns the receiver, a child of `parent`; it is deleted once the result was delivered.
    """
    # The janitor's child: Qt, not the last Python reference (maybe on the worker), frees it.
    signals = _Signals(_the_janitor())
    receiver = _Receiver(parent, on_done, on_error, on_progress)
    signals.done.connect(receiver.done)
    signals.failed.connect(receiver.failed)
    signals.progress.connect(receiver.progress)
    signals.ended.connect(_the_janitor().forget)
    _running[signals] = fn
    QThreadPool.globalInstance().start(_Job(fn, signals, on_progress is not None))
    return receiver


def wait_for_jobs(timeout_ms: int = 30_000) -> bool:
    """Block until every background job has ended; for shutting down and for tests."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
