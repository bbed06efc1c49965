"""A played game as the window holds it: the game, the human's seat, and the bridge."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.bridge import EngineBridge

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.game import Game, MoveResult
    from game.engine.moves import Move


class GameSession:
    """The window's handle on one game.

    Every change to the world goes through `submit` or `end_phase`, which call the engine and
    then tell the views through the bridge (events first, then `state_changed`).

    Attributes:
        game: the running game.
        seat: the unit the human plays.
        bridge: the signal bridge every view listens to.
        scenario_path: the scenario file the game was built from.
    """

    def __init__(
        self, game: Game, seat: str, scenario_path: Path, bridge: EngineBridge | None = None
    ) -> None:
        self.bridge = bridge if bridge is not None else EngineBridge()
        self.game = game
        self.seat = seat
        self.scenario_path = Path(scenario_path)
        self.bridge.attach(game)

    def submit(self, move: Move | dict) -> MoveResult:  # type: ignore[type-arg]
        """Make a move for the seat; on success the views hear of it."""
        result = self.game.submit(self.seat, move)
        if result.ok:
            self.bridge.flush()
            self.bridge.state_changed.emit()
        return result

    def end_phase(self) -> list[Event]:
        """End the current phase and run on to the seat's next decision (or the game's end)."""
        events = self.game.advance()
        self.bridge.flush()
        self.bridge.state_changed.emit()
        return events

    def replace(self, game: Game, seat: str, path: Path) -> None:
        """Take up another game (new or loaded); the views rebuild themselves."""
        self.game = game
        self.seat = seat
        self.scenario_path = Path(path)
        self.bridge.attach(game)
        self.bridge.game_replaced.emit()
