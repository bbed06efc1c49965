"""A workshop host served in-process: its own asyncio loop on a worker thread.

The console window (issue 12, "start the host in-process") starts the same `WorkshopHost` the
terminal's `python main.py host` runs, without blocking its own event loop: `HostRunner.start`
opens the record, builds the host and listens on the worker thread, and returns (or raises)
once the port is bound; `stop` ends the serving, folds the record's log into its file and
joins the thread. Nothing here imports Qt.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from game.scenario.models import Scenario
from game.workshop.host import DEFAULT_GRACE_S, DEFAULT_STUCK_S, WorkshopHost
from game.workshop.record import Record

T = TypeVar("T")


@dataclass
class SessionPlan:
    """What the facilitator chose for a new session (or the record to resume).

    Attributes:
        scenario: the scenario every table plays.
        scenario_path: its file (noted in the record).
        record: the record file (resumed if it holds a session already).
        tables: how many tables (from 1).
        seats: the seats people hold at every table (the others: the computer).
        styles: {table number: superior style} where a table differs from the scenario.
        labels: {(table, seat): participant label}.
        seed: every table's seed.
        port: the TCP port to listen on (0: any free one).
        bind: the address to listen on ("0.0.0.0": every network of this machine).
        grace_s: seconds before a dropped participant's seat goes to the computer.
        stuck_s: seconds without an act before a playing table is flagged stuck.
    """

    scenario: Scenario
    scenario_path: str
    record: Path
    tables: int
    seats: list[str]
    styles: dict[int, str] = field(default_factory=dict)
    labels: dict[tuple[int, str], str] = field(default_factory=dict)
    seed: int = 0
    port: int = 0
    bind: str = "0.0.0.0"
    grace_s: float = DEFAULT_GRACE_S
    stuck_s: float = DEFAULT_STUCK_S


class HostRunner:
    """A `WorkshopHost` on its own thread and event loop.

    Args:
        plan: the session to open.

    Attributes:
        host: the running host (None before `start` and after a failed one).
        port: the port listened on (0 before `start`).
    """

    def __init__(self, plan: SessionPlan) -> None:
        self.plan = plan
        self.host: WorkshopHost | None = None
        self.port = 0
        self._record: Record | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="workshop-host",
                                        daemon=True)

    @property
    def running(self) -> bool:
        """Whether the host serves now."""
        return self.host is not None and self._thread.is_alive()

    def start(self, timeout_s: float = 30.0) -> int:
        """Open the record, build the host and listen; the port listened on.

        Raises:
            RecordError: the record holds a session of another scenario or format.
            ValueError: the plan is not valid (seats, styles, labels, tables).
            OSError: the port is taken or the address is not this machine's; the record
                file cannot be written.
            sqlite3.Error: the record file is not a database.
            TimeoutError: the host did not start within `timeout_s`.
        """
        self._thread.start()
        try:
            self.port = self._call(self._start(), timeout_s)
        except BaseException:
            self._finish(timeout_s)
            raise
        return self.port

    async def _start(self) -> int:
        plan = self.plan
        existed = plan.record.exists()
        plan.record.parent.mkdir(parents=True, exist_ok=True)
        self._record = Record(plan.record)
        try:
            host = WorkshopHost(plan.scenario, self._record, plan.tables, plan.seats, plan.seed,
                                plan.grace_s, plan.scenario_path, stuck_s=plan.stuck_s,
                                styles=plan.styles, labels=plan.labels)
            port = await host.start(plan.bind, plan.port)
        except BaseException:
            self._record.close()
            self._record = None
            if not existed:  # a refused start leaves no record behind
                for leftover in (plan.record, Path(f"{plan.record}-wal"),
                                 Path(f"{plan.record}-shm")):
                    leftover.unlink(missing_ok=True)
            raise
        self.host = host
        return port

    def call(self, function: Callable[[WorkshopHost], T], timeout_s: float = 10.0) -> T:
        """Run `function(host)` on the host's thread and return its result (the host's
        objects are read there only).

        Raises:
            RuntimeError: the host is not running.
        """
        host = self.host
        if host is None or not self._thread.is_alive():
            raise RuntimeError("the workshop host is not running")

        async def run() -> T:
            return function(host)

        return self._call(run(), timeout_s)

    def _call(self, coroutine: Coroutine[Any, Any, T], timeout_s: float) -> T:
        future: Future[T] = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout_s)

    def stop(self, timeout_s: float = 30.0) -> None:
        """Stop serving (every connection closed), close the record, end the thread. Safe to
        call twice."""
        if self._thread.is_alive() and self.host is not None:
            with contextlib.suppress(Exception):
                self._call(self.host.stop(), timeout_s)
        self.host = None
        self._finish(timeout_s)

    def _finish(self, timeout_s: float) -> None:
        if self._record is not None:
            with contextlib.suppress(sqlite3.Error):
                self._record.close()
            self._record = None
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout_s)
        if not self._thread.is_alive() and not self._loop.is_closed():
            self._loop.close()


__all__ = ["HostRunner", "SessionPlan"]
