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

A session's record: `game.workshop.sources.load_session(path, folders)` gives its tables (each
rebuilt by `recording.session_rebuild` from the record's acts); `sources.export_file` exports
a save or a record, told apart by the file's first bytes (`python main.py export FILE --out`).

Scores by turn, measured (shared 2-core machine, c_county: 12 turns, 26 units, 3,733 events):
the one rebuild 0.4 s; the same rebuild scored at each turn's end 0.6 s (each `score_game`
reads the log so far); the alternative, a fresh copy replayed to each turn's end and scored,
2.7 s (it replays O(turns^2) phases). The table's whole export (rows of every file) 1.8 s.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine.events import PRIVATE_KINDS, Event
from game.engine.game import Game
from game.engine.moves import DIRECTION
from game.engine.params import DEFAULT_PARAMS, Params
from game.engine.save import mechanics_digest
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle
from game.scoring.report import score_game
from game.scoring.seat import score_seats, seat_role
from game.workshop.codebook import RESOURCES, WHO, Resource, datapackage, readme
from game.workshop.recording import (
    MoveRow,
    Rebuild,
    RecordingGame,
    Scorer,
    TurnScore,
    rebuild_from_save,
)


class ExportError(Exception):
    """A table cannot be exported: its rebuild does not reach its game's log, or a row holds a
    column the codebook does not describe."""

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


__all__ = [
    "ExportError",
    "TableRecord",
    "TableRows",
    "people_seats",
    "table_rows",
    "write_export",
]
