"""The one way out of the engine: plain-Python events become Qt signals here, and only here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from game.engine.events import Event, EventLog


class EngineBridge(QObject):
    """The signals every screen listens to, and (for a local game) its event log's events.

    Screens draw the seat's view (`SeatSession.view`): they redraw on `state_changed` and
    `game_replaced` and need no engine event (new documents are the view's documents past the
    last `seq` shown). A local session also attaches its game's log, whose events are handed
    out as one list, either when the session flushes after a submit or an advance, or on the
    next turn of the event loop; a remote table has no log here and never emits them.

    Signals:
        state_changed(): the seat's view changed (after every accepted submit or advance, or
            a new view from a table).
        game_replaced(): another seat or another game: every screen redraws from scratch.
        language_changed(str): the window's language switched ('zh' or 'en').
        events_appended(list): a local game's engine Events appended since the last flush
            (for screens not yet drawn from the view; a remote table never emits it).
        answered(object, object): the answer to an act that returned a pending `Outcome`
            (a table over the network): the move as sent (its JSON dict; None for a phase
            end) and its `Outcome`.
    """

    events_appended = Signal(list)
    answered = Signal(object, object)
    state_changed = Signal()
    game_replaced = Signal()
    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log: EventLog | None = None
        self._pending: list[Event] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def attach(self, log: EventLog) -> None:
        """Listen to a local game's event log; events of any earlier log are ignored now."""
        self._log = log
        self._pending = []

        def listener(event: Event, source: EventLog = log) -> None:
            self._on_event(source, event)

        log.subscribe(listener)

    def _on_event(self, source: EventLog, event: Event) -> None:
        if source is not self._log:
            return
        self._pending.append(event)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Emit the events gathered so far (if any) as one `events_appended`."""
        self._timer.stop()
        if not self._pending:
            return
        events, self._pending = self._pending, []
        self.events_appended.emit(events)
