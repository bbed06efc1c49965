"""The debrief that compares tables (issue 12): why did the tables of a workshop end differently?

Every table of a session plays the same scenario from the same seed; the facilitator may give
each its own superior style. `compare_tables` replays each table from its recorded acts (scenario
+ seed + acts: the same log byte for byte, `game.workshop.table.rebuild`) into a game that
scores itself at the end of every turn (`game.workshop.recording.RecordingGame`), and sets side
by side:

- each table's county report and every human seat's own score (`score_game`), and Figure 1;
- for each indicator, the first turn at which the tables parted, with the events of that turn
  the indicator's rules cite as evidence at each table (the events that did it);
- each table's superior style and the paper's predictions for it beside what happened
  (`game.workshop.compare_predictions`).

Pure Python (no Qt); the window's projector view and PDF (game/ui/debrief/tables_*.py) and
`python main.py compare RECORD.db` draw a `TableComparison`. A record is read (without writing)
and its tables replayed to any turn by game.workshop.compare_record (`load_record`,
`replay_to`, re-exported here).

Measured (shared 2-core machine), three tables replayed and scored at every turn's end:
the tutorial (6 turns, ~165 events a table) 1.0 s; double_rice (8 turns, ~480 events) 1.6 s;
c_county (12 turns, ~4,000 events) 3.0 s — about 1 s a county table, so the window compares
on a worker thread.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from game.engine.events import Event
from game.engine.game import Game
from game.scoring.report import score_game
from game.workshop.compare_predictions import TOLERANCE, PredictionCheck, check_predictions
from game.workshop.compare_record import CompareError, TableSource, load_record, replay_to
from game.workshop.directory import Directory, directory
from game.workshop.recording import RecordingGame, Scorer, TurnScore

#: Events shown per table for the turn an indicator parted (the rest are counted).
MAX_EVENTS = 6


# ----- the comparison ----------------------------------------------------------------------


class EventRef(BaseModel):
    """An event as the room may see it (the visible part only): seq indexes the table's log."""

    model_config = ConfigDict(frozen=True)

    seq: int
    turn: int
    phase: str
    kind: str
    actor: str = ""
    target: str = ""
    task: str = ""


class Parting(BaseModel):
    """The first turn at which the tables' values of an indicator differed.

    Attributes:
        turn: the turn (its end of turn scores differ by more than `TOLERANCE`, or an
            indicator measured at one table is not applicable at another).
        values: {table: the value at that turn's end (the indicator's unit), or None}.
        before: {table: the value at the end of the turn before (None at turn 1)}.
        events: {table: the events of that turn the indicator's rules cite as evidence (see
            `same_events`), at most `MAX_EVENTS`, oldest first}.
        more: {table: how many more such events there were}.
        same_events: False: `events` are the events that happened at one table and not at
            the others (same phase, kind, parties and task); True: every table had the same
            events, with other figures, and `events` are all of them.
    """

    model_config = ConfigDict(frozen=True)

    turn: int
    values: dict[int, float | None]
    before: dict[int, float | None]
    events: dict[int, list[EventRef]]
    more: dict[int, int]
    same_events: bool = False


class IndicatorRow(BaseModel):
    """One indicator of the county's report across the tables.

    Attributes:
        key, group, unit ("score" 0-100, "percent", "count"), label {"zh", "en"}.
        citation: the paper's passage grounding it ({"section", "quote", "quote_en"}).
        final: {table: the value where the table ended, or None when not applicable}.
        by_turn: {table: the value at the end of each turn, turn 1 first}.
        parted: the first turn the tables differed, or None if they never did.
    """

    model_config = ConfigDict(frozen=True)

    key: str
    group: str
    unit: str
    label: dict[str, str]
    citation: dict[str, Any]
    final: dict[int, float | None]
    by_turn: dict[int, list[float | None]]
    parted: Parting | None = None


class SeatScore(BaseModel):
    """A human seat's own score (0-100) and its parts ({key: value 0-100 or None}), with the
    participant's label if known."""

    model_config = ConfigDict(frozen=True)

    seat: str
    label: str = ""
    score: float | None
    parts: dict[str, float | None]


