"""The seat's part of the debrief: what its view carries once the game is over.

After the last turn a seat's window shows the county's report, the seat's own score, Figure 1,
the reveal and (when they have been played) the two fair comparisons. A local game and a remote
table give the window that part alike, inside the seat's view
(`game.workshop.seat_view.SeatView.debrief`), so the debrief screen never reads a `Game`.

The part is where the game's hidden side is finally shown: the reveal is the point of the
debrief (paper 二.1: the information asymmetry the game turns on is lifted only here). During
play the part does not exist (`debrief_part` returns None), so nothing of it can reach a seat
before the end.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from game.headless import fair_comparisons
from game.scoring.debrief import reveal
from game.scoring.report import score_game
from game.scoring.seat import score_seat

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.game import Game

#: The keys of a `fair_comparisons` result the part keeps (its "games" — three whole reports
#: whose evidence points into other games' logs — stay with the host).
COMPARISON_KEYS = ("seat", "seed", "style", "other_style", "seat_moves", "yours_vs_computer",
                   "style_vs_style")
#: The reveal when the game could not be scored: nothing to show.
NOTHING_REVEALED: dict[str, list[Any]] = {"capacities": [], "false_figures": [],
                                          "false_requests": [], "collusions": []}


class LoggedEvent(BaseModel):
    """One entry of the game's log as the debrief shows it: the fields of
    `game.engine.events.Event`, its hidden part included (the game is over).

    Attributes:
        seq: position in the log, from 0.
        turn, phase, kind: when it happened and what it was (`EVENT_KINDS`).
        actor, target, task: the unit that acted ("" for the world), the unit acted upon and
            the task concerned ("" when none).
        data: what the participants could see at the time.
        hidden: what only the debrief shows (the truth behind reports and explanations).
    """

    model_config = ConfigDict(frozen=True)

    seq: int
    turn: int
    phase: str
    kind: str
    actor: str = ""
    target: str = ""
    task: str = ""
    data: dict[str, Any] = {}  # noqa: RUF012 - pydantic copies defaults
    hidden: dict[str, Any] = {}  # noqa: RUF012

    def to_dict(self) -> dict[str, Any]:
        """The entry as `Event.to_dict` writes it (the log's JSON form)."""
        return self.model_dump()


class DebriefPart(BaseModel):
    """The seat's part of the debrief, in its view once the game is over (None before).

    The reveal is the point of the debrief: what was hidden during play — every unit's true
    capacity beside its superior's estimate, which figures and causes were false and whether
    they were caught, who colluded, and the hidden part of the events the debrief links to — is
    shown here, and only here, after the last turn.

    What stays out: the other seats' own scores (each participant sees their own), the
    per-unit series of the report (the dashboard's, not the debrief's), the log entries nothing
    in the debrief links to, and the three whole games behind a comparison.

    Attributes:
        schema: the report's schema version (`game.scoring.report.REPORT_SCHEMA`).
        indicators: the county's report, `score_game(game)["indicators"]`: {key: {"key",
            "group", "label" {zh, en}, "value" (0-100, a percentage or a count; None when not
            applicable), "unit" ("score" | "percent" | "count"), "rules" [{"id", "fired",
            "measured", "contribution", "weight", "explanation" {zh, en}, "evidence" [seq],
            "citation"}], "evidence" [seq], "citation" {"section", "quote", "quote_en"}}}.
        score: the seat's own score (`game.scoring.seat.score_seat`: {"unit", "role",
            "score" 0-100, "indicators" {key: part}}), None when there is none.
        figure1: Figure 1 per task, `score_game(game)["figure1"]`: {task: {"original",
            "escalated" [per level, from the top], "negotiated", "delivered", "reported"}}, in
            the task's own measure (亩 / mu, 万元 …).
        reveal: `game.scoring.debrief.reveal(game)`: {"capacities", "false_figures",
            "false_requests", "collusions"}, each row with the event seqs that show it.
        events: every log entry the indicators, the seat's score and the reveal link to, in
            log order, in full (see `LoggedEvent`).
        seed: the game's seed.
        superior_style, subordinate_style: the computer officials' styles of this game.
        comparisons: the fair comparisons for the seat once played
            (`game.headless.fair_comparisons`, only its `COMPARISON_KEYS`): {"seat", "seed",
            "style", "other_style", "seat_moves" {"yours", "computer"}, "yours_vs_computer"
            and "style_vs_style": rows of `compare_rows`}. None until they are ready (they
            take seconds: a host plays them once at game over, a local window when asked).
        comparisons_error: why the comparisons failed, when they did.
        error: why the report could not be made (then `indicators` is empty), else None.
    """

    model_config = ConfigDict(frozen=True)

    schema_version: int = 1
    indicators: dict[str, Any]
    score: dict[str, Any] | None = None
    figure1: dict[str, dict[str, Any]]
    reveal: dict[str, Any]
    events: list[LoggedEvent]
    seed: int
    superior_style: str
    subordinate_style: str
    comparisons: dict[str, Any] | None = None
    comparisons_error: str | None = None
    error: str | None = None

    def event(self, seq: int) -> LoggedEvent | None:
        """The linked log entry with this number, None when the debrief does not link it
        (`events` is in log order: a binary search)."""
        index = bisect.bisect_left(self.events, seq, key=lambda e: e.seq)
        found = self.events[index] if index < len(self.events) else None
        return found if found is not None and found.seq == seq else None

@dataclass
class _Scored:
    """What one finished game gives every seat's part (built once per game)."""

    length: int
    report: dict[str, Any]
    reveal: dict[str, Any]
    error: str | None
    parts: dict[str, DebriefPart] = field(default_factory=dict)


_SCORED: weakref.WeakKeyDictionary[Any, _Scored] = weakref.WeakKeyDictionary()


def debrief_part(game: Game, seat: str, comparisons: dict[str, Any] | None = None, *,
                 comparisons_error: str | None = None,
                 report: dict[str, Any] | None = None) -> DebriefPart | None:
    """The seat's part of the debrief, or None while the game goes on.

    The game is scored once (`score_game`, about half a second on a county; a host calls this
    in an executor at game over) and each seat's part built once; later calls are look-ups, so
    building a view after the game stays cheap.

    Args:
        game: the table's game.
        seat: a unit of the scenario.
        comparisons: `game.headless.fair_comparisons(game, seat, …)` once played (see
            `comparisons_of`), else None.
        comparisons_error: why playing them failed, if it did.
        report: `score_game(game)` when the caller has it already (a host's table scores the
            game at its end): it is not scored again.

    Returns:
        The `DebriefPart`; None when the game is not over.

    Raises:
        KeyError: `seat` is not a unit of the scenario.
    """
    if not game.over:
        return None
    if seat not in game.units:
        raise KeyError(seat)
    scored = _scored(game, report)
    part = scored.parts.get(seat)
    if part is None:
        part = scored.parts[seat] = _part(game, seat, scored)
    if comparisons is None and comparisons_error is None:
        return part
    kept = None if comparisons is None else {k: comparisons[k] for k in COMPARISON_KEYS
                                             if k in comparisons}
    return part.model_copy(update={"comparisons": kept, "comparisons_error": comparisons_error})


def comparisons_of(game: Game, seat: str, style: str | None = None,
                   yours: dict[str, Any] | None = None) -> dict[str, Any]:
    """Play the seat's two fair comparisons (`game.headless.fair_comparisons`): seconds of
    work, for a worker thread or an executor; pass the result to `debrief_part`.

    Args:
        game: a finished game (read only: the replays are games of their own).
        seat: the seat a person played.
        style: the other superior style to set against the game's (default:
            `game.headless.other_style`).
        yours: `game.headless.figures(game, seat)` when the caller made it already (a window
            makes it on its own thread, so the worker never reads the game it shows).

    Returns:
        The `fair_comparisons` result.
    """
    return fair_comparisons(game, seat, style, yours=yours)


def _scored(game: Game, report: dict[str, Any] | None) -> _Scored:
    found = _SCORED.get(game)
    if found is not None and found.length == len(game.log):
        return found
    error = None
    try:
        report = score_game(game) if report is None else report
        revealed = reveal(game)
    except Exception as err:  # noqa: BLE001 - the debrief says what went wrong, the view stays
        error, report, revealed = f"{type(err).__name__}: {err}", {}, dict(NOTHING_REVEALED)
    found = _SCORED[game] = _Scored(len(game.log), report, revealed, error)
    return found


def _part(game: Game, seat: str, scored: _Scored) -> DebriefPart:
    report = scored.report
    score = report.get("seats", {}).get(seat)
    if score is None and seat in game.scenario.seats and scored.error is None:
        score = score_seat(game, seat)
    seqs = sorted(set(_linked(report.get("indicators", {}))) | set(_linked(score))
                  | set(_linked(scored.reveal)))
    log = game.log
    events = [_logged(log[s]) for s in seqs if 0 <= s < len(log)]
    return DebriefPart(schema_version=int(report.get("schema", 1)),
                       indicators=report.get("indicators", {}), score=score,
                       figure1=report.get("figure1", {}), reveal=scored.reveal, events=events,
                       seed=game.seed, superior_style=game.superior_style,
                       subordinate_style=game.subordinate_style, error=scored.error)


def _linked(value: Any) -> Iterable[int]:
    """Every event number a report, score or reveal links to ("evidence", "events", "seq")."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("evidence", "events") and isinstance(item, list):
                yield from (s for s in item if isinstance(s, int))
            elif key == "seq" and isinstance(item, int):
                yield item
            else:
                yield from _linked(item)
    elif isinstance(value, list):
        for item in value:
            yield from _linked(item)


def _logged(event: Event) -> LoggedEvent:
    return LoggedEvent(**event.to_dict())
