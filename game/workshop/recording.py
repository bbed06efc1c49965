"""Watching a game as it is rebuilt: every move submitted, who made it, scores at each turn.

`RecordingGame` is a `Game` that only watches: it keeps every `submit` (a person's, a computer
official's, accepted or refused) as a `MoveRow` and scores itself at the end of every turn's
assessment. A `Rebuild` replays a table's game from its start through a factory that builds
the game, so the export (game.workshop.export) can rebuild any table into a `RecordingGame`:
a saved game from what a save keeps (`rebuild_from_save`), a workshop table from its record's
acts (`session_rebuild`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from game.engine.game import Game, MoveResult
from game.engine.moves import Move
from game.engine.params import DEFAULT_PARAMS, Params
from game.engine.world import Refusal
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle
from game.workshop.codebook import WHO
from game.workshop.record import Act
from game.workshop.table import Table

#: Scores a game where it stands: `game.scoring.report.score_game` by default.
Scorer = Callable[[Game], dict[str, Any]]
#: Builds a game as `Game(scenario, seed, humans, superior_style, subordinate_style, params)`.
GameFactory = Callable[..., Game]
#: Rebuilds a table's game from its beginning through the factory given (and returns it).
Rebuild = Callable[[GameFactory], Game]


@dataclass(frozen=True)
class MoveRow:
    """One act on a table's game, in the order made.

    Attributes:
        at_seq: the log's length when it was made: the first event it caused has this seq.
        turn: the turn it was made in.
        phase: the phase ("plan", "report", "respond"; any phase for a facilitator act).
        seat: the unit that moved ("" for a facilitator act on the whole table).
        who: one of `codebook.WHO`: human, computer, takeover, facilitator.
        kind: the move's kind (game.engine.moves), or the facilitator act's own.
        fields: the move as JSON-ready data, as `Game.submit` takes it.
        accepted: whether the engine accepted it.
        refusal: why not, when it was refused.
        events: how many events it caused.
    """

    at_seq: int
    turn: int
    phase: str
    seat: str
    who: str
    kind: str
    fields: dict[str, Any]
    accepted: bool = True
    refusal: Refusal | None = None
    events: int = 0

    def __post_init__(self) -> None:
        if self.who not in WHO:
            raise ValueError(f"who must be one of {WHO}, not {self.who!r}")


@dataclass(frozen=True)
class TurnScore:
    """The score report of a game at one point: the end of a turn, or where a running game
    stands (`complete` False). `report` is `score_game`'s result."""

    turn: int
    complete: bool
    report: dict[str, Any]


class RecordingGame(Game):
    """A `Game` that keeps every move submitted to it and scores itself at each turn's end.

    It plays exactly as a `Game` (same arguments, same log byte for byte): it only watches.
    `submitted` lists every `submit` (the computer's officials act through it too), accepted or
    refused, as `MoveRow`s; `turn_scores` holds `scorer(self)` taken at the end of every turn's
    assessment, when a scorer is given.

    Who made a move: "human" when it came from outside the engine's computer phase (a person's
    window or a replayed save); "takeover" when a computer official made it for a seat a person
    held at some point (from the start or by `take_seat`); else "computer".

    Args:
        scorer: called at the end of each turn's assessment (None: no scores).
        Other arguments as for `Game`.
    """

    def __init__(self, scenario: Scenario, seed: int = 0, humans: Iterable[str] = (),
                 superior_style: SuperiorStyle | None = None,
                 subordinate_style: SubordinateStyle | None = None,
                 params: Params = DEFAULT_PARAMS, scorer: Scorer | None = None) -> None:
        # Set before Game.__init__: it already runs the computer's first plan moves.
        self.submitted: list[MoveRow] = []
        self.turn_scores: list[TurnScore] = []
        self._scorer = scorer
        self._ever_held = set(humans)
        super().__init__(scenario, seed, humans, superior_style, subordinate_style, params)

    def submit(self, seat: str, move: Move | dict[str, Any]) -> MoveResult:
        """`Game.submit`, and the move kept in `submitted`."""
        start, turn, phase = len(self.log), self.turn, self.phase
        who = self._who(seat)
        result = super().submit(seat, move)
        fields = _move_fields(move)
        self.submitted.append(MoveRow(start, turn, phase, seat if isinstance(seat, str) else "",
                                      who, str(fields.get("kind", "")), fields, result.ok,
                                      result.refusal, len(result.events)))
        return result

    def note(self, kind: str, seat: str, fields: dict[str, Any], who: str = "facilitator") -> None:
        """Keep an act outside `submit` in `submitted`, at the log's current position (a seat
        handed to the computer or back, an injected event).

        Args:
            kind: the act's kind ("to_computer", "to_person", ...).
            seat: the seat it concerns ("" for the whole table).
            fields: its details, JSON-ready.
            who: one of `codebook.WHO`.
        """
        self.submitted.append(MoveRow(len(self.log), self.turn, self.phase, seat, who, kind,
                                      fields))

    def take_seat(self, seat: str) -> None:
        """`Game.take_seat`, remembering that a person held the seat."""
        super().take_seat(seat)
        self._ever_held.add(seat)

    def _who(self, seat: str) -> str:
        # Computer officials move only inside the engine's own bot phase; outside it every
        # submit comes from a person's window (a refused one included).
        if not self._bots_acting:
            return "human"
        return "takeover" if seat in self._ever_held else "computer"

    def _next_phase(self) -> None:
        if self.phase == "assess" and self._scorer is not None:
            self.turn_scores.append(TurnScore(self.turn, True, self._scorer(self)))
        super()._next_phase()


