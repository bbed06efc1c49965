"""The session's record: one SQLite file (WAL mode), enough to rebuild every table by replay.

A table's game is scenario + seed + what was done to it, in order: every accepted move, every
phase end, every advance, every seat handed to the computer or back. Each act is one row of
`acts`, committed before the client hears that it was accepted (DESIGN.md, "The network and
the record"). `moves`, `phase_ends` and `takeovers` are views of `acts` for reading.
Participants are known by the labels they give; no personal data is asked for.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RECORD_FORMAT = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS session (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format INTEGER NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_path TEXT NOT NULL,
    scenario_digest TEXT NOT NULL,
    seed INTEGER NOT NULL,
    seats TEXT NOT NULL,            -- JSON list of the seats people hold
    grace_s REAL NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,         -- 1, 2, ...
    seed INTEGER NOT NULL,
    final_log_sha256 TEXT,          -- set when the game ends
    final_events INTEGER,
    finished_at TEXT
);
CREATE TABLE IF NOT EXISTS seats (
    table_id INTEGER NOT NULL REFERENCES tables(id),
    seat TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,      -- the join code (the seat's token)
    PRIMARY KEY (table_id, seat)
);
CREATE TABLE IF NOT EXISTS participants (
    table_id INTEGER NOT NULL,
    seat TEXT NOT NULL,
    label TEXT NOT NULL,            -- what the participant typed; no personal data needed
    joined_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS acts (
    table_id INTEGER NOT NULL REFERENCES tables(id),
    step INTEGER NOT NULL,          -- order of the acts at the table, from 0
    kind TEXT NOT NULL CHECK (kind IN
        ('move', 'end_phase', 'advance', 'to_computer', 'to_person')),
    turn INTEGER NOT NULL,
    phase TEXT NOT NULL,
    seat TEXT NOT NULL,             -- '' for an advance
    client_seq INTEGER,             -- the client's sequence number (moves and phase ends)
    move TEXT,                      -- the move's JSON (moves only)
    at TEXT NOT NULL,
    PRIMARY KEY (table_id, step)
);
CREATE VIEW IF NOT EXISTS moves AS
    SELECT table_id, step, turn, phase, seat, client_seq, move, at FROM acts WHERE kind = 'move';
CREATE VIEW IF NOT EXISTS phase_ends AS
    SELECT table_id, step, turn, phase, seat, at FROM acts WHERE kind IN ('end_phase', 'advance');
CREATE VIEW IF NOT EXISTS takeovers AS
    SELECT table_id, step, turn, phase, seat, kind, at FROM acts
    WHERE kind IN ('to_computer', 'to_person');
"""


@dataclass(frozen=True)
class Act:
    """One row of `acts`: what was done to a table, in order."""

    table: int
    step: int
    kind: str
    turn: int
    phase: str
    seat: str
    client_seq: int | None = None
    move: dict[str, Any] | None = None


@dataclass(frozen=True)
class SessionInfo:
    """The session row: what every table was started from."""

    scenario_id: str
    scenario_path: str
    scenario_digest: str
    seed: int
    seats: list[str]
    grace_s: float


class RecordError(Exception):
    """The record cannot be used: another format, or it belongs to another scenario."""


class Record:
    """The session's SQLite file. Each write is its own transaction, committed before return.

    Args:
        path: the file (created with its tables if missing); ":memory:" for tests.

    Raises:
        RecordError: the file is a record of another format.
        sqlite3.Error: the file cannot be opened or is not a database.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before the move is acknowledged, even across a power cut.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        row = self._db.execute("SELECT format FROM session").fetchone()
        if row is not None and row[0] != RECORD_FORMAT:
            raise RecordError(f"{self.path}: record format {row[0]}, this host reads "
                              f"{RECORD_FORMAT}")

    def close(self) -> None:
        """Close the file (everything written is already committed)."""
        self._db.close()

    # ----- the session ------------------------------------------------------------------------

    def session(self) -> SessionInfo | None:
        """The session this record holds, or None for a new file."""
        row = self._db.execute(
            "SELECT scenario_id, scenario_path, scenario_digest, seed, seats, grace_s "
            "FROM session").fetchone()
        if row is None:
            return None
        return SessionInfo(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])

    def start_session(self, info: SessionInfo, tables: dict[int, dict[str, str]]) -> None:
        """Write a new session: its tables and each human seat's join code.

        Args:
            info: the session row.
            tables: {table number: {seat: join code}}.
        """
        with self._transaction():
            self._db.execute(
                "INSERT INTO session VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
                (RECORD_FORMAT, info.scenario_id, info.scenario_path, info.scenario_digest,
                 info.seed, json.dumps(info.seats), info.grace_s, _now()))
            for number, codes in tables.items():
                self._db.execute("INSERT INTO tables (id, seed) VALUES (?, ?)",
                                 (number, info.seed))
                self._db.executemany("INSERT INTO seats VALUES (?, ?, ?)",
                                     [(number, seat, code) for seat, code in codes.items()])

    def codes(self) -> dict[int, dict[str, str]]:
        """{table number: {seat: join code}} for every table."""
        result: dict[int, dict[str, str]] = {}
        for table, seat, code in self._db.execute(
                "SELECT table_id, seat, code FROM seats ORDER BY table_id, rowid"):
            result.setdefault(table, {})[seat] = code
        return result

    # ----- what happens at the tables -------------------------------------------------------

    def append(self, act: Act) -> None:
        """Commit one act (before the client hears it was accepted)."""
        move = json.dumps(act.move, sort_keys=True, ensure_ascii=False) if act.move else None
        with self._transaction():
            self._db.execute(
                "INSERT INTO acts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (act.table, act.step, act.kind, act.turn, act.phase, act.seat, act.client_seq,
                 move, _now()))

    def acts(self, table: int) -> list[Act]:
        """Every act of a table, in order."""
        rows = self._db.execute(
            "SELECT table_id, step, kind, turn, phase, seat, client_seq, move FROM acts "
            "WHERE table_id = ? ORDER BY step", (table,))
        return [Act(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                    json.loads(r[7]) if r[7] else None) for r in rows]

    def participant(self, table: int, seat: str, label: str) -> None:
        """Note a participant's label when they join a seat."""
        with self._transaction():
            self._db.execute("INSERT INTO participants VALUES (?, ?, ?, ?)",
                             (table, seat, label, _now()))

    def finish(self, table: int, log_sha256: str, events: int) -> None:
        """Note that a table's game ended, with its log's fingerprint."""
        with self._transaction():
            self._db.execute(
                "UPDATE tables SET final_log_sha256 = ?, final_events = ?, finished_at = ? "
                "WHERE id = ?", (log_sha256, events, _now(), table))

    def finished(self) -> dict[int, str | None]:
        """{table number: the final log's sha256, or None while it plays}."""
        return dict(self._db.execute("SELECT id, final_log_sha256 FROM tables ORDER BY id"))

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK on an error)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._db.execute("ROLLBACK" if kind is not None else "COMMIT")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
