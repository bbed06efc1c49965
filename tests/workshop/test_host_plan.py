"""What the console's set-up gives the host: a superior style per table, the participants'
labels, and the host served in-process on its own thread (started and stopped cleanly)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from game.workshop.facilitator import FacilitatorClient
from game.workshop.host import WorkshopHost
from game.workshop.record import Record
from game.workshop.runner import HostRunner, SessionPlan
from game.workshop.sources import load_session
from tests.workshop.helpers import SEATS, TUTORIAL, run, tutorial

STYLES = {1: "pressure", 3: "communicative"}
LABELS = {(1, "hexi"): "第一组 王", (2, "county_agri"): "Group 2 Li"}


def _plan(db: Path, **changes: object) -> SessionPlan:
    fields: dict[str, object] = dict(scenario=tutorial(), scenario_path=str(TUTORIAL),
                                     record=db, tables=3, seats=SEATS, styles=STYLES,
                                     labels=LABELS, seed=4, bind="127.0.0.1")
    fields.update(changes)
    return SessionPlan(**fields)  # type: ignore[arg-type]


def test_each_table_plays_its_own_style_and_a_restart_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    host = WorkshopHost(tutorial(), Record(db), 3, SEATS, 4, styles=STYLES, labels=LABELS)
    styles = {n: t.game.superior_style for n, t in host.tables.items()}
    assert styles == {1: "pressure", 2: tutorial().styles.superior, 3: "communicative"}
    host.record.close()
    again = WorkshopHost(tutorial(), Record(db))
    assert {n: t.game.superior_style for n, t in again.tables.items()} == styles
    assert {(s.table.number, s.seat): s.label for s in again.seats.values() if s.label} \
        == LABELS
    again.record.close()
    exported = load_session(db, [TUTORIAL.parent])  # the export rebuilds each table's style
    assert {int(t.table): t.game.superior_style for t in exported} == styles


def test_a_style_or_label_for_no_table_is_refused_and_no_record_is_left(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="table 4"):
        WorkshopHost(tutorial(), Record(":memory:"), 3, SEATS, styles={4: "pressure"})
    with pytest.raises(ValueError, match="no superior style 'harsh'"):
        WorkshopHost(tutorial(), Record(":memory:"), 3, SEATS, styles={1: "harsh"})
    with pytest.raises(ValueError, match="seat 'qiaotou'"):
        WorkshopHost(tutorial(), Record(":memory:"), 3, SEATS, labels={(1, "qiaotou"): "x"})
    db = tmp_path / "refused.sqlite"
    with pytest.raises(ValueError):
        HostRunner(_plan(db, styles={9: "pressure"})).start()
    assert not db.exists()


def test_the_in_process_host_serves_a_console_and_stops_cleanly(tmp_path: Path) -> None:
    runner = HostRunner(_plan(tmp_path / "live.sqlite"))
    port = runner.start()
    try:
        assert runner.running
        token = runner.call(lambda host: host.facilitator_token)

        async def console_sees() -> list[tuple[int, str, str]]:
            console = FacilitatorClient(f"127.0.0.1:{port}", token)
            status = await console.connect()
            await console.close()
            return [(t.table, s.seat, s.label) for t in status.tables for s in t.seats]

        seen = run(console_sees())
        assert (1, "hexi", "第一组 王") in seen and len(seen) == 6
    finally:
        runner.stop()
    assert not runner.running
    with socket.socket() as probe:  # nobody listens there now (TIME_WAIT aside)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
    runner.stop()  # twice is harmless
    assert Record(tmp_path / "live.sqlite").styles()[1] == "pressure"


def test_a_taken_port_is_an_os_error_and_the_thread_ends(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        runner = HostRunner(_plan(tmp_path / "p.sqlite", port=taken.getsockname()[1]))
        with pytest.raises(OSError):
            runner.start()
    assert not runner.running and not (tmp_path / "p.sqlite").exists()
