"""A seat's turns so far, as a serialisable part of its view: the dashboard's series and the
turn reports.

Both come only from the events that reach the seat: the series from
`game.engine.knowledge.seat_series` (which reads the seat's own statistics, the assessments it
made or received, and the trust on its own relations), the reports from
`game.workshop.turn_report.turn_report`. Past turns cannot change, so their reports are built
once per game and seat; the series is updated from the events appended since the last call. A
host building a view after every move pays for the turn under way only.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from game.engine.knowledge import SERIES_KINDS, seat_series
from game.workshop.turn_report import TurnReport, turn_report

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.world import World

#: turn -> value
Values = dict[int, float]


class TrustLine(BaseModel):
    """The superior's trust in the subordinate on one of the seat's relations, turn by turn
    (0-1 shares, as the seat may know them: a subordinate knows what its superior showed)."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    superior: str
    subordinate: str
    values: Values


class SeatSeries(BaseModel):
    """The seat's figures turn by turn (sparse: a turn is present where an event gave a value).

    Attributes:
        turns: the turns any series has a value in, ascending.
        progress: task -> "target" | "reported" | "delivered" -> values, in the task's unit
            (mu …); "delivered" only for a task the seat carries itself (its own output).
        subordinates: task -> subordinate -> "target" | "reported" -> values: what the seat
            assessed of the units below it (their figures on the record, never their truth).
        time: "cadre_time" (cadre-days), "overload" (0-1 share), "funds" (万元) and each time
            category (cadre-days spent: reports, rework, meetings, talk, work, paper, local,
            outside) -> values.
        trust: one line per relation the seat stands in, superior first.
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    turns: list[int] = []
    progress: dict[str, dict[str, Values]] = {}
    subordinates: dict[str, dict[str, dict[str, Values]]] = {}
    time: dict[str, Values] = {}
    trust: list[TrustLine] = []


class SeatHistory(BaseModel):
    """The seat's turns so far: the dashboard's series and a report per turn.

    Attributes:
        series: the dashboard's series.
        reports: one report per turn from 1 to the current one, oldest first (the last one
            unfinished while the game runs).
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    series: SeatSeries = SeatSeries()
    reports: list[TurnReport] = []

    def report(self, turn: int) -> TurnReport | None:
        """The report of `turn`, None if there is none."""
        return next((r for r in self.reports if r.turn == turn), None)


def series_of(events: list[Event], seat: str) -> SeatSeries:
    """The seat's series from events (any order of the log's events; those not reaching the
    seat are skipped by `seat_series`)."""
    raw: dict[str, Any] = seat_series(events, seat)
    trust = [TrustLine(superior=sup, subordinate=sub, values=values)
             for (sup, sub), values in raw.pop("trust").items()]
    return SeatSeries.model_validate({**raw, "trust": trust})


class _Kept:
    """What is kept of one seat of one game between two views."""

    def __init__(self) -> None:
        self.read = 0  # how much of the log was read
        self.seen = 0  # how many of those events reach the seat
        self.events: list[Event] = []  # those that feed the series
        self.series = SeatSeries()
        self.reports: dict[int, TurnReport] = {}  # finished turns
        self.history: tuple[tuple[int, int, bool], SeatHistory] | None = None


_KEPT: weakref.WeakKeyDictionary[Any, dict[str, _Kept]] = weakref.WeakKeyDictionary()


def seat_history(game: World, seat: str) -> SeatHistory:
    """The seat's history now, built from what was kept since the last call for this game.

    While nothing that reaches the seat has happened since the last call (other seats' moves,
    say), the same `SeatHistory` object comes back: a host may then leave it out of the view
    it sends (see `SeatView.history`). A finished turn's report is built once.

    Args:
        game: the game (kept weakly: a finished game's history goes with it).
        seat: a unit of the scenario.

    Returns:
        The series and the reports of turns 1 to `game.turn`, the last one unfinished while the
        game runs.
    """
    seats = _KEPT.setdefault(game, {})
    kept = seats.get(seat)
    if kept is None:
        kept = seats[seat] = _Kept()
    _read(game, seat, kept)
    key = (game.turn, kept.seen, game.over)
    if kept.history is None or kept.history[0] != key:
        reports = [*(_finished(game, seat, t, kept) for t in range(1, game.turn)),
                   turn_report(game, seat, game.turn)] if game.turn >= 1 else []
        kept.history = (key, SeatHistory(series=kept.series, reports=reports))
    return kept.history[1]


def _read(game: World, seat: str, kept: _Kept) -> None:
    """Take in the events appended since the last call."""
    log = game.log
    if len(log) <= kept.read:
        return
    new = [e for e in log.since(kept.read) if e.visible_to(seat)]
    kept.read, kept.seen = len(log), kept.seen + len(new)
    feeding = [e for e in new if e.kind in SERIES_KINDS]
    if feeding:
        kept.events += feeding
        kept.series = series_of(kept.events, seat)


def _finished(game: World, seat: str, turn: int, kept: _Kept) -> TurnReport:
    """A finished turn's report, built once (nothing can be added to a past turn)."""
    found = kept.reports.get(turn)
    if found is None:
        found = kept.reports[turn] = turn_report(game, seat, turn)
    return found
