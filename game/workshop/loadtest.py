"""The workshop's load benchmark: simulated participants play whole tables over loopback.

A real host (`main.py host`, a child process) serves the tables; this process runs one client
per human seat, each playing `simple_policy` through the protocol. Measured: every move's round
trip (send to acknowledgement), the host's CPU time over the wall time, and the record's size;
checked: every move a client saw accepted is in the record exactly once.
Only loopback (127.0.0.1) is used.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.workshop.client import Reply, WorkshopClient, simple_policy

ROOT = Path(__file__).resolve().parents[2]
#: The issue's goal: a move's round trip at the 95th percentile, in milliseconds.
P95_GOAL_MS = 100.0


class TimedClient(WorkshopClient):
    """A client that notes how long each move took to be answered."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.round_trips: list[float] = []

    async def submit(self, move: BaseModel | dict[str, Any]) -> Reply:
        """Submit and time the answer."""
        start = time.perf_counter()
        reply = await super().submit(move)
        self.round_trips.append(time.perf_counter() - start)
        return reply


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _process_cpu_s(pid: int) -> float | None:
    """A running process's CPU seconds (user + system) from /proc, with those of its child
    processes (the host scores finished tables in one), None where there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(_process_cpu_s(child) or 0.0 for child in _children(pid))


def _children(pid: int) -> list[int]:
    """The process's child processes (Linux: /proc/PID/task/*/children)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def _run_queue_wait_s(pid: int) -> float | None:
    """Seconds the process has been ready to run but waited for a core (Linux schedstat)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_workshop(scenario: Path, tables: int, seats: list[str],
                     bound_s: float = 600.0) -> dict[str, Any]:
    """Serve `tables` tables of `scenario` to one simulated participant per seat, to the end.

    Args:
        scenario: the scenario file.
        tables: how many tables.
        seats: the human seats at each table.
        bound_s: give up after this many seconds.

    Returns:
        {"participants", "tables", "moves", "rtt_median_ms", "rtt_p95_ms", "p95_goal_ms",
        "host_cpu_share" (host CPU seconds per wall second, its scoring process's included;
        1.0 = one core busy), "wall_s",
        "clients_cpu_share", "host_waited_share" (seconds the host was ready but waited for a
        core, per wall second; Linux), "record_kb", "recorded_once", "load_average" (the machine's
        1-minute load, the larger of before and after), "cores"}, or {"error": why} if the
        host failed.
    """
    load_before = _load_average()
    with tempfile.TemporaryDirectory() as folder:
        db, out = Path(folder) / "bench.sqlite", Path(folder) / "host.out"
        port = _free_port()
        cpu_before = _children_cpu_s()
        with open(out, "wb") as output:
            host = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "host", str(scenario), "--tables",
                 str(tables), "--seats", ",".join(seats), "--port", str(port), "--bind",
                 "127.0.0.1", "--db", str(db), "--grace", "600"],
                cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            result = asyncio.run(asyncio.wait_for(_play(db, out, port, host), bound_s))
        finally:
            if host.poll() is None:
                host.terminate()
            host.wait(30)
        if "error" in result:
            return result
        result["host_says"] = [line for line in out.read_text(errors="replace").splitlines()
                               if line.startswith("record:")]
        # Over the play where /proc tells; else over the host's life (start-up included).
        if result["host_cpu_s"] is not None:
            result["host_cpu_share"] = result["host_cpu_s"] / result["wall_s"]
        else:
            result["host_cpu_share"] = (_children_cpu_s() - cpu_before) / result["host_wall_s"]
        result["record_kb"] = sum(p.stat().st_size for p in Path(folder).glob("bench.sqlite*")
                                  ) / 1024.0
        result["recorded_once"] = result.pop("accepted") == _recorded(db)
        # Other programs' load shares the cores with the host: say how busy the machine was.
        result["load_average"] = max(load_before, _load_average())
        result["cores"] = os.cpu_count()
        return result


def _load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


async def _play(db: Path, out: Path, port: int, host: subprocess.Popen[bytes]
                ) -> dict[str, Any]:
    started = time.perf_counter()
    while "listening on" not in out.read_text(errors="replace"):
        if host.poll() is not None:
            lines = out.read_text(errors="replace").strip().splitlines()
            return {"error": lines[-1] if lines else "the host did not start"}
        await asyncio.sleep(0.05)
    with sqlite3.connect(db) as connection:
        codes = connection.execute("SELECT table_id, seat, code FROM seats").fetchall()
    cpu_at_start, wait_at_start = _process_cpu_s(host.pid), _run_queue_wait_s(host.pid)
    clients = [TimedClient(f"127.0.0.1:{port}", code, label=f"bench {t}/{s}")
               for t, s, code in codes]
    start, client_cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(c.connect() for c in clients))
    await asyncio.gather(*(c.play(simple_policy) for c in clients))
    wall = time.perf_counter() - start
    client_cpu = time.process_time() - client_cpu
    cpu_at_end, wait_at_end = _process_cpu_s(host.pid), _run_queue_wait_s(host.pid)
    for client in clients:
        await client.close()
    trips = sorted(t for c in clients for t in c.round_trips)
    accepted = sorted((c.view.table if c.view else 0, c.seat, turn, phase,
                       json.dumps(move, sort_keys=True)) for c in clients
                      for turn, phase, move in c.accepted)
    return {
        "participants": len(clients),
        "tables": len({t for t, _, _ in codes}),
        "moves": len(trips),
        "rtt_median_ms": 1000 * statistics.median(trips) if trips else None,
        "rtt_p95_ms": 1000 * trips[int(0.95 * (len(trips) - 1))] if trips else None,
        "p95_goal_ms": P95_GOAL_MS,
        "wall_s": wall,
        "clients_cpu_share": client_cpu / wall,
        "host_wall_s": time.perf_counter() - started,
        "accepted": accepted,
        "host_cpu_s": None if cpu_at_start is None or cpu_at_end is None
        else cpu_at_end - cpu_at_start,
        # Time the host was ready to run but other programs held the cores.
        "host_waited_share": None if wait_at_start is None or wait_at_end is None
        else (wait_at_end - wait_at_start) / wall,
    }


def _recorded(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT table_id, seat, turn, phase, move FROM moves")
        return sorted((t, s, turn, phase, json.dumps(json.loads(m), sort_keys=True))
                      for t, s, turn, phase, m in rows)


if __name__ == "__main__":  # pragma: no cover - a manual run
    print(measure_workshop(ROOT / "scenarios" / "tutorial.yaml", 2, ["county_agri", "hexi"]),
          file=sys.stderr)
    os._exit(0)
