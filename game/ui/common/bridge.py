"""The one way out of the engine: plain-Python events become Qt signals here, and only here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.game import Game



class EngineBridge(QObject):
    """Turns a game's event log into Qt signals.

    Events are gathered while the engine runs and handed out as one list, either when the
    session flushes after a submit or an advance, or on the next turn of the event loop.

    Signals:
        events_appended(list): engine Event objects appended since the last flush.
        state_changed(): after every accepted submit or advance.
        game_replaced(): a new or loaded game took the place of the old one.
        language_changed(str): the window's language switched ('zh' or 'en').
    """

    events_appended = Signal(list)
    state_changed = Signal()
    game_replaced = Signal()
    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._game: Game | None = None
        self._pending: list[Event] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def attach(self, game: Game) -> None:
        """Listen to `game`'s log; events of any earlier game are ignored from now on."""
        self._game = game
        self._pending = []

        def listener(event: Event, source: Game = game) -> None:
            self._on_event(source, event)

        game.log.subscribe(listener)

    def _on_event(self, source: Game, event: Event) -> None:
        if source is not self._game:
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
