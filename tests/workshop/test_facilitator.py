"""The facilitator's console against a real host on 127.0.0.1: a session of 3 tables with 6
simulated participants, every act recorded, and the record replayed to the same logs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect

from game.engine.save import parse_save, replay, to_save
from game.workshop.client import JoinError, WorkshopClient, simple_policy
from game.workshop.facilitator import FacilitatorClient
from game.workshop.host import WorkshopHost
from game.workshop.protocol import Facilitate, FacilitatorHello, encode
from game.workshop.record import FACILITATOR_KINDS, Record
from game.workshop.seat_view import SeatView
from tests.workshop.helpers import SEATS, local_replay, run, until
from tests.workshop.scenarios import INSPECTION, inspected_tutorial

SEED = 7
NOTICE_ZH = "还有五分钟结束本阶段，请抓紧。"
NOTICE_EN = "Five minutes left in this phase."


def _notices(view: SeatView) -> list[str]:
    return [d.data["en"] for d in view.documents if d.kind == "facilitator_notice"]


def _logs(host: WorkshopHost) -> dict[int, str]:
    return {n: t.game.log.to_json() for n, t in sorted(host.tables.items())}


async def _session(db: Path) -> dict[str, Any]:
    """Run the session's script; what the test checks afterwards."""
    host = WorkshopHost(inspected_tutorial(), Record(db), tables=3, seats=SEATS, seed=SEED,
                        grace_s=600, stuck_s=600)
    port = await host.start("127.0.0.1", 0)
    address = f"127.0.0.1:{port}"
    frames: dict[tuple[int, str], list[str]] = {}
    people = {(table, seat): WorkshopClient(address, code, label=f"P{table}{seat[:2]}",
                                            on_frame=frames.setdefault((table, seat), []).append)
              for table, seat, code in host.codes()}
    console = FacilitatorClient(address, host.facilitator_token)
    out: dict[str, Any] = {}
    try:
        await asyncio.gather(*(c.connect() for c in people.values()))
        await console.connect()
        await console.wait_for(lambda s: all(seat.state == "acting" and seat.label
                                             for t in s.tables for seat in t.seats))
        out["first_status"] = console.status

        # The one-way mirror: the seat's own view, and not one frame more to the participant.
        watched = people[(2, "hexi")]
        before = len(frames[(2, "hexi")])
        mirrored = await console.watch(2, "hexi")
        out["mirror_equal"] = mirrored.model_dump() == watched.view.model_dump() \
            if watched.view else False
        out["mirror_frames"] = len(frames[(2, "hexi")]) - before

        # Pause table 1: moves and phase ends refused with a reason, nothing changes.
        assert all(r.ok for r in await console.pause(1))
        paused = people[(1, "county_agri")]
        await paused.wait_for(lambda v: v.paused)
        snapshot = host.tables[1].game.snapshot()
        steps = host.tables[1].step
        view = paused.view
        assert view is not None
        move = simple_policy(view)[0]
        out["paused_move"] = await paused.submit(move)
        out["paused_end"] = await paused.end_phase(view.turn, view.phase)
        out["paused_unchanged"] = (host.tables[1].game.snapshot() == snapshot
                                   and host.tables[1].step == steps)
        out["paused_status"] = (await console.refresh()).tables[0]
        out["pause_again"] = await console.pause(1)

        # A broadcast reaches every participant's inbox, and the mirror.
        assert all(r.ok for r in await console.broadcast(NOTICE_ZH, NOTICE_EN))
        for client in people.values():
            await client.wait_for(lambda v: NOTICE_EN in _notices(v))
        out["notices"] = {key: _notices(c.view) for key, c in people.items() if c.view}
        out["mirror_notice"] = _notices(await console.wait_for_mirror(
            2, "hexi", lambda v: bool(_notices(v))))

        # An inspection injected into table 2 only; a bad event id is refused.
        out["inject"] = await console.inject(INSPECTION, table=2)
        out["inject_bad"] = await console.inject("no_such_event", table=3)
        await people[(2, "hexi")].wait_for(
            lambda v: any(d.kind == "world_event" and d.data.get("event") == INSPECTION
                          for d in v.documents))

        # A seat of table 3 to the computer and back.
        assert all(r.ok for r in await console.to_computer(3, "hexi"))
        await people[(3, "hexi")].wait_for(lambda v: v.held_by == "computer")
        out["computer_status"] = await console.wait_for(
            lambda s: s.tables[2].seats[1].state == "computer")
        out["computer_move"] = await people[(3, "hexi")].submit(
            {"kind": "allocate_time", "weights": {"reclaim": 1.0}})
        assert all(r.ok for r in await console.to_person(3, "hexi"))
        await people[(3, "hexi")].wait_for(lambda v: v.held_by == "person")

        # Table 2 plays its plan phase; table 3's phase ends by the facilitator's hand and
        # then by a timer, as its seats stand.
        await asyncio.gather(*(people[(2, s)].play_phase(simple_policy) for s in SEATS))
        for seat in SEATS:
            await people[(2, seat)].wait_for(lambda v: v.phase == "report")
        out["table2_moved_on"] = host.tables[2].game.phase == "report"
        assert all(r.ok for r in await console.end_phase(3))
        await people[(3, "hexi")].wait_for(lambda v: v.phase == "report")
        assert all(r.ok for r in await console.timer(0.2, table=3))
        await people[(3, "hexi")].wait_for(lambda v: v.phase == "respond")

        # Resume table 1: its participants act again.
        assert all(r.ok for r in await console.resume(1))
        out["resumed_move"] = await paused.submit(move)

        # End the session: every table closed, moves refused.
        out["end"] = await console.end_session()
        await paused.wait_for(lambda v: v.closed)
        view = paused.view
        assert view is not None
        out["closed_move"] = await paused.end_phase(view.turn, view.phase)
        out["last_status"] = await console.wait_for(lambda s: s.ended)
        out["logs"] = _logs(host)
        out["acts"] = {n: host.record.acts(n) for n in host.tables}
        out["states"] = {n: (t.paused, t.closed, t.step) for n, t in host.tables.items()}
        # A save of a table replays its notice and injection too (table 3 is left out: the
        # save format does not record a seat released to the computer, see release_seat).
        out["save_replays"] = all(
            replay(parse_save(to_save(t.game).model_dump_json()), inspected_tutorial()
                   ).log.to_json() == t.game.log.to_json()
            for n, t in host.tables.items() if n != 3)
    finally:
        await console.close()
        for client in people.values():
            await client.close()
        await host.stop()
        host.record.close()
    return out


