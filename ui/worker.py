"""Running a service off the GUI thread and getting its result back on it.

The one way windows do slow work (imports, bulk verification, batch printing). The function
runs in the global thread pool; its result, error or progress arrive as queued signals, so
the callbacks run on the GUI thread and may touch widgets. The worker itself never does.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._fn(self._signals.progress.emit)
            else:
                result = self._fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes to the one error path
            log.error("background job failed:\n%s", traceback.format_exc())
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


def run_in_thread(
    parent: QObject,
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> QObject:
    """Run `fn` in the pool. With `on_progress`, `fn` receives a `report(done, total)` callable.

    The returned object is owned by `parent`; it keeps the connections alive until the job ends.
    """
    signals = _Signals(parent)
    signals.done.connect(on_done)
    signals.failed.connect(on_error)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    signals.done.connect(signals.deleteLater)
    signals.failed.connect(signals.deleteLater)
    QThreadPool.globalInstance().start(_Job(fn, signals, on_progress is not None))
    return signals
