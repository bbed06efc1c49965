"""A workshop client on a worker thread with its own asyncio loop, for the window.

The participant's connection (`connection.WorkshopConnection`) and the facilitator's
(`console_link.ConsoleLink`) both keep a websocket client alive off the GUI thread, watch it,
send coroutines to it from the GUI thread and close it; this is that shared part.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject

from game.workshop.client import JoinError


class ClientThread(QObject):
    """Runs `_watch()` (a subclass's coroutine) on a worker thread's own event loop.

    Subclasses set `self.client` (an object with an async `close()`) and write `_watch`,
    which loops while `self._stopping` is False and ends with `await self._settle(task)`.
    """

    client: Any

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._stopping = False

    def start(self) -> None:
        """Connect (and keep reconnecting) on the worker thread."""
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._watch())

    async def _watch(self) -> None:
        raise NotImplementedError

    @staticmethod
    async def _settle(task: asyncio.Future[Any]) -> None:
        """Cancel the client's connect task if it still runs, and wait for it to end."""
        if not task.done():
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError, JoinError):
            await task

    def _send(self, coroutine: Coroutine[Any, Any, Any],
              done: Callable[[Future[Any]], None]) -> None:
        """Run `coroutine` on the worker's loop; `done(future)` is called when it ends."""
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        future.add_done_callback(done)

    def close(self, timeout_s: float = 5.0) -> None:
        """Close the client (its goodbye to the host) and stop the worker thread."""
        if not self._thread.is_alive():
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self.client.close(), self._loop).result(timeout_s)
        self._stopping = True
        self._thread.join(timeout_s)
