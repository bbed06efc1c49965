"""A seat played at a workshop table, as the game window holds it: `RemoteSession`.

The same `SeatSession` a local game gives (`view`, `submit`, `end_phase`), over a
`WorkshopConnection`: the view is the last one the host sent (with the directory the
connection's first view carried, kept by the client), and acting goes through the protocol.
Every screen of the game window draws a remote seat as it draws a local one.

Acting over the network takes a round trip, and the window's thread never waits for it:
`submit` and `end_phase` return at once — refused on the spot when the seat cannot act now
(no connection, the game over, the table paused, the phase ended), else *pending*
(`Outcome.pending`) — and the host's answer arrives later as the bridge's
`answered(move, outcome)` (the move as sent, None for a phase end). A new view follows an
accepted act (`state_changed`). The connection's state is `link` ("connecting",
"unreachable", "connected", "reconnecting", "ended", "lost"), announced by `link_changed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from PySide6.QtCore import QObject, Qt, Signal, Slot

from game.engine.world import Refusal
from game.ui.common.bridge import EngineBridge
from game.ui.play.session import Outcome, SeatSession
from game.ui.workshop.connection import CONNECTED, LOST, WorkshopConnection

if TYPE_CHECKING:
    from game.engine.moves import Move
    from game.workshop.client import Reply
    from game.workshop.seat_view import SeatView

#: Why a remote seat cannot act now, by `RemoteSession.cannot_act`'s code.
CANNOT_ACT = {
    "offline": ("与主持人的连接中断了，恢复后再试。",
                "The connection to the host is down; try again once it is back."),
    "over": ("对局已结束。", "The game is over."),
    "closed": ("本场研讨已结束。", "The session has ended."),
    "paused": ("主持人暂停了本桌，请稍候。", "The facilitator has paused this table; please wait."),
    "computer": ("电脑官员正在代管这个席位，下一阶段交还给你。",
                 "The computer official holds this seat; it is yours again at the next phase."),
    "ended": ("你已结束本阶段，等待其他席位。",
              "You have ended this phase; the table waits for the other seats."),
}


class RemoteSignals(QObject):
    """The remote session's own signals, and the slots its connection's signals reach it
    through: a `SeatSession` is no QObject, and a signal the connection's worker thread emits
    must run its handler on the window's thread, where this object lives.

    Signals:
        link_changed(str): the connection's state changed (see `RemoteSession.link`).
        first_view(): the seat's first view arrived (the window can draw it now).
    """

    link_changed = Signal(str)
    first_view = Signal()

    def __init__(self, session: RemoteSession) -> None:
        super().__init__()
        self._session = session

    @Slot(object)
    def on_view(self, view: SeatView) -> None:
        self._session._on_view(view)  # noqa: SLF001 — this object is the session's own

    @Slot(str)
    def on_link(self, state: str) -> None:
        self._session._on_link(state)  # noqa: SLF001

    @Slot(object, object)
    def on_replied(self, reply: Reply, tag: object) -> None:
        self._session._on_replied(reply, tag)  # noqa: SLF001

    @Slot(object)
    def on_failed(self, reason: object) -> None:
        self._session._on_failed(reason)  # noqa: SLF001


class RemoteSession(SeatSession):
    """One seat at a workshop table, seen from this window.

    Args:
        connection: the seat's connection (the caller starts it and closes it).
        bridge: the signal bridge the screens listen to (default: a new one).

    Attributes:
        connection: the seat's connection.
        link: the connection's state: "connecting", "connected", "reconnecting" or "lost".
        failure: why the connection was lost for good (the host refused the code, another
            device took the seat, the address is wrong), in English; "" otherwise.
        failure_zh: the same in Chinese (the host sends both).
        failure_code: the `JoinError`'s code ("token", "replaced", "address", ...).
        read: `seq` numbers of the documents opened in this window.
        signals: `link_changed(str)` and `first_view()` (see `RemoteSignals`).
    """

    local = False

    def __init__(self, connection: WorkshopConnection,
                 bridge: EngineBridge | None = None) -> None:
        self.signals = RemoteSignals(self)
        self.connection = connection
        self.bridge = bridge if bridge is not None else EngineBridge()
        self.seat = ""
        self.read: set[int] = set()
        self.link = connection.state
        self.failure = self.failure_zh = self.failure_code = ""
        self._view: SeatView | None = None
        self._sent_end: tuple[int, str] | None = None
        # Queued, always: an answer can be back before `submit` has returned (loopback), and
        # it must reach the screens after the "pending" they were given.
        queued = Qt.ConnectionType.QueuedConnection
        connection.view_changed.connect(self.signals.on_view, queued)
        connection.state_changed.connect(self.signals.on_link, queued)
        connection.replied.connect(self.signals.on_replied, queued)
        connection.failed.connect(self.signals.on_failed, queued)

    # ----- what the seat sees -----------------------------------------------------------

    @property
    def view(self) -> SeatView:
        """The seat's view as the host last sent it.

        Raises:
            LookupError: no view has arrived yet (see `ready`, `first_view`).
        """
        if self._view is None:
            raise LookupError("the host has not sent the seat's view yet")
        return self._view

    def ready(self) -> bool:
        """Whether the seat's first view has arrived."""
        return self._view is not None

    def cannot_act(self) -> str:
        """Why the seat cannot act now (a key of `CANNOT_ACT`), or "" when it can."""
        view = self._view
        if view is None:
            return "offline"
        if view.over:
            return "over"
        if view.closed:  # ended by the facilitator: so whether the host is there or not
            return "closed"
        if self.link != CONNECTED:
            return "offline"
        if view.paused:
            return "paused"
        if view.held_by != "person":
            return "computer"
        if view.ended or self._sent_end == (view.turn, view.phase):
            return "ended"
        return ""

    # ----- acting -----------------------------------------------------------------------

    def submit(self, move: Move | dict[str, Any]) -> Outcome:
        """Send a move for the seat. Returns a refusal at once when the seat cannot act now,
        else a pending outcome; the host's answer comes as `bridge.answered(move, outcome)`
        with the move in its JSON form."""
        data = move.model_dump(mode="json") if isinstance(move, BaseModel) else dict(move)
        refused = self._refused_now()
        if refused is not None:
            return refused
        self.connection.submit(data, tag=("move", data))
        return Outcome(False, pending=True)

    def end_phase(self) -> Outcome:
        """End the seat's part of the phase the view shows (the table moves on once every
        person at it has). Refused at once, or pending: `bridge.answered(None, outcome)`."""
        refused = self._refused_now()
        if refused is not None:
            return refused
        view = self.view
        self._sent_end = (view.turn, view.phase)
        self.connection.end_phase(tag=("end_phase", None))
        self.bridge.state_changed.emit()  # the end button goes grey while the answer comes
        return Outcome(False, pending=True)

    def _refused_now(self) -> Outcome | None:
        code = self.cannot_act()
        if not code:
            return None
        zh, en = CANNOT_ACT[code]
        return Outcome(False, Refusal(code, zh, en))

    # ----- what the connection says -----------------------------------------------------

    def _on_view(self, view: SeatView) -> None:
        first = self._view is None
        if view.directory is None and self._view is not None:
            view = view.model_copy(update={"directory": self._view.directory})
        self._view = view
        if self._sent_end is not None and self._sent_end != (view.turn, view.phase):
            self._sent_end = None
        if first or view.seat != self.seat:
            self.seat = view.seat
            if first:
                self.signals.first_view.emit()
            self.bridge.game_replaced.emit()
        else:
            self.bridge.state_changed.emit()

    def _on_link(self, state: str) -> None:
        self.link = state
        self.signals.link_changed.emit(state)
        if self._view is not None:
            self.bridge.state_changed.emit()  # acting is possible again, or no more

    def _on_failed(self, reason: object) -> None:
        """`reason`: the connection's `JoinError` (or a plain text, taken as English)."""
        self.failure = getattr(reason, "en", str(reason))
        self.failure_zh = getattr(reason, "zh", "") or self.failure
        self.failure_code = getattr(reason, "code", "")
        self._on_link(LOST)

    def failure_text(self, lang: str) -> str:
        """Why the connection was lost for good, in `lang` ("zh" or "en"); "" if it was not."""
        return self.failure_zh if lang == "zh" else self.failure

    def _on_replied(self, reply: Reply, tag: object) -> None:
        kind, move = tag if isinstance(tag, tuple) else ("", None)
        outcome = Outcome(True) if reply.ok else Outcome(
            False, Refusal(reply.code or "refused", reply.zh, reply.en))
        if kind == "end_phase" and not reply.ok:
            self._sent_end = None
            self.bridge.state_changed.emit()
        self.bridge.answered.emit(move, outcome)

    def close(self) -> None:
        """Say bye to the host and stop the connection."""
        self.connection.close()