def test_a_facilitated_session_of_three_tables_replays_from_its_record(tmp_path: Path) -> None:
    db = tmp_path / "session.sqlite"
    out = run(_session(db), 50)

    first = out["first_status"]
    assert [t.table for t in first.tables] == [1, 2, 3]
    assert sum(len(t.seats) for t in first.tables) == 6
    assert out["mirror_equal"] and out["mirror_frames"] == 0

    assert not out["paused_move"].ok and out["paused_move"].code == "paused"
    assert "暂停" in out["paused_move"].zh and "paused" in out["paused_move"].en
    assert not out["paused_end"].ok and out["paused_end"].code == "paused"
    assert out["paused_unchanged"]
    assert out["paused_status"].paused
    assert {s.state for s in out["paused_status"].seats} == {"waiting"}
    assert [r.code for r in out["pause_again"]] == ["paused"]

    assert len(out["notices"]) == 6
    assert all(n == [NOTICE_EN] for n in out["notices"].values())
    assert out["mirror_notice"] == [NOTICE_EN]

    assert [(r.table, r.ok) for r in out["inject"]] == [(2, True)]
    assert [(r.table, r.code) for r in out["inject_bad"]] == [(3, "event")]
    logs = {n: json.loads(text) for n, text in out["logs"].items()}
    injected = {n: [e for e in log if e["kind"] == "world_event"
                    and e["data"]["event"] == INSPECTION] for n, log in logs.items()}
    assert [e["turn"] for e in injected[2]] == [1] and not injected[1] and not injected[3]
    assert all(e["kind"] != "inspection" or e["turn"] > 1 or n == 2
               for n, log in logs.items() for e in log)

    assert not out["computer_move"].ok and out["computer_move"].code == "computer_holds"
    assert out["table2_moved_on"]
    assert out["resumed_move"].ok
    assert all(r.ok for r in out["end"]) and len(out["end"]) == 3
    assert not out["closed_move"].ok and out["closed_move"].code == "closed"
    assert out["last_status"].ended

    kinds = {n: [a.kind for a in acts if a.kind in FACILITATOR_KINDS]
             for n, acts in out["acts"].items()}
    assert kinds[1] == ["pause", "notice", "resume", "close"]
    assert kinds[2] == ["notice", "inject", "close"]
    assert kinds[3] == ["notice", "force_end", "timer", "force_end", "close"]
    timer_end = [a.data for a in out["acts"][3] if a.kind == "force_end"]
    assert [d["by"] for d in timer_end if d] == ["facilitator", "timer"]
    handed = [(a.kind, (a.data or {}).get("by")) for a in out["acts"][3]
              if a.kind in ("to_computer", "to_person")]
    assert handed == [("to_computer", "facilitator"), ("to_person", "facilitator")]
    assert out["save_replays"]

    # The record reopened: a host restarted from it reaches the same logs, byte for byte.
    again = WorkshopHost(inspected_tutorial(), Record(db))
    assert _logs(again) == out["logs"]
    assert {n: (t.paused, t.closed, t.step) for n, t in again.tables.items()} == out["states"]
    assert again.ended and again.facilitator_token
    for number, acts in out["acts"].items():  # and so does the engine alone, from the acts
        local = local_replay(inspected_tutorial(), SEED, SEATS, acts)
        assert local.log.to_json() == out["logs"][number]
    again.record.close()


