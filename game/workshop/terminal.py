"""`python main.py host ...`: run a workshop host in the terminal until Ctrl-C (or SIGTERM).

Prints the address to join, one join code per human seat, and a QR code of the join link.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

import segno

from game.scenario.loader import load_scenario
from game.workshop.host import DEFAULT_GRACE_S, WorkshopHost
from game.workshop.record import Record, RecordError

DEFAULT_PORT = 8765


def join_link(address: str, port: int) -> str:
    """The link a participant opens (or types) to join: the host's WebSocket address."""
    return f"ws://{address}:{port}/"


def lan_address() -> str:
    """This machine's address on the local network as its name resolves (no packet is sent
    to find it); 127.0.0.1 when the name gives only loopback addresses (then the facilitator
    reads the address from the system's network settings)."""
    try:
        found = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return "127.0.0.1"
    addresses = [str(entry[4][0]) for entry in found]
    outside = [a for a in addresses if not a.startswith("127.")]
    return outside[0] if outside else "127.0.0.1"


def run_host(scenario_path: str, tables: int, seats: list[str], port: int = DEFAULT_PORT,
             db: str | None = None, seed: int = 0, grace_s: float = DEFAULT_GRACE_S,
             bind: str = "0.0.0.0", durable: bool = False) -> int:
    """Open (or resume) the session and serve it until interrupted; the exit code.

    Args:
        scenario_path: the scenario YAML file.
        tables: how many tables (ignored when `db` holds a session already).
        seats: the seats people hold at each table (likewise).
        port: the TCP port (0: any free one).
        db: the record file; resumed if it holds a session; default a new dated file.
        seed: every table's seed.
        grace_s: seconds before a dropped participant's seat goes to the computer.
        bind: the address to listen on (0.0.0.0: every network of this machine).
        durable: wait for the disk on every commit (survives a power cut; see `Record`).

    Raises:
        ScenarioError: the scenario file is not valid.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s",
                        stream=sys.stderr)
    scenario = load_scenario(scenario_path)
    if not 0 <= port <= 65535:
        print(f"host: error: --port must be 0-65535, not {port}", file=sys.stderr)
        return 2
    path = Path(db) if db else Path(f"workshop-{datetime.now():%Y%m%d-%H%M%S}.sqlite")
    existed = path.exists()
    try:
        record = Record(path, durable)
    except (RecordError, OSError, sqlite3.Error) as err:
        print(f"host: error: cannot open the record {path}: {err}", file=sys.stderr)
        return 2
    try:
        kept = record.session()
        host = WorkshopHost(scenario, record, tables, seats, seed, grace_s, scenario_path)
    except (RecordError, ValueError, OSError, sqlite3.Error) as err:
        record.close()
        if not existed:  # a refused start leaves no record behind
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        print(f"host: error: {err}", file=sys.stderr)
        return 2
    if kept is not None and (tables != len(host.tables) or list(seats) != list(kept.seats)):
        print(resumed_notice(path, len(host.tables), list(kept.seats), tables, seats),
              file=sys.stderr, flush=True)
    try:
        asyncio.run(_serve(host, bind, port, path))
    except OSError as err:  # the port is taken, the address is not this machine's, ...
        print(f"host: error: cannot listen on {bind}:{port}: {err.strerror or err}",
              file=sys.stderr)
        return 2
    finally:
        record.close()
    return 0


def resumed_notice(path: Path, tables: int, seats: list[str], asked_tables: int,
                   asked_seats: list[str]) -> str:
    """The notice that a resumed record keeps its own tables and seats, in en and zh.

    Args:
        path: the record file.
        tables, seats: the record's own (what the session resumes with).
        asked_tables, asked_seats: what --tables and --seats asked for (not used).
    """
    own, asked = ", ".join(seats), ",".join(asked_seats)
    return (f"host: note: {path} holds a session already: it resumes with the record's own "
            f"{tables} table{'s' if tables != 1 else ''} and seats {own}; --tables "
            f"{asked_tables} --seats {asked} are not used\n"
            f"host: 注意：{path} 中已有一场研讨，按记录自己的 {tables} 桌、席位 {own} 继续；"
            f"未采用 --tables {asked_tables} --seats {asked}")


async def _serve(host: WorkshopHost, bind: str, port: int, path: Path) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM"):
        with contextlib.suppress(NotImplementedError, AttributeError):
            loop.add_signal_handler(getattr(signal, name), stop.set)
    actual = await host.start(bind, port)
    address = lan_address() if bind in ("0.0.0.0", "") else bind
    _print_codes(host, address, actual, path, bind in ("0.0.0.0", ""))
    # Until interrupted, or until the facilitator ends the session.
    waits = [asyncio.create_task(stop.wait()), asyncio.create_task(host.session_ended.wait())]
    await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for task in waits:
        task.cancel()
    await host.stop()
    if host.outbox.commits:
        seconds = sorted(t for _, t in host.outbox.commits)
        writes = sum(n for n, _ in host.outbox.commits)
        print(f"record: {writes} writes in {len(seconds)} commits, commit median "
              f"{1000 * seconds[len(seconds) // 2]:.1f} ms, max {1000 * seconds[-1]:.1f} ms",
              file=sys.stderr, flush=True)


def _print_codes(host: WorkshopHost, address: str, port: int, path: Path,
                 host_all: bool) -> None:
    link = join_link(address, port)
    lines = [f"沟通式动员 workshop — {host.scenario.id}, {len(host.tables)} table(s); "
             f"record {path}",
             "table  seat                 code / 加入码"]
    lines += [f"{table:>5}  {seat:<20} {code[:3]}-{code[3:]}"
              for table, seat, code in host.codes()]
    token = host.facilitator_token
    lines.append(f"facilitator / 主持人口令: {token[:5]}-{token[5:]}   "
                 f"(python main.py facilitate ADDRESS --token {token} status)")
    print("\n".join(lines), flush=True)
    qr = segno.make(link, error="m")
    try:
        qr.terminal(compact=True)  # half-block characters: half the height
    except UnicodeEncodeError:  # an ASCII terminal: inverse-video spaces instead
        qr.terminal(compact=False)
    if address.startswith("127.") and host_all:
        print(f"本机名只解析到本机：请用系统网络设置里的局域网地址，端口 {port}。 / This machine's "
              f"name resolves only to itself: join with its LAN address (see the system's "
              f"network settings), port {port}.")
    # Last, so that a script waiting for this line finds everything above it printed.
    print(f"listening on {link}   (加入地址 / join address)", flush=True)
