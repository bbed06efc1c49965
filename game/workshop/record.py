"""The session's record: one SQLite file (WAL mode), enough to rebuild every table by replay.

A table's game is scenario + seed + what was done to it, in order: every accepted move, every
phase end, every advance, every seat handed to the computer or back, and every act of the
facilitator (pause, resume, notice, inject, timer, force_end, close: "Facilitator acts are
moves too, so they replay"). Each act is one row of `acts`, committed before the client hears
that it was accepted (DESIGN.md, "The network and the record"). `moves`, `phase_ends`,
`takeovers` and `facilitator_acts` are views of `acts` for reading.
Participants are known by the labels they give; no personal data is asked for.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

#: Format 2 adds the facilitator: its token, and its acts (pause, notice, inject, timer...).
RECORD_FORMAT = 2
#: Act kinds: what participants, the computer and the host do, then the facilitator's.
ACT_KINDS = ("move", "end_phase", "advance", "to_computer", "to_person",
             "pause", "resume", "notice", "inject", "timer", "force_end", "close")
#: The facilitator's own acts (`to_computer` and `to_person` are the facilitator's when their
#: data says `"by": "facilitator"`; `force_end` says whether the facilitator or a timer).
FACILITATOR_KINDS = ("pause", "resume", "notice", "inject", "timer", "force_end", "close")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS session (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format INTEGER NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_path TEXT NOT NULL,
    scenario_digest TEXT NOT NULL,  -- of its mechanics (game.engine.save.mechanics_digest)
    seed INTEGER NOT NULL,
    seats TEXT NOT NULL,            -- JSON list of the seats people hold
    grace_s REAL NOT NULL,
    created_at TEXT NOT NULL,
    facilitator_token TEXT NOT NULL -- the facilitator's token (the console's join code)
);
CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,         -- 1, 2, ...
    seed INTEGER NOT NULL,
    final_log_sha256 TEXT,          -- set when the game ends
    final_events INTEGER,
    finished_at TEXT,
    superior_style TEXT             -- the computer superiors' style here (NULL: the scenario's)
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
        ('move', 'end_phase', 'advance', 'to_computer', 'to_person',
         'pause', 'resume', 'notice', 'inject', 'timer', 'force_end', 'close')),
    turn INTEGER NOT NULL,
    phase TEXT NOT NULL,
    seat TEXT NOT NULL,             -- '' for an advance and the table's facilitator acts
    client_seq INTEGER,             -- the client's sequence number (moves and phase ends)
    move TEXT,                      -- the move's JSON (moves only)
    at TEXT NOT NULL,
    data TEXT,                      -- JSON: a facilitator act's details, and who ("by")
    PRIMARY KEY (table_id, step)
);
CREATE VIEW IF NOT EXISTS moves AS
    SELECT table_id, step, turn, phase, seat, client_seq, move, at FROM acts WHERE kind = 'move';
CREATE VIEW IF NOT EXISTS phase_ends AS
    SELECT table_id, step, turn, phase, seat, at FROM acts WHERE kind IN ('end_phase', 'advance');
CREATE VIEW IF NOT EXISTS takeovers AS
    SELECT table_id, step, turn, phase, seat, kind, at FROM acts
    WHERE kind IN ('to_computer', 'to_person');
CREATE VIEW IF NOT EXISTS facilitator_acts AS
    SELECT table_id, step, turn, phase, seat, kind, data, at FROM acts
    WHERE kind IN ('pause', 'resume', 'notice', 'inject', 'timer', 'force_end', 'close')
       OR (kind IN ('to_computer', 'to_person') AND data LIKE '%"by": "facilitator"%');
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
    #: A facilitator act's details (a notice's text, an event's id, a timer's deadline) and
    #: who did it ("by": "facilitator", "timer", "grace"); None for a participant's act.
    data: dict[str, Any] | None = None


@dataclass(frozen=True)
class SessionInfo:
    """The session row: what every table was started from."""

    scenario_id: str
    scenario_path: str
    scenario_digest: str
    seed: int
    seats: list[str]
    grace_s: float
    facilitator_token: str = ""


class RecordError(Exception):
    """The record cannot be used: another format, or it belongs to another scenario."""


class Record:
    """The session's SQLite file.

    Each write is its own transaction, committed before return — unless `batching` is on (a
    running host): then writes wait in memory until `commit_batch` writes them in one
    transaction (a group commit: one disk flush for all the acts of a moment), and the host
    holds every message to the clients until that commit is done.

    Args:
        path: the file (created with its tables if missing); ":memory:" for tests.
        durable: also survive a power cut, not only a crash of the host process: every
            commit waits for the disk (SQLite `synchronous=FULL`). Off by default: in WAL mode
            a commit is in the file's log before it returns, which a killed host keeps; on a
            busy disk a flush to the platter can take 30 ms to 2 s and would hold every reply.

    Raises:
        RecordError: the file is a record of another format.
        sqlite3.Error: the file cannot be opened or is not a database.
    """

    def __init__(self, path: str | Path, durable: bool = False) -> None:
        self.path = str(path)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._lock = threading.Lock()  # the host commits from a worker thread
        self._buffer: list[tuple[str, tuple[Any, ...]]] = []
        self.batching = False
        self._db.execute("PRAGMA journal_mode=WAL")
        self.durable = durable
        self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        if not durable:
            # No checkpoint (and so no wait for the disk) in the middle of a session: the log
            # of a whole workshop is a few MB; `close` folds it into the file.
            self._db.execute("PRAGMA wal_autocheckpoint=0")
        self._db.executescript(_SCHEMA)
        columns = [row[1] for row in self._db.execute("PRAGMA table_info(tables)")]
        if "superior_style" not in columns:  # a record written before styles per table
            self._db.execute("ALTER TABLE tables ADD COLUMN superior_style TEXT")
        row = self._db.execute("SELECT format FROM session").fetchone()
        if row is not None and row[0] != RECORD_FORMAT:
            raise RecordError(f"{self.path}: record format {row[0]}, this host reads "
                              f"{RECORD_FORMAT}")

    def close(self) -> None:
        """Fold the write-ahead log into the file and close it (everything written is
        already committed)."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()

    # ----- the session ------------------------------------------------------------------------

    def session(self) -> SessionInfo | None:
        """The session this record holds, or None for a new file."""
        with self._lock:
            row = self._db.execute(
                "SELECT scenario_id, scenario_path, scenario_digest, seed, seats, grace_s, "
                "facilitator_token FROM session").fetchone()
        if row is None:
            return None
        return SessionInfo(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6])

    def start_session(self, info: SessionInfo, tables: dict[int, dict[str, str]],
                      styles: dict[int, str] | None = None,
                      labels: dict[tuple[int, str], str] | None = None) -> None:
        """Write a new session: its tables and each human seat's join code.

        Args:
            info: the session row.
            tables: {table number: {seat: join code}}.
            styles: {table number: superior style} where the facilitator set one (issue 12:
                "the superior style per table, so tables can differ on purpose").
            labels: {(table, seat): participant label} the facilitator chose (participants
                rows, as a participant's own label on joining is).
        """
        with self._transaction():
            self._db.execute(
                "INSERT INTO session VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (RECORD_FORMAT, info.scenario_id, info.scenario_path, info.scenario_digest,
                 info.seed, json.dumps(info.seats), info.grace_s, _now(),
                 info.facilitator_token))
            for number, codes in tables.items():
                self._db.execute(
                    "INSERT INTO tables (id, seed, superior_style) VALUES (?, ?, ?)",
                    (number, info.seed, (styles or {}).get(number)))
                self._db.executemany("INSERT INTO seats VALUES (?, ?, ?)",
                                     [(number, seat, code) for seat, code in codes.items()])
            self._db.executemany("INSERT INTO participants VALUES (?, ?, ?, ?)",
                                 [(table, seat, label, _now())
                                  for (table, seat), label in (labels or {}).items() if label])

    def codes(self) -> dict[int, dict[str, str]]:
        """{table number: {seat: join code}} for every table."""
        result: dict[int, dict[str, str]] = {}
        with self._lock:
            rows = self._db.execute(
                "SELECT table_id, seat, code FROM seats ORDER BY table_id, rowid").fetchall()
        for table, seat, code in rows:
            result.setdefault(table, {})[seat] = code
        return result

    def styles(self) -> dict[int, str | None]:
        """{table number: its superior style, or None for the scenario's own}."""
        with self._lock:
            rows = self._db.execute("SELECT id, superior_style FROM tables ORDER BY id")
            return {int(number): style for number, style in rows.fetchall()}

    def labels(self) -> dict[tuple[int, str], str]:
        """{(table, seat): the last participant label noted} (the facilitator's or a
        participant's own on joining)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT table_id, seat, label FROM participants ORDER BY rowid").fetchall()
        return {(int(table), str(seat)): str(label) for table, seat, label in rows}

    # ----- what happens at the tables -------------------------------------------------------

    def append(self, act: Act) -> None:
        """Commit one act (before the client hears it was accepted)."""
        move = json.dumps(act.move, sort_keys=True, ensure_ascii=False) if act.move else None
        data = json.dumps(act.data, sort_keys=True, ensure_ascii=False) if act.data else None
        self._write("INSERT INTO acts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (act.table, act.step, act.kind, act.turn, act.phase, act.seat,
                     act.client_seq, move, _now(), data))

    def acts(self, table: int) -> list[Act]:
        """Every act of a table, in order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT table_id, step, kind, turn, phase, seat, client_seq, move, data "
                "FROM acts WHERE table_id = ? ORDER BY step", (table,)).fetchall()
        return [Act(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                    json.loads(r[7]) if r[7] else None, json.loads(r[8]) if r[8] else None)
                for r in rows]

    def participant(self, table: int, seat: str, label: str) -> None:
        """Note a participant's label when they join a seat."""
        self._write("INSERT INTO participants VALUES (?, ?, ?, ?)", (table, seat, label, _now()))

    def finish(self, table: int, log_sha256: str, events: int) -> None:
        """Note that a table's game ended, with its log's fingerprint."""
        self._write("UPDATE tables SET final_log_sha256 = ?, final_events = ?, finished_at = ? "
                    "WHERE id = ?", (log_sha256, events, _now(), table))

    def finished(self) -> dict[int, str | None]:
        """{table number: the final log's sha256, or None while it plays}."""
        with self._lock:
            return dict(self._db.execute("SELECT id, final_log_sha256 FROM tables ORDER BY id"))

    # ----- writing ---------------------------------------------------------------------------

    def _write(self, sql: str, parameters: tuple[Any, ...]) -> None:
        if self.batching:
            self._buffer.append((sql, parameters))
            return
        with self._transaction():
            self._db.execute(sql, parameters)

    def pending(self) -> bool:
        """Whether writes wait for `commit_batch`."""
        return bool(self._buffer)

    def take_batch(self) -> list[tuple[str, tuple[Any, ...]]]:
        """The writes waiting, handed over (the buffer starts empty again)."""
        batch, self._buffer = self._buffer, []
        return batch

    def commit_batch(self, batch: list[tuple[str, tuple[Any, ...]]]) -> None:
        """Write a batch in one transaction (safe to call from a worker thread).

        Raises:
            sqlite3.Error: nothing of the batch was written.
        """
        with self._transaction():
            for sql, parameters in batch:
                self._db.execute(sql, parameters)

    def discard_batch(self) -> None:
        """Forget the writes waiting (the host rebuilds its tables from what was committed)."""
        self._buffer = []

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self._lock)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK on an error), one thread at a time."""

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self._db, self._lock = db, lock

    def __enter__(self) -> None:
        self._lock.acquire()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            self._db.execute("ROLLBACK" if kind is not None else "COMMIT")
        finally:
            self._lock.release()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