async def _intruders(db: Path) -> dict[str, Any]:
    host = WorkshopHost(inspected_tutorial(), Record(db), tables=2, seats=SEATS, seed=SEED,
                        grace_s=600)
    port = await host.start("127.0.0.1", 0)
    out: dict[str, Any] = {}
    try:
        logs, steps = _logs(host), {n: t.step for n, t in host.tables.items()}
        wrong = FacilitatorClient(f"127.0.0.1:{port}", "WRONGTOKEN2")
        with pytest.raises(JoinError):
            await wrong.connect()
        await wrong.close()
        code = host.codes()[0][2]
        async with connect(f"ws://127.0.0.1:{port}/") as socket:
            # Acts without the console's hello, or with a participant's join code.
            for token in (host.facilitator_token, code, "WRONGTOKEN2"):
                await socket.send(encode(Facilitate(seq=1, token=token, act="pause")))
                out.setdefault("answers", []).append(json.loads(await socket.recv()))
            await socket.send(encode(FacilitatorHello(seq=2, token=code)))
            out["answers"].append(json.loads(await socket.recv()))
        async with connect(f"ws://127.0.0.1:{port}/") as socket:
            # The right hello, then an act with a wrong token on the same connection.
            await socket.send(encode(FacilitatorHello(seq=1, token=host.facilitator_token)))
            out["status"] = json.loads(await socket.recv())
            await socket.send(encode(Facilitate(seq=2, token="WRONGTOKEN2", act="end_session")))
            out["answers"].append(json.loads(await socket.recv()))
        out["unchanged"] = (_logs(host) == logs
                            and {n: t.step for n, t in host.tables.items()} == steps
                            and not any(t.paused or t.closed for t in host.tables.values()))
    finally:
        await host.stop()
        host.record.close()
    return out


def test_a_wrong_facilitator_token_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    out = run(_intruders(tmp_path / "session.sqlite"))
    assert [(a["kind"], a["code"]) for a in out["answers"]] == [("error", "token")] * 5
    assert out["status"]["kind"] == "status"
    assert out["unchanged"]
    record = Record(tmp_path / "session.sqlite")
    try:
        assert all(a.kind not in FACILITATOR_KINDS for n in (1, 2) for a in record.acts(n))
    finally:
        record.close()


