"""A past table replayed to a turn, shown read-only in the game's own page for a chosen seat.

`ReplaySession` is a `GameSession` over the rebuilt game that cannot act: its view has the
phase ended (no moves open) and the session closed, `submit` refuses with a reason and
`end_phase` does nothing. `ReplayWindow` holds a `GamePage` over it in a window of its own, so
the game being played in the main window (and its autosave) is never touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from game.engine.game import MoveResult, Refusal
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language
from game.ui.play.session import GameSession

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.game import Game
    from game.engine.moves import Move
    from game.workshop.seat_view import SeatView

register({
    "replay.window": ("重放 · 第{table}桌 · {seat} · 第{turn}回合",
                      "Replay · table {table} · {seat} · turn {turn}"),
    "replay.banner": ("只读重放：第{table}桌在第{turn}回合开始时的局面，以{seat}的视角。"
                      "这里不能行动。",
                      "Read-only replay: table {table} as turn {turn} began, as {seat} saw it. "
                      "Nothing can be done here."),
    "replay.no_end": ("只读重放", "Read-only replay"),
    "replay.banner_end": ("只读重放：第{table}桌记录到的最后局面，以{seat}的视角。这里不能行动。",
                          "Read-only replay: table {table} where its record ends, as {seat} "
                          "saw it. Nothing can be done here."),
})

#: What a replay answers a move.
READ_ONLY = Refusal("replay", "这是记录的重放，只能查看，不能行动。",
                    "This is a replay of the record: it can be looked at, not played.")


class ReplaySession(GameSession):
    """A read-only session over a replayed game: the seat's view, nothing to act on.

    Args:
        game: the table's game, replayed to where it is to be seen.
        seat: the seat whose view is shown.
        scenario_path: the scenario's file (for the screens that name it).
        table: the table's number.
    """

    local = True

    def __init__(self, game: Game, seat: str, scenario_path: Path, table: int) -> None:
        super().__init__(game, seat, scenario_path)
        self.table = table
        self.humans = [seat]

    @property
    def view(self) -> SeatView:
        """The seat's view with the phase ended (no moves open) and the table closed."""
        from game.workshop.seat_view import seat_view

        key = (len(self.game.log), self.game.turn, self.game.phase, self.seat)
        if self._view is None or self._view[0] != key:
            self._view = (key, seat_view(self.game, self.seat, table=self.table, ended=True,
                                         closed=True))
        return self._view[1]

    def submit(self, move: Move | dict) -> MoveResult:  # type: ignore[type-arg]
        """Refused: a replay is looked at, not played."""
        del move
        return MoveResult(False, refusal=READ_ONLY)

    def end_phase(self) -> list[Event]:
        """Nothing: the replay stays where it was opened."""
        return []

    def still_to_act(self) -> list[str]:
        """Nobody acts in a replay."""
        return []


class ReplayWindow(QMainWindow):
    """The game page over a `ReplaySession`, with a banner saying it is a read-only replay.

    Args:
        session: the replay.
        turn: the turn it was replayed to (None: the record's end).
    """

    def __init__(self, session: ReplaySession, turn: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from game.ui.play.game_page import GamePage

        self.session = session
        self.turn = turn
        self.end_action = QAction(self)
        self.end_action.setEnabled(False)
        self.page = GamePage(session, self.end_action)
        self.banner = QLabel(objectName="ReplayBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("#ReplayBanner { background: #fff4d6; padding: 6px; }")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.page, 1)
        self.setCentralWidget(body)
        follow_language(self, self.retranslate)
        self.retranslate()
        self.page.show_tab("inbox")
        self.resize(1280, 720)

    def retranslate(self) -> None:
        """Title and banner in the current language."""
        session = self.session
        seat = session.view.directory.unit_name(session.seat, language()) if (
            session.view.directory is not None) else session.seat
        turn = self.turn if self.turn is not None else session.game.turn
        self.setWindowTitle(tr("replay.window", table=session.table, seat=seat, turn=turn))
        self.end_action.setText(tr("replay.no_end"))
        key = "replay.banner" if self.turn is not None else "replay.banner_end"
        self.banner.setText(tr(key, table=session.table, seat=seat, turn=turn))


__all__ = ["READ_ONLY", "ReplaySession", "ReplayWindow"]