class TableSummary(BaseModel):
    """One table: its styles, where it stands, its seats' scores, Figure 1 and predictions.

    Attributes:
        number: the table's number.
        superior_style, subordinate_style: the computer officials' styles it played with.
        seats: the seats people held (as the session set them).
        turn, phase, over: where the table ended or stopped.
        events: the length of its log; log_sha256: the log's fingerprint (canonical JSON).
        seat_scores: every human seat's own score (`score_game(game)["seats"]`).
        figure1: {task: {"original", "escalated" [per level], "negotiated", "delivered",
            "reported"}} in the task's unit (`game.scoring.debrief.figure1`).
        predictions: the paper's predictions for its style beside what happened.
    """

    model_config = ConfigDict(frozen=True)

    number: int
    superior_style: str
    subordinate_style: str
    seats: list[str]
    turn: int
    phase: str
    over: bool
    events: int
    log_sha256: str
    seat_scores: list[SeatScore]
    figure1: dict[str, dict[str, Any]]
    predictions: list[PredictionCheck]


class TableComparison(BaseModel):
    """The tables of a session side by side (serialisable: `model_dump_json`).

    Attributes:
        scenario_id, title ({"zh", "en"}), seed, turns: what every table played.
        directory: the scenario's public structure (names, kinds, task lines; no capacities):
            what the room may see of the county, to name units and tasks and draw Figure 1.
        tables: one summary per table, by number.
        indicators: the county's report's indicators in the report's order.
    """

    model_config = ConfigDict(frozen=True)

    scenario_id: str
    title: dict[str, str]
    seed: int
    turns: int
    directory: Directory
    tables: list[TableSummary]
    indicators: list[IndicatorRow]

    def table(self, number: int) -> TableSummary:
        """The summary of table `number`.

        Raises:
            KeyError: no such table.
        """
        for summary in self.tables:
            if summary.number == number:
                return summary
        raise KeyError(number)

    def indicator(self, key: str) -> IndicatorRow:
        """The row of one indicator.

        Raises:
            KeyError: no such indicator.
        """
        for row in self.indicators:
            if row.key == key:
                return row
        raise KeyError(key)

    def parted(self) -> list[IndicatorRow]:
        """The indicators on which the tables parted, earliest turn first."""
        rows = [row for row in self.indicators if row.parted is not None]
        return sorted(rows, key=lambda row: row.parted.turn if row.parted else 0)


def compare_tables(tables: Sequence[TableSource] | str | Path,
                   folders: Sequence[Path] = (), scorer: Scorer = score_game) -> TableComparison:
    """Compare the tables of a session.

    Args:
        tables: the tables (`TableSource`s), or the path of a session's record (.db).
        folders: the scenario library folders, to find a record's scenario (shipped first).
        scorer: scores a game where it stands (`score_game`'s shape).

    Returns:
        The comparison: per table its report, seats' scores, Figure 1 and predictions; per
        indicator its values at every turn's end and the first turn the tables parted.

    Raises:
        CompareError: no tables, tables of different scenarios, a table that does not replay,
            or a path that is not a session's record.
        game.engine.save.SaveError: a record's scenario is not in the library.
    """
    sources = load_record(Path(tables), folders) if isinstance(tables, str | Path) else tables
    if not sources:
        raise CompareError("there is no table to compare")
    if len({s.scenario.id for s in sources}) > 1 or len({s.number for s in sources}) < len(
            sources):
        raise CompareError("the tables must play one scenario and have different numbers")
    played = [(source, _scored(source, scorer)) for source in sources]
    finals = {s.number: {k: v["value"] for k, v in scores[-1].report["indicators"].items()}
              for s, (_, scores) in played}
    styles = {s.number: game.superior_style for s, (game, _) in played}
    first = played[0][1][1][-1]
    scenario = sources[0].scenario
    return TableComparison(
        scenario_id=scenario.id, title=scenario.title.model_dump(), seed=sources[0].seed,
        turns=scenario.turns, directory=directory(played[0][1][0]),
        tables=[_summary(s, game, scores[-1].report, check_predictions(s.number, styles, finals))
                for s, (game, scores) in played],
        indicators=[_indicator_row(key, played) for key in first.report["indicators"]])


def _scored(source: TableSource, scorer: Scorer) -> tuple[Game, list[TurnScore]]:
    game = replay_to(source, None, scorer).game
    assert isinstance(game, RecordingGame)
    scores = list(game.turn_scores)
    if not game.over or not scores:
        scores.append(TurnScore(game.turn, False, scorer(game)))
    return game, scores