async def _scripted(db: Path) -> dict[str, Any]:
    from game.app import main

    host = WorkshopHost(inspected_tutorial(), Record(db), tables=2, seats=SEATS, seed=SEED,
                        grace_s=600)
    port = await host.start("127.0.0.1", 0)
    address, token = f"127.0.0.1:{port}", host.facilitator_token
    out: dict[str, Any] = {}

    def cli(*args: str) -> int:
        return main(["facilitate", address, "--token", token, *args])

    try:
        out["pause"] = await asyncio.to_thread(cli, "--table", "1", "pause")
        out["pause_again"] = await asyncio.to_thread(cli, "--table", "1", "pause")
        out["broadcast"] = await asyncio.to_thread(cli, "broadcast", NOTICE_ZH, NOTICE_EN)
        out["inject"] = await asyncio.to_thread(cli, "--table", "2", "inject", INSPECTION)
        out["timer"] = await asyncio.to_thread(cli, "--table", "2", "timer", "600")
        out["to_computer"] = await asyncio.to_thread(cli, "to-computer", "2", "hexi")
        out["to_person"] = await asyncio.to_thread(cli, "to-person", "2", "hexi")
        out["status"] = await asyncio.to_thread(cli, "status", "--json")
        out["bad_args"] = await asyncio.to_thread(cli, "timer", "soon")
        out["no_table"] = await asyncio.to_thread(cli, "--table", "9", "pause")
        out["bad_token"] = await asyncio.to_thread(
            main, ["facilitate", address, "--token", "WRONGTOKEN2", "pause"])
        out["end"] = await asyncio.to_thread(cli, "end")
        await until(lambda: host.ended)
        out["kinds"] = [a.kind for n in (1, 2) for a in host.record.acts(n)
                        if a.kind in FACILITATOR_KINDS or (a.data or {}).get("by")]
    finally:
        await host.stop()
        host.record.close()
    return out


