"""A workshop session's tables as its record keeps them, read without writing, and replayed
to any turn (the comparison of tables, game.workshop.compare, and re-opening a past session in
the window read them here).

A table is scenario + seed + the seats people held + its superior style + its acts in order;
the same acts replayed through the host's own table code (`Table.replay`) give the same log
byte for byte. The record is opened read-only — a record copied from the host's laptop, even on
a read-only stick, opens as it is and is never changed by being looked at.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from game.engine.game import Game
from game.engine.save import find_in_library
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle
from game.workshop.record import RECORD_FORMAT, Act
from game.workshop.recording import RecordingGame, Scorer
from game.workshop.table import Table

#: The first bytes of every SQLite file (a session's record is one).
SQLITE_HEADER = b"SQLite format 3\x00"


class CompareError(Exception):
    """The tables cannot be compared or replayed: not a session's record, a table that does
    not replay, tables of different scenarios, or none at all."""


@dataclass(frozen=True)
class TableSource:
    """One table as its record keeps it: enough to replay it.

    Attributes:
        number: the table's number, from 1.
        scenario: the session's scenario.
        seed: the table's seed.
        seats: the seats people hold, as the session set them.
        acts: the table's acts in order (`Record.acts(number)`).
        superior_style: the style of the computer superiors (None: the scenario's).
        subordinate_style: the style of the computer subordinates (None: the scenario's).
        labels: {seat: the participant's label}, if known.
        scenario_path: where the scenario was found ("" if not read from a file).
    """

    number: int
    scenario: Scenario
    seed: int
    seats: tuple[str, ...]
    acts: tuple[Act, ...]
    superior_style: str | None = None
    subordinate_style: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    scenario_path: str = ""


def replay_to(source: TableSource, turn: int | None = None,
              scorer: Scorer | None = None) -> Table:
    """The table replayed from its start to the beginning of `turn` (None: every act).

    "The beginning of turn k" is where the table stood once the directives of turn k were out
    and its first interactive phase began: every act of turns before k applied, none of turn k.
    The log is then a prefix of the whole table's log.

    Args:
        source: the table.
        turn: 1..turns, or None for the whole record (where the table ended or stopped).
        scorer: with one, the game is a `RecordingGame` scored at every turn's end.

    Raises:
        CompareError: the acts do not replay on this scenario and seed.
    """
    styles = (cast(SuperiorStyle | None, source.superior_style),
              cast(SubordinateStyle | None, source.subordinate_style))
    game: Game = (RecordingGame(source.scenario, source.seed, source.seats, *styles,
                                scorer=scorer) if scorer is not None
                  else Game(source.scenario, source.seed, source.seats, *styles))
    table = Table(source.number, game, list(source.seats))
    try:
        for act in source.acts:
            if turn is not None and game.turn >= turn:
                break
            table.replay(act)
    except ValueError as err:
        raise CompareError(f"table {source.number} does not replay: {err}") from None
    return table


def load_record(path: Path, folders: Sequence[Path]) -> list[TableSource]:
    """Every table of a session's record, ready to replay (the file is only read).

    A table's superior style is the record's (`tables.superior_style`) where the record keeps
    one, else the scenario's own; a seat's label is the last one noted for it.

    Args:
        path: the record (.db).
        folders: the scenario library folders (shipped first, then the user's).

    Raises:
        CompareError: the file is not a session's record (or of another format).
        game.engine.save.SaveError: its scenario is not in the library.
        game.scenario.loader.ScenarioError: its scenario file does not load.
        OSError: the file cannot be read.
    """
    path = Path(path)
    with path.open("rb") as stream:
        if stream.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise CompareError(f"{path}: not a session's record (not an SQLite file)")
    try:
        session, tables = _read(path)
    except sqlite3.Error as err:
        raise CompareError(f"{path}: not a session's record ({err})") from None
    scenario_id, scenario_path, digest, seed, seats = session
    found = find_in_library(scenario_id, folders, mechanics=digest, hint=scenario_path)
    scenario = load_scenario(found)
    return [TableSource(number, scenario, seed, tuple(seats), tuple(acts), style,
                        labels=labels, scenario_path=str(found))
            for number, (style, labels, acts) in sorted(tables.items())]


_Session = tuple[str, str, str, int, list[str]]
_Tables = dict[int, tuple[str | None, dict[str, str], list[Act]]]


def _connect(path: Path) -> sqlite3.Connection:
    """The file opened read-only; a record on a read-only medium is opened as immutable."""
    uri = path.resolve().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def _read(path: Path) -> tuple[_Session, _Tables]:
    db = _connect(path)
    try:
        row = db.execute("SELECT format, scenario_id, scenario_path, scenario_digest, seed, "
                         "seats FROM session").fetchone()
        if row is None:
            raise CompareError(f"{path}: the record holds no session")
        if row[0] != RECORD_FORMAT:
            raise CompareError(f"{path}: record format {row[0]}, this game reads "
                               f"{RECORD_FORMAT}")
        columns = {c[1] for c in db.execute("PRAGMA table_info(tables)")}
        style_column = "superior_style" if "superior_style" in columns else "NULL"
        tables: _Tables = {int(n): (s or None, {}, []) for n, s in db.execute(
            f"SELECT id, {style_column} FROM tables ORDER BY id")}  # noqa: S608 - a known name
        for table, seat, label in db.execute(
                "SELECT table_id, seat, label FROM participants ORDER BY rowid"):
            if int(table) in tables:
                tables[int(table)][1][str(seat)] = str(label)
        for r in db.execute("SELECT table_id, step, kind, turn, phase, seat, client_seq, move, "
                            "data FROM acts ORDER BY table_id, step"):
            if int(r[0]) in tables:
                tables[int(r[0])][2].append(Act(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                                                json.loads(r[7]) if r[7] else None,
                                                json.loads(r[8]) if r[8] else None))
        return (row[1], row[2], row[3], int(row[4]), list(json.loads(row[5]))), tables
    finally:
        db.close()


__all__ = ["SQLITE_HEADER", "CompareError", "TableSource", "load_record", "replay_to"]
