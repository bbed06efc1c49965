"""The host process killed (SIGKILL) mid-session and restarted from its record: no accepted
move lost, and the table goes on to the same final log as an uninterrupted run."""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.workshop.client import WorkshopClient, simple_policy
from game.workshop.record import Record
from tests.workshop.helpers import (
    BOUND,
    ROOT,
    SEATS,
    TUTORIAL,
    clients,
    hosted,
    local_replay,
    run,
    tutorial,
    until,
)

SEED = 11


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class HostProcess:
    """`python main.py host ...` in a child process, its output in a file."""

    def __init__(self, db: Path, port: int, out: Path) -> None:
        self.db, self.port, self.out = db, port, out
        self.process: subprocess.Popen[bytes] | None = None

    async def start(self) -> None:
        self.out.write_text("")
        with open(self.out, "wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "main.py", "host", str(TUTORIAL), "--tables", "1",
                 "--seats", ",".join(SEATS), "--port", str(self.port), "--bind", "127.0.0.1",
                 "--db", str(self.db), "--seed", str(SEED), "--grace", "600"],
                cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        await until(lambda: "listening on" in self.out.read_text(errors="replace")
                    or self.process.poll() is not None)
        assert self.process.poll() is None, self.out.read_text()

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(BOUND)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(BOUND)


def _codes(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT seat, code FROM seats WHERE table_id = 1"))


async def _killed_and_restarted(tmp: Path) -> dict[str, Any]:
    db = tmp / "session.sqlite"
    host = HostProcess(db, _free_port(), tmp / "host.out")
    try:
        await host.start()
        seats = {seat: WorkshopClient(f"127.0.0.1:{host.port}", code, first_delay=0.05,
                                      max_delay=0.2)
                 for seat, code in _codes(db).items()}
        await asyncio.gather(*(c.connect() for c in seats.values()))
        playing = [asyncio.create_task(c.play(simple_policy)) for c in seats.values()]
        await until(lambda: any(c.view is not None and c.view.turn >= 3 for c in seats.values()))
        host.kill()
        await host.start()
        await asyncio.wait_for(asyncio.gather(*playing), BOUND)
        accepted = {seat: list(c.accepted) for seat, c in seats.items()}
        reconnected = all(c.reconnections > 0 for c in seats.values())
        for client in seats.values():
            await client.close()
    finally:
        host.stop()
    record = Record(db)
    return {"accepted": accepted, "acts": record.acts(1), "sha": record.finished()[1],
            "reconnected": reconnected}


async def _uninterrupted(db: Path) -> str:
    async with hosted(Record(db), seed=SEED) as (host, port):
        seats = clients(host, port)
        await asyncio.gather(*(c.connect() for c in seats.values()))
        await asyncio.gather(*(c.play(simple_policy) for c in seats.values()))
        for client in seats.values():
            await client.close()
        return host.tables[1].log_sha256()


def test_a_killed_host_restarted_from_its_record_loses_nothing(tmp_path: Path) -> None:
    result = run(_killed_and_restarted(tmp_path), 2 * BOUND)
    assert result["reconnected"]
    for seat, accepted in result["accepted"].items():
        recorded = [(a.turn, a.phase, a.move) for a in result["acts"]
                    if a.kind == "move" and a.seat == seat]
        assert recorded == accepted and accepted
    local = local_replay(tutorial(), SEED, SEATS, result["acts"])
    assert local.over
    assert hashlib.sha256(local.log.to_json().encode()).hexdigest() == result["sha"]
    assert result["sha"] == run(_uninterrupted(tmp_path / "again.sqlite"))


async def _printed(tmp: Path) -> tuple[str, dict[str, str], int]:
    db = tmp / "session.sqlite"
    host = HostProcess(db, _free_port(), tmp / "host.out")
    await host.start()
    codes = _codes(db)
    assert host.process is not None
    host.process.send_signal(signal.SIGTERM)
    exit_code = host.process.wait(BOUND)
    return host.out.read_text(errors="replace"), codes, exit_code


def test_the_host_prints_the_address_every_code_and_a_qr_code_and_stops_on_sigterm(
        tmp_path: Path) -> None:
    text, codes, exit_code = run(_printed(tmp_path))
    assert "listening on ws://127.0.0.1:" in text
    for seat, code in codes.items():
        assert f"{seat}" in text and f"{code[:3]}-{code[3:]}" in text
    # The QR code: block characters, or inverse-video spaces on an ASCII terminal.
    assert "█" in text or "▀" in text or "\x1b[7m" in text
    assert exit_code == 0


def test_the_host_refuses_a_seat_the_scenario_does_not_have(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.app import main

    assert main(["host", str(TUTORIAL), "--seats", "hexi,nowhere", "--db",
                 str(tmp_path / "x.sqlite")]) == 2
    assert "nowhere" in capsys.readouterr().err
