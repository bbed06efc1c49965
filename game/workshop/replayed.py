"""A finished table scored in another process: its game rebuilt there from its acts.

Scoring a county takes about a second of pure Python, and fifteen tables end together; in
the host's own process that would hold the interpreter its event loop needs while the last
tables play. `score_replayed` runs in a worker process instead, on what a record holds
(`Replayable`: scenario, seed, seats, styles, acts), and the host checks the rebuilt log's
fingerprint against its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.game import Game
from game.scenario.models import Scenario
from game.workshop.record import Act
from game.workshop.table import Table


@dataclass(frozen=True)
class Replayable:
    """A table's game as scenario, seed, seats, styles and acts (what a record holds): it
    crosses to another process, where `rebuilt` plays it again."""

    scenario: Scenario
    seed: int
    seats: list[str]
    superior: str
    subordinate: str
    acts: list[Act]

    def rebuilt(self) -> Table:
        """The table rebuilt by replaying the acts (the same log, byte for byte).

        Raises:
            ValueError: the acts do not fit the scenario.
        """
        game = Game(self.scenario, seed=self.seed, humans=self.seats,
                    superior_style=self.superior,  # type: ignore[arg-type]
                    subordinate_style=self.subordinate)  # type: ignore[arg-type]
        table = Table(0, game, list(self.seats))
        for act in self.acts:
            table.replay(act)
        return table


def replayable(table: Table) -> Replayable:
    """What `score_replayed` needs to rebuild the table's game in another process."""
    game = table.game
    return Replayable(game.scenario, game.seed, list(table.seats), game.superior_style,
                      game.subordinate_style, list(table.acts))


def score_replayed(played: Replayable, compare: list[str] | None = None) -> dict[str, Any]:
    """Rebuild a finished table's game from its acts and score it — or, with `compare`, play
    those seats' fair comparisons instead. Pure: a host runs it in another process, so that
    seconds of scoring at fifteen tables' ends do not hold its event loop's interpreter.

    Args:
        played: `replayable(table)`.
        compare: the seats whose comparisons to play (None: score the game).

    Returns:
        {"log_sha256": the rebuilt log's fingerprint (the caller checks it is its own),
        "report": `score_game(game)`} or {"log_sha256", "comparisons": {seat: result}}.

    Raises:
        ValueError: the acts do not fit the scenario.
    """
    table = played.rebuilt()
    game = table.game
    result: dict[str, Any] = {"log_sha256": table.log_sha256()}
    if compare is None:
        from game.scoring.report import score_game

        result["report"] = score_game(game)
        return result
    try:
        from game.workshop.debrief_part import comparisons_of
    except ImportError:
        result["comparisons"] = {}
        return result
    result["comparisons"] = {seat: comparisons_of(game, seat) for seat in compare}
    return result


def warm_scoring() -> None:
    """Import the scoring and read the rule book (a second of work a worker process does
    before the first table ends, not when it does)."""
    from game.scoring.rules import default_rulebook

    default_rulebook()


