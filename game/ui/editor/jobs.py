"""Running games off the window's thread: a QThread around one call, with progress and cancel."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class JobThread(QThread):
    """Runs `work(progress, cancelled)` in a thread.

    Signals:
        progressed(int, int): done and total, as the work reports them.
        succeeded(object): what the work returned.
        failed(str): the error it raised.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as err:  # noqa: BLE001 (any failure of a game is reported, not raised)
            traceback.print_exc()
            self.failed.emit(f"{type(err).__name__}: {err}")
            return
        self.succeeded.emit(result)


def finish(job: JobThread | None, cancel: bool = False) -> None:
    """Wait for a job to end (asking it to stop first when `cancel`) and let Qt delete it."""
    if job is None:
        return
    if cancel:
        job.cancel()
    job.wait()
    job.deleteLater()