def test_the_command_line_facilitates_a_running_session(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(_scripted(tmp_path / "session.sqlite"))
    printed = capsys.readouterr()
    assert (out["pause"], out["pause_again"], out["broadcast"], out["inject"], out["timer"],
            out["to_computer"], out["to_person"], out["status"], out["end"]) == \
        (0, 1, 0, 0, 0, 0, 0, 0, 0)
    assert out["bad_args"] == 2 and out["bad_token"] == 2 and out["no_table"] == 1
    assert "table 9: refused (table)" in printed.out
    assert "table 1: refused (paused)" in printed.out
    assert "Wrong facilitator token" in printed.err
    status = json.loads(printed.out[printed.out.index("{"):printed.out.rindex("}") + 1])
    assert status["tables"][0]["paused"] and status["tables"][1]["timer_left"] > 0
    assert out["kinds"] == ["pause", "notice", "close",
                            "notice", "inject", "timer", "to_computer", "to_person", "close"]


def test_seats_handed_over_a_timer_and_a_stuck_alert_survive_a_rebuild() -> None:
    from game.workshop.table import Advanced, rebuild

    host = WorkshopHost(inspected_tutorial(), Record(":memory:"), tables=1, seats=SEATS,
                        seed=SEED, stuck_s=60)
    table = host.tables[1]
    assert table.to_computer("hexi") is None  # county_agri is still acting
    assert isinstance(table.force_end(), Advanced)
    assert table.rejoin("hexi") is None and "hexi" not in table.game.humans  # pinned
    assert table.to_person("hexi") is None  # the computer decided this phase: at its end
    assert "hexi" not in table.game.humans and "hexi" in table.returning
    assert table.set_timer(120, now=1000.0) is None
    assert table.timer_left(now=1100.0) == 20.0
    rebuilt = rebuild(1, inspected_tutorial(), SEED, SEATS, host.record.acts(1))
    assert (rebuilt.returning, rebuilt.pinned, rebuilt.timer) == \
        (table.returning, table.pinned, table.timer)
    turn, phase = table.game.turn, table.game.phase
    assert isinstance(table.end_phase("county_agri", turn, phase, None), Advanced)
    assert "hexi" in table.game.humans and table.timer is None  # handed back; timer gone
    assert [(a.kind, a.data) for a in host.record.acts(1) if a.seat == "hexi"] == [
        ("to_computer", {"by": "facilitator"}),
        ("to_person", {"by": "facilitator", "deferred": True}),
        ("to_person", None)]
    rebuilt = rebuild(1, inspected_tutorial(), SEED, SEATS, host.record.acts(1))
    assert rebuilt.game.log.to_json() == table.game.log.to_json()
    assert rebuilt.game.humans == table.game.humans

    status = host.status(now=table.last_act_at + 61)
    assert [(a.table, a.code) for a in status.alerts] == [(1, "stuck")]
    assert {s.state for s in status.tables[0].seats} == {"disconnected"}
    assert table.pause() is None
    assert not host.status(now=table.last_act_at + 61).alerts  # a paused table is not stuck
    assert [s.state for s in host.status().tables[0].seats] == ["disconnected"] * 2
    host.record.close()


async def _played_through_a_pause(db: Path) -> dict[str, Any]:
    host = WorkshopHost(inspected_tutorial(), Record(db), tables=1, seats=SEATS, seed=SEED,
                        grace_s=600)
    port = await host.start("127.0.0.1", 0)
    address = f"127.0.0.1:{port}"
    people = [WorkshopClient(address, code) for _, _, code in host.codes()]
    console = FacilitatorClient(address, host.facilitator_token)
    try:
        await asyncio.gather(*(c.connect() for c in people), console.connect())
        assert all(r.ok for r in await console.pause())
        paused_at = (await console.refresh()).tables[0]
        steps = host.tables[1].step
        playing = [asyncio.create_task(c.play(simple_policy)) for c in people]
        await console.broadcast(NOTICE_ZH, NOTICE_EN)
        for client in people:
            await client.wait_for(lambda v: NOTICE_EN in _notices(v))
        held = (await console.refresh()).tables[0]
        moved = host.tables[1].step - steps  # the notice only: no move, no phase end
        assert all(r.ok for r in await console.resume())
        finals = await asyncio.gather(*playing)
        return {"finals": finals, "paused_at": paused_at, "held": held, "moved": moved,
                "sha": host.tables[1].log_sha256(), "finished": host.record.finished()[1]}
    finally:
        await console.close()
        for client in people:
            await client.close()
        await host.stop()
        host.record.close()


def test_participants_wait_out_a_pause_and_play_to_the_end(tmp_path: Path) -> None:
    out = run(_played_through_a_pause(tmp_path / "session.sqlite"))
    assert all(v.over and v.score is not None for v in out["finals"])
    assert all(NOTICE_EN in _notices(v) for v in out["finals"])
    # While paused the table stood still: the same turn and phase, one act (the notice).
    paused_at, held = out["paused_at"], out["held"]
    assert (held.turn, held.phase) == (paused_at.turn, paused_at.phase) and held.paused
    assert out["moved"] == 1
    assert out["sha"] == out["finished"]


def test_the_command_line_names_an_unreachable_host_and_a_portless_address(
        capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    from game.app import main
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"127.0.0.1:{port}"
    assert main(["facilitate", address, "--token", "T", "--timeout", "1", "status"]) == 2
    said = capsys.readouterr().err
    assert f"the host cannot be reached at {address}" in said
    assert f"在 {address} 连不上主持端" in said
    assert main(["facilitate", "127.0.0.1:port", "--token", "T", "status"]) == 2
    said = capsys.readouterr().err
    assert "has no valid port" in said and "端口不对" in said
    # an address without a port means the default one, and says so when it does not answer
    from game.workshop.client import normalise_address
    from game.workshop.facilitator import unreachable
    assert "cannot be reached at 127.0.0.1:8765" in unreachable(normalise_address("127.0.0.1"))
