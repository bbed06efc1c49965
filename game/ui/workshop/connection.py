"""The window's connection to a workshop host: the asyncio client on a worker thread.

`game.workshop.client.WorkshopClient` runs on its own event loop in a daemon thread; what it
learns reaches the GUI thread only through Qt signals (queued across threads), and the GUI asks
it to act through `asyncio.run_coroutine_threadsafe`. Nothing here blocks the GUI thread.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from game.ui.workshop.client_thread import ClientThread
from game.workshop.client import JoinError, Reply, WorkshopClient
from game.workshop.seat_view import SeatView

#: The connection's states as the header names them.
CONNECTED, RECONNECTING, LOST, CONNECTING = "connected", "reconnecting", "lost", "connecting"
#: Never connected yet, still trying ("cannot reach the host"); the session ended, host gone.
UNREACHABLE, ENDED = "unreachable", "ended"
#: How often (seconds) the worker looks at the client's state and view.
WATCH_S = 0.02


class WorkshopConnection(ClientThread):
    """One seat's connection, seen from the GUI thread.

    Args:
        address: the host's address ('host:port' or ws://...).
        code: the seat's join code.
        label: how the facilitator sees the participant.

    Signals:
        view_changed(SeatView): a new view of the seat arrived.
        state_changed(str): "connecting", "unreachable" (no connection yet, still trying),
            "connected", "reconnecting", "ended" (the session ended and the host went: no
            more reconnecting) or "lost".
        replied(object, object): a request's `Reply` and the tag the caller gave it.
        failed(object): the host refused the code or closed the seat, or the address is
            wrong: the `JoinError` (its `zh`, `en` and `code`).
    """

    view_changed = Signal(object)
    state_changed = Signal(str)
    replied = Signal(object, object)
    failed = Signal(object)

    def __init__(self, address: str, code: str, label: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__("workshop-client", parent)
        self.client = WorkshopClient(address, code, label)
        self.state = CONNECTING
        self.view: SeatView | None = None
        self.view_changed.connect(self._keep_view)
        self.state_changed.connect(self._keep_state)

    async def _watch(self) -> None:
        """Start the client and tell the GUI thread of every new view and state."""
        client = self.client
        task = asyncio.ensure_future(client.connect())
        seen_view: SeatView | None = None
        seen_state, seen_reconnections = CONNECTING, 0
        while not self._stopping:
            state = _state_of(client)
            if client.reconnections != seen_reconnections and seen_state == CONNECTED:
                # dropped and back between two looks: the header still says so
                self.state_changed.emit(RECONNECTING)
                seen_state = RECONNECTING
            seen_reconnections = client.reconnections
            if state != seen_state:
                seen_state = state
                self.state_changed.emit(state)
            if client.view is not None and client.view is not seen_view:
                seen_view = client.view
                self.view_changed.emit(seen_view)
            if client.error is not None:
                self.failed.emit(client.error)
                break
            await asyncio.sleep(WATCH_S)
        await self._settle(task)

    def _keep_view(self, view: SeatView) -> None:
        self.view = view

    def _keep_state(self, state: str) -> None:
        self.state = state

    # ----- acting (from the GUI thread) -------------------------------------------------------

    def submit(self, move: dict[str, Any], tag: object = None) -> None:
        """Send a move; `replied(reply, tag)` follows."""
        self._call(self.client.submit(move), tag)

    def end_phase(self, tag: object = None) -> None:
        """End the seat's part of the phase the view shows; `replied(reply, tag)` follows."""
        if self.view is None:
            return
        self._call(self.client.end_phase(self.view.turn, self.view.phase), tag)

    def _call(self, coroutine: Any, tag: object) -> None:
        self._send(coroutine, lambda done: self._done(done, tag))

    def _done(self, future: Future[Reply], tag: object) -> None:
        try:
            reply = future.result()
        except JoinError as err:
            reply = Reply(False, code="lost", zh=err.zh, en=err.en)
        except Exception as err:  # noqa: BLE001 — cancelled on close, or the loop stopped
            reply = Reply(False, code="lost", zh=str(err), en=str(err))
        self.replied.emit(reply, tag)

    def drop(self) -> None:
        """Drop the socket as a broken network would (the client reconnects by itself)."""
        def abort() -> None:
            socket = self.client._socket  # noqa: SLF001 — a deliberate fault, for the menu/tests
            if socket is not None:
                socket.transport.abort()

        self._loop.call_soon_threadsafe(abort)


def _state_of(client: WorkshopClient) -> str:
    if client.error is not None or client.state == "closed":
        return LOST
    if client.state == "ended":
        return ENDED
    if client.state == "connected" and client.view is not None:
        return CONNECTED
    if client.state == "reconnecting":
        return RECONNECTING if client.view is not None else UNREACHABLE
    return CONNECTING
