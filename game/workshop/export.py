"""The records of a workshop session, or of one game, as tidy CSV with a codebook (issue 12).

Input is plain engine objects, so one saved game exports today and a session's tables later:
a list of `TableRecord`s, each a table id, the superior style the facilitator gave it, its
`Game` (finished or running), the participants' labels by seat, and the acts outside the seats'
moves where known (a facilitator's; a person's refused move the host saw).

Each table is rebuilt once into a `RecordingGame`, a `Game` that keeps every move submitted to
it (a person's or the computer's, accepted or refused) and scores itself at the end of every
turn's assessment. The rebuild must reach the very log of the table's game, or the export stops
(`ExportError`): nothing is exported that does not replay. A saved game rebuilds from its seed,
seats, handovers and human moves (`rebuild_from_save`); a workshop table from its record's acts,
through the factory it is handed (`Rebuild`).

Output, in one folder (`write_export`): tables.csv, seats.csv, participants.csv, moves.csv,
events.csv, scores_by_turn.csv (UTF-8 with a byte-order mark, so Excel shows Chinese intact),
datapackage.json (the codebook: game.workshop.codebook) and README.md (zh and en).

For a workshop session: one `TableRecord` per table, its `rebuild` replaying the record's acts
into a game the given factory builds (`game.workshop.table.rebuild` with `new_game` swapped for
the factory), its facilitator's acts in `acts`; then `write_export(tables, folder)`.

Scores by turn, measured (shared 2-core machine, c_county: 12 turns, 26 units, 3,733 events):
the one rebuild 0.4 s; the same rebuild scored at each turn's end 0.6 s (each `score_game`
reads the log so far); the alternative, a fresh copy replayed to each turn's end and scored,
2.7 s (it replays O(turns^2) phases). The table's whole export (rows of every file) 1.8 s.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.engine.events import PRIVATE_KINDS, Event
from game.engine.game import Game, MoveResult
from game.engine.moves import DIRECTION, Move
from game.engine.params import DEFAULT_PARAMS, Params
from game.engine.save import SaveGame, find_in_library, mechanics_digest, parse_save
from game.engine.world import Refusal
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle
from game.scoring.report import score_game
from game.scoring.seat import score_seats, seat_role
from game.workshop.codebook import RESOURCES, WHO, Resource, datapackage, readme
from game.workshop.record import Act
from game.workshop.table import Table

#: Scores a game where it stands: `game.scoring.report.score_game` by default.
Scorer = Callable[[Game], dict[str, Any]]


class ExportError(Exception):
    """A table cannot be exported: its rebuild does not reach its game's log, or a row holds a
    column the codebook does not describe."""


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


#: Builds a game as `Game(scenario, seed, humans, superior_style, subordinate_style, params)`.
GameFactory = Callable[..., Game]
#: Rebuilds a table's game from its beginning through the factory given (and returns it).
Rebuild = Callable[[GameFactory], Game]


@dataclass(frozen=True)
class TableRecord:
    """One table to export.

    Attributes:
        table: the table's id ("1" for a single game).
        style_label: the superior style the table was set to, as the facilitator named it.
        game: the table's game, finished or running.
        participants: {seat: label} — the labels participants gave; no personal data.
        acts: acts outside `Game.submit`, as `MoveRow`s (a facilitator's, who="facilitator";
            a person's refused move the host saw): merged into moves.csv by `at_seq`.
        rebuild: how to rebuild the game from its start through a given factory (a workshop
            replays its record's acts); None: from the game's own seed, seats, handovers and
            recorded moves (what a save keeps), see `rebuild_from_save`.
    """

    table: str
    style_label: str
    game: Game
    participants: Mapping[str, str] = field(default_factory=dict)
    acts: Sequence[MoveRow] = ()
    rebuild: Rebuild | None = None


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


def session_rebuild(number: int, scenario: Scenario, seed: int, seats: Sequence[str],
                    acts: Sequence[Act]) -> Rebuild:
    """The rebuild of a workshop table from its record's acts (`Record.acts(number)`).

    The acts are replayed through `game.workshop.table.Table.replay`, on a game the factory
    builds; a seat handed to the computer or back (acts "to_computer", "to_person": after a
    dropout's grace period, on the participant's return, or by the facilitator) becomes a
    moves.csv row of who="facilitator". Phase ends and advances are the table's pace, not
    moves: they are not exported.

    Args:
        number: the table's number.
        scenario: the session's scenario.
        seed: the table's seed.
        seats: the seats people hold, as the session set them.
        acts: the table's acts, in order.
    """
    def rebuild(factory: GameFactory) -> Game:
        table = Table(number, factory(scenario, seed, list(seats)), list(seats))
        for act in acts:
            if act.kind in ("to_computer", "to_person") and isinstance(table.game, RecordingGame):
                table.game.note(act.kind, act.seat, {"seat": act.seat})
            table.replay(act)
        return table.game
    return rebuild


# ----- building the rows -------------------------------------------------------------------


@dataclass
class TableRows:
    """A table's rows, by resource name, each row a {column: value} dict."""

    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {r.name: [] for r in RESOURCES})


def table_rows(record: TableRecord, scorer: Scorer = score_game) -> TableRows:
    """Rebuild one table and turn it into rows of every resource.

    The game is scored at the end of every turn's assessment (and, running, where it stands);
    each report's seats are every seat a person held at some point (`people_seats`), so a seat
    taken over later has its whole series.

    Args:
        record: the table.
        scorer: scores a game where it stands, as `score_game` does ({"indicators": {key:
            {"label", "value", "unit"}}, "seats": {unit: {"score", "indicators"}}}).

    Raises:
        ExportError: the rebuild does not reach the game's log.
    """
    scorer = _scoring_people(scorer, people_seats(record.game))
    game, log_json = _rebuilt(record, scorer)
    if not game.over:
        game.turn_scores.append(TurnScore(game.turn, False, scorer(game)))
    moves = sorted([*game.submitted, *record.acts], key=lambda m: m.at_seq)
    out = TableRows()
    out.rows["moves"] = [_move_row(record, step, m) for step, m in enumerate(moves, start=1)]
    out.rows["events"] = [_event_row(record.table, game, e) for e in game.log]
    last = game.turn_scores[-1].report if game.turn_scores else {"seats": {}}
    out.rows["seats"] = _seat_rows(record, game, moves, last["seats"])
    out.rows["participants"] = [{"table": record.table, "seat": s, "label": label}
                                for s, label in sorted(record.participants.items())]
    out.rows["scores_by_turn"] = [row for ts in game.turn_scores
                                  for row in _score_rows(record.table, ts)]
    out.rows["tables"] = [_table_row(record, game, moves, log_json)]
    return out


def people_seats(game: Game) -> list[str]:
    """Every seat a person held at some point (from the start, taken over, or still), in
    scenario order: the seats scored at every turn, before and after a takeover alike."""
    held = set(game.initial_humans) | set(game.humans) | {s for s, _, _ in game.handovers}
    return [unit.id for unit in game.scenario.units if unit.id in held]


def _scoring_people(scorer: Scorer, seats: list[str]) -> Scorer:
    def score(game: Game) -> dict[str, Any]:
        report = scorer(game)
        missing = [s for s in seats if s not in report["seats"]]
        if missing:  # a seat whose person came later (or left): scored at every turn alike
            found = {**report["seats"], **score_seats(game, missing)}
            report["seats"] = {s: found[s] for s in seats if s in found}
        return report
    return score


def _rebuilt(record: TableRecord, scorer: Scorer) -> tuple[RecordingGame, str]:
    """The table rebuilt into a `RecordingGame`, and its log as canonical JSON."""
    def factory(scenario: Scenario, seed: int = 0, humans: Iterable[str] = (),
                superior_style: SuperiorStyle | None = None,
                subordinate_style: SubordinateStyle | None = None,
                params: Params = DEFAULT_PARAMS) -> Game:
        return RecordingGame(scenario, seed, humans, superior_style, subordinate_style, params,
                             scorer=scorer)

    rebuild = record.rebuild or rebuild_from_save(record.game)
    game = rebuild(factory)
    if not isinstance(game, RecordingGame):
        raise ExportError(f"table {record.table}: the rebuild did not use the factory given")
    log_json = game.log.to_json()
    if log_json != record.game.log.to_json():  # the replay is the export's proof
        raise ExportError(
            f"table {record.table}: rebuilt from its start, the game does not reach its log "
            f"({len(game.log)} events against {len(record.game.log)}); a game played with acts "
            "a save does not keep (a seat released to the computer, a facilitator's act) needs "
            "the rebuild of its record (TableRecord.rebuild)")
    return game, log_json


def _task_unit(game: Game, task: str, lang: str) -> str:
    spec = game.task_by_id.get(task)
    return str(getattr(spec.unit_label, lang)) if spec is not None else ""


def _move_row(record: TableRecord, step: int, move: MoveRow) -> dict[str, Any]:
    fields, game = move.fields, record.game
    task = fields.get("task") if isinstance(fields.get("task"), str) else ""
    refusal = move.refusal
    return {
        "table": record.table, "step": step, "at_seq": move.at_seq, "turn": move.turn,
        "phase": move.phase, "seat": move.seat, "who": move.who,
        "participant": record.participants.get(move.seat, "") if move.who == "human" else "",
        "kind": move.kind, "direction": DIRECTION.get(move.kind, ""), "task": task,
        "subordinate": _text(fields.get("subordinate")),
        "request": _integer(fields.get("request")),
        "task_unit_zh": _task_unit(game, str(task), "zh"),
        "task_unit_en": _task_unit(game, str(task), "en"),
        "funds": _number(fields.get("funds")) if move.kind == "lever_social" else None,
        "cadre_days": _number(fields.get("days")) if move.kind == "respond_local_needs" else None,
        "fields_json": _json(fields), "accepted": move.accepted,
        "refusal_code": refusal.code if refusal else "",
        "refusal_zh": refusal.zh if refusal else "", "refusal_en": refusal.en if refusal else "",
        "events": move.events,
    }


def _event_row(table: str, game: Game, event: Event) -> dict[str, Any]:
    data, hidden = event.data, event.hidden
    reason = data.get("reason")
    spent = data.get("spent")
    return {
        "table": table, "seq": event.seq, "turn": event.turn, "phase": event.phase,
        "kind": event.kind, "actor": event.actor, "target": event.target, "task": event.task,
        "private": event.kind in PRIVATE_KINDS,
        "task_unit_zh": _task_unit(game, event.task, "zh"),
        "task_unit_en": _task_unit(game, event.task, "en"),
        "figure_target": _number(data.get("target")),
        "figure_reported": _number(data.get("reported")),
        "request": _integer(data.get("request")),
        "accepted": data.get("accepted") if isinstance(data.get("accepted"), bool) else None,
        "reason_code": _text(reason.get("code")) if isinstance(reason, dict) else "",
        "cadre_time": _number(data.get("cadre_time")) if event.kind == "unit_turn" else None,
        "time_spent": (round(sum(v for v in spent.values() if _number(v) is not None), 3)
                       if event.kind == "unit_turn" and isinstance(spent, dict) else None),
        "funds": _number(data.get("funds")) if event.kind == "unit_turn" else None,
        "trust": _number(data.get("trust")) if event.kind == "relation_turn" else None,
        "symmetry": _number(data.get("symmetry")) if event.kind == "relation_turn" else None,
        "hidden_delivered": _number(hidden.get("delivered")),
        "hidden_overstate": _number(hidden.get("overstate")),
        "data_json": _json(data), "hidden_json": _json(hidden),
    }


def _seat_rows(record: TableRecord, game: Game, moves: list[MoveRow],
               scores: Mapping[str, Any]) -> list[dict[str, Any]]:
    # A play-test's takeover of a computer seat; a workshop seat handed back is in moves.csv.
    taken: dict[str, tuple[int, str]] = {}
    for seat, turn, phase in game.handovers:
        if seat not in game.initial_humans:
            taken.setdefault(seat, (turn, phase))
    seats = set(game.scenario.seats)
    rows = []
    for unit in game.scenario.units:
        mine = [m for m in moves if m.seat == unit.id and m.accepted]
        score = scores.get(unit.id, {}).get("score")
        rows.append({
            "table": record.table, "seat": unit.id, "unit_kind": unit.kind,
            "name_zh": unit.name.zh, "name_en": unit.name.en, "parent": unit.parent or "",
            "is_seat": unit.id in seats, "role": seat_role(game, unit.id),
            "person_at_start": unit.id in game.initial_humans,
            "person_at_end": unit.id in game.humans,
            "taken_turn": taken[unit.id][0] if unit.id in taken else None,
            "taken_phase": taken[unit.id][1] if unit.id in taken else "",
            "moves_human": sum(1 for m in mine if m.who == "human"),
            "moves_computer": sum(1 for m in mine if m.who in ("computer", "takeover")),
            "seat_score": score,
        })
    return rows


def _score_rows(table: str, scored: TurnScore) -> list[dict[str, Any]]:
    head = {"table": table, "turn": scored.turn, "turn_complete": scored.complete}
    rows = [{**head, "scope": "county", "unit": "", "indicator": key,
             "label_zh": entry["label"]["zh"], "label_en": entry["label"]["en"],
             "value": entry["value"], "measure_unit": entry["unit"]}
            for key, entry in scored.report["indicators"].items()]
    for unit, seat in scored.report["seats"].items():
        rows.append({**head, "scope": "seat", "unit": unit, "indicator": "score",
                     "label_zh": "席位得分", "label_en": "Seat score", "value": seat["score"],
                     "measure_unit": "score"})
        rows += [{**head, "scope": "seat", "unit": unit, "indicator": key,
                  "label_zh": part["label"]["zh"], "label_en": part["label"]["en"],
                  "value": part["value"], "measure_unit": "score"}
                 for key, part in seat["indicators"].items()]
    return rows


def _table_row(record: TableRecord, game: Game, moves: list[MoveRow],
               log_json: str) -> dict[str, Any]:
    done = [m for m in moves if m.accepted]
    scenario = game.scenario
    return {
        "table": record.table, "style_label": record.style_label,
        "superior_style": game.superior_style, "subordinate_style": game.subordinate_style,
        "scenario_id": scenario.id, "scenario_title_zh": scenario.title.zh,
        "scenario_title_en": scenario.title.en, "mechanics_digest": mechanics_digest(scenario),
        "seed": game.seed, "turns_planned": scenario.turns, "turn_days": scenario.turn_days,
        "turn": game.turn, "phase": game.phase, "over": game.over, "events": len(game.log),
        "log_sha256": hashlib.sha256(log_json.encode("utf-8")).hexdigest(),
        "people_at_start": len(game.initial_humans),
        **{f"moves_{who}": sum(1 for m in done if m.who == who) for who in WHO},
        "moves_refused": sum(1 for m in moves if not m.accepted),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


# ----- writing -----------------------------------------------------------------------------


def write_export(tables: Sequence[TableRecord], out: Path, name: str = "game-records",
                 title: str = "沟通式动员 对局记录 / Communicative Mobilization game records",
                 scorer: Scorer = score_game) -> list[Path]:
    """Export tables into the folder `out` (made if missing; files of the same names replaced).

    Args:
        tables: the tables, in the order their rows should appear.
        out: the folder.
        name: the data package's name.
        title: the data package's title.
        scorer: scores a game where it stands.

    Returns:
        The files written: six CSVs, datapackage.json, README.md.

    Raises:
        ExportError: a table does not rebuild to its log, or two tables share an id.
        OSError: the folder cannot be written.
    """
    ids = [t.table for t in tables]
    if len(set(ids)) != len(ids):
        raise ExportError(f"table ids must differ: {ids}")
    built = [table_rows(t, scorer) for t in tables]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [_write_csv(out, resource, [row for rows in built
                                          for row in rows.rows[resource.name]])
               for resource in RESOURCES]
    package = out / "datapackage.json"
    package.write_text(json.dumps(datapackage(name, title), ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
    notes = out / "README.md"
    notes.write_text(readme(), encoding="utf-8")
    return [*written, package, notes]


def _write_csv(out: Path, resource: Resource, rows: list[dict[str, Any]]) -> Path:
    names = [c.name for c in resource.columns]
    path = out / resource.path
    # utf-8-sig: the byte-order mark that makes Excel read the file as UTF-8.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            extra = set(row) - set(names)
            if extra:
                raise ExportError(f"{resource.path}: columns {sorted(extra)} are not in the "
                                  "codebook")
            writer.writerow([_cell(row.get(n)) for n in names])
    return path


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# ----- a saved game ------------------------------------------------------------------------


def load_saved_game(path: Path, folders: Sequence[Path]) -> tuple[SaveGame, Game]:
    """Read a save file and replay it (its scenario found by id in the library folders).

    Raises:
        game.engine.save.SaveError: the save cannot be read or replayed.
        OSError: the file cannot be read.
    """
    from game.engine.save import replay

    save = parse_save(Path(path).read_bytes())
    scenario_path = find_in_library(save.scenario_id, folders,
                                    mechanics=save.mechanics_digest, hint=save.scenario_path)
    return save, replay(save, load_scenario(scenario_path))


def export_save(path: Path, out: Path, folders: Sequence[Path],
                participants: Mapping[str, str] | None = None) -> list[Path]:
    """Export a saved single game as table "1" (its style label: the game's superior style).

    Args:
        path: the save file.
        out: the export folder.
        folders: the scenario library folders (shipped first, then the user's).
        participants: {seat: label}, if known.

    Returns:
        The files written (see `write_export`).

    Raises:
        game.engine.save.SaveError: the save cannot be read or replayed.
        ExportError: see `write_export`.
        OSError: a file cannot be read or written.
    """
    _, game = load_saved_game(path, folders)
    record = TableRecord("1", game.superior_style, game, dict(participants or {}))
    return write_export([record], out)


__all__ = [
    "ExportError",
    "GameFactory",
    "MoveRow",
    "Rebuild",
    "RecordingGame",
    "TableRecord",
    "TableRows",
    "TurnScore",
    "export_save",
    "load_saved_game",
    "people_seats",
    "rebuild_from_save",
    "session_rebuild",
    "table_rows",
    "write_export",
]
