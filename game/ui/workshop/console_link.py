"""The console's connection to the host: `FacilitatorClient` on a worker thread.

The client runs on its own event loop in a daemon thread (as a seat's `WorkshopConnection`
does); the room's status, mirrored views and the answers to acts reach the GUI thread only
through Qt signals (queued across threads), and the GUI asks for acts through
`asyncio.run_coroutine_threadsafe`. Nothing here blocks the GUI thread.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from game.ui.common.i18n import language
from game.ui.workshop.client_thread import ClientThread
from game.workshop.facilitator import FacilitatorClient
from game.workshop.protocol import StatusMessage, TableResult

#: Seconds an act may wait for the host's answer before it is reported as lost.
ACT_TIMEOUT_S = 20.0


class ConsoleLink(ClientThread):
    """The facilitator's connection, seen from the GUI thread.

    Args:
        address: the host's address (host:port or ws://...).
        token: the facilitator's token.

    Signals:
        status_changed(StatusMessage): the room's status (on every change, and every few s).
        mirrored(int, str, SeatView): a watched seat's view (table, seat, view).
        acted(str, object, list): an act's name, the tag the caller gave it, and its
            `TableResult`s (one refused result with code "lost" if no answer came).
        state_changed(str): "connecting", "connected", "reconnecting" or "closed".
        failed(str): the host refused the token (the reason, in the current language).
    """

    status_changed = Signal(object)
    mirrored = Signal(int, str, object)
    acted = Signal(str, object, list)
    state_changed = Signal(str)
    failed = Signal(str)

    def __init__(self, address: str, token: str, parent: QObject | None = None) -> None:
        super().__init__("workshop-console", parent)
        self.client = FacilitatorClient(address, token, on_status=self.status_changed.emit,
                                        on_mirror=self.mirrored.emit)
        self.status: StatusMessage | None = None
        self.state = "connecting"
        self.status_changed.connect(self._keep_status)
        self.state_changed.connect(self._keep_state)

    async def _watch(self) -> None:
        client = self.client
        task = asyncio.ensure_future(client.connect())
        seen = "connecting"
        while not self._stopping:
            state = "closed" if client.error is not None else client.state
            if state == "disconnected":
                state = "connecting"
            if state != seen:
                seen = state
                self.state_changed.emit(state)
            if client.error is not None:
                zh, en = client.refused or (client.error.zh, client.error.en)
                self.failed.emit(zh if language() == "zh" else en)
                break
            await asyncio.sleep(0.05)
        await self._settle(task)

    def _keep_status(self, status: StatusMessage) -> None:
        self.status = status

    def _keep_state(self, state: str) -> None:
        self.state = state

    # ----- acting (from the GUI thread) -------------------------------------------------------

    def act(self, act: str, tag: object = None, **fields: Any) -> None:
        """Send one act (`FacilitatorClient.act`'s fields); `acted(act, tag, results)` follows."""
        self._call(self.client.act(act, **fields), act, tag)

    def watch(self, table: int, seat: str) -> None:
        """Mirror a seat (read-only); its views come as `mirrored`."""
        self._call(self.client.watch(table, seat), "watch", (table, seat))

    def unwatch(self, table: int, seat: str) -> None:
        """Stop mirroring a seat."""
        self._call(self.client.unwatch(table, seat), "unwatch", (table, seat))

    def _call(self, coroutine: Any, act: str, tag: object) -> None:
        self._send(asyncio.wait_for(coroutine, ACT_TIMEOUT_S),
                   lambda done: self._done(act, tag, done))

    def _done(self, act: str, tag: object, future: Future[Any]) -> None:
        try:
            result = future.result()
        except Exception as err:  # noqa: BLE001 — lost, refused token, timed out, stopped
            reason = str(err) or type(err).__name__
            result = [TableResult(table=0, ok=False, code="lost",
                                  zh=f"主机没有答复：{reason}", en=f"No answer: {reason}")]
        if not isinstance(result, list):  # watch returns the first view, unwatch None
            result = [TableResult(table=tag[0] if isinstance(tag, tuple) else 0, ok=True)]
        self.acted.emit(act, tag, result)