def _summary(source: TableSource, game: Game, report: dict[str, Any],
             predictions: list[PredictionCheck]) -> TableSummary:
    seats = [SeatScore(seat=seat, label=source.labels.get(seat, ""), score=entry.get("score"),
                       parts={k: p.get("value") for k, p in entry.get("indicators", {}).items()})
             for seat, entry in report.get("seats", {}).items()]
    log_json = game.log.to_json()
    return TableSummary(
        number=source.number, superior_style=str(game.superior_style),
        subordinate_style=str(game.subordinate_style), seats=list(source.seats),
        turn=game.turn, phase=game.phase, over=game.over, events=len(game.log),
        log_sha256=hashlib.sha256(log_json.encode("utf-8")).hexdigest(), seat_scores=seats,
        figure1=report.get("figure1", {}), predictions=predictions)


def _indicator_row(key: str, played: list[tuple[TableSource, tuple[Game, list[TurnScore]]]]
                   ) -> IndicatorRow:
    entry = played[0][1][1][-1].report["indicators"][key]
    by_turn = {s.number: [ts.report["indicators"][key]["value"] for ts in scores]
               for s, (_, scores) in played}
    return IndicatorRow(
        key=key, group=entry["group"], unit=entry["unit"], label=entry["label"],
        citation=entry["citation"],
        final={number: values[-1] for number, values in by_turn.items()}, by_turn=by_turn,
        parted=_parting(key, played, by_turn))


def _differ(values: list[float | None]) -> bool:
    numbers = [v for v in values if v is not None]
    if len(numbers) not in (0, len(values)):
        return True  # measured at one table, not applicable at another
    return bool(numbers) and max(numbers) - min(numbers) > TOLERANCE


def _parting(key: str, played: list[tuple[TableSource, tuple[Game, list[TurnScore]]]],
             by_turn: dict[int, list[float | None]]) -> Parting | None:
    length = min(len(values) for values in by_turn.values())
    for index in range(length):
        if not _differ([values[index] for values in by_turn.values()]):
            continue
        cited = {}
        for source, (game, scores) in played:
            report, turn = scores[index].report, scores[index].turn
            cited[source.number] = [game.log[seq] for seq in
                                    sorted(_evidence(report["indicators"], key))
                                    if 0 <= seq < len(game.log) and game.log[seq].turn == turn]
        shown, same = _telling(cited)
        return Parting(
            turn=played[0][1][1][index].turn,
            values={n: values[index] for n, values in by_turn.items()},
            before={n: values[index - 1] if index else None for n, values in by_turn.items()},
            events={n: [_ref(e) for e in events[:MAX_EVENTS]] for n, events in shown.items()},
            more={n: max(0, len(events) - MAX_EVENTS) for n, events in shown.items()},
            same_events=same)
    return None


def _signature(event: Event) -> tuple[str, str, str, str, str]:
    return (event.phase, event.kind, event.actor, event.target, event.task)


def _telling(cited: dict[int, list[Event]]) -> tuple[dict[int, list[Event]], bool]:
    """The cited events that tell the tables apart: at each table those with no like event
    (same phase, kind, parties and task) at every other table. When there are none, the same
    events happened everywhere with other figures: all of them, and True."""
    common: Counter[tuple[str, str, str, str, str]] | None = None
    for events in cited.values():
        counts = Counter(_signature(e) for e in events)
        common = counts if common is None else common & counts
    shown: dict[int, list[Event]] = {}
    for number, events in cited.items():
        left = Counter(common or {})
        shown[number] = []
        for event in events:
            if left[_signature(event)] > 0:
                left[_signature(event)] -= 1
            else:
                shown[number].append(event)
    if any(shown.values()):
        return shown, False
    return cited, True


def _evidence(indicators: dict[str, Any], key: str, seen: set[str] | None = None) -> set[int]:
    """Every event seq the indicator's rules cite, and those of the indicators it is made of."""
    seen = seen if seen is not None else set()
    if key in seen or key not in indicators:
        return set()
    seen.add(key)
    entry = indicators[key]
    seqs = {seq for rule in entry.get("rules", ()) for seq in rule.get("evidence", ())}
    seqs |= set(entry.get("evidence", ()))
    for part in entry.get("composed_of", {}):
        seqs |= _evidence(indicators, part, seen)
    return seqs


def _ref(event: Event) -> EventRef:
    return EventRef(seq=event.seq, turn=event.turn, phase=event.phase, kind=event.kind,
                    actor=event.actor, target=event.target, task=event.task)


__all__ = ["MAX_EVENTS", "CompareError", "EventRef", "IndicatorRow", "Parting", "SeatScore",
           "TableComparison", "TableSource", "TableSummary", "compare_tables", "load_record",
           "replay_to"]