def _move_fields(move: object) -> dict[str, Any]:
    if isinstance(move, BaseModel):
        return move.model_dump(mode="json")
    if isinstance(move, dict):
        return json.loads(json.dumps(move, default=repr))  # type: ignore[no-any-return]
    return {"kind": "", "malformed": repr(move)[:200]}


def rebuild_from_save(game: Game) -> Rebuild:
    """The rebuild of a game from what a save keeps: seed, seats, styles, handovers, moves.

    Returns:
        A `Rebuild` that builds the game with the factory and replays it to where `game`
        stands (the same turn and phase, the same human moves and handovers).
    """
    def rebuild(factory: GameFactory) -> Game:
        copy = factory(game.scenario, game.seed, sorted(game.initial_humans), game.superior_style,
                       game.subordinate_style, game.params)
        moves, handovers = list(game.recorded), list(game.handovers)
        while True:
            while handovers and handovers[0][1:] == (copy.turn, copy.phase):
                copy.take_seat(handovers.pop(0)[0])
            while moves and (moves[0].turn, moves[0].phase) == (copy.turn, copy.phase):
                saved = moves.pop(0)
                copy.submit(saved.seat, saved.move)
            if (copy.turn, copy.phase) == (game.turn, game.phase) or copy.over:
                return copy
            copy.advance()
    return rebuild


#: Acts that are a participant's move or the table's pace, not the host's act on the table.
_PACE = frozenset(("move", "end_phase", "advance"))


def session_rebuild(number: int, scenario: Scenario, seed: int, seats: Sequence[str],
                    acts: Sequence[Act], superior_style: str | None = None) -> Rebuild:
    """The rebuild of a workshop table from its record's acts (`Record.acts(number)`).

    The acts are replayed through `game.workshop.table.Table.replay`, on a game the factory
    builds; every act of the host on the table (a seat handed to the computer or back, a
    pause, a notice, an injected event, a timer, a phase ended for the table, the close)
    becomes a moves.csv row of who="facilitator", its fields the act's seat and data (with
    "by": facilitator, timer or grace). Moves are kept as `submit` sees them; phase ends and
    advances are the table's pace, not moves: they are not exported.

    Args:
        number: the table's number.
        scenario: the session's scenario.
        seed: the table's seed.
        seats: the seats people hold, as the session set them.
        acts: the table's acts, in order.
        superior_style: the table's superior style (`Record.styles`), None: the scenario's.
    """
    def rebuild(factory: GameFactory) -> Game:
        game = factory(scenario, seed, list(seats), superior_style)
        table = Table(number, game, list(seats))
        for act in acts:
            if act.kind not in _PACE and isinstance(table.game, RecordingGame):
                table.game.note(act.kind, act.seat, {"seat": act.seat, **(act.data or {})})
            table.replay(act)
        return table.game
    return rebuild


__all__ = [
    "GameFactory",
    "MoveRow",
    "Rebuild",
    "RecordingGame",
    "Scorer",
    "TurnScore",
    "rebuild_from_save",
    "session_rebuild",
]
