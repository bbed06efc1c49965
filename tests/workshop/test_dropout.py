"""A participant whose client dies is replaced by the computer official after the grace
period, and takes the seat back on rejoining with the same code."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from game.workshop.client import WorkshopClient, simple_policy
from game.workshop.record import Record
from tests.workshop.helpers import SEATS, clients, hosted, local_replay, run, tutorial, until


async def _drop_and_return(path: Path) -> dict[str, Any]:
    record = Record(path)
    async with hosted(record, seed=7, grace_s=0.2) as (host, port):
        seats = clients(host, port)
        bureau, town = seats["county_agri"], seats["hexi"]
        table = host.tables[1]
        await asyncio.gather(bureau.connect(), town.connect())
        await asyncio.gather(bureau.play_phase(simple_policy), town.play_phase(simple_policy))
        assert (table.game.turn, table.game.phase) == (1, "report")
        await bureau.play_phase(simple_policy)
        await town.abort()  # mid-phase: the town has not ended the report phase
        await until(lambda: table.game.is_bot("hexi"))
        # The bureau had ended the phase: with the town's seat the computer's, the table goes on.
        await until(lambda: table.game.phase == "respond")
        back = WorkshopClient(f"127.0.0.1:{port}", town.code, label="hexi again")
        town_view = await back.connect()
        held_while_away = town_view.held_by
        await bureau.play_phase(simple_policy)  # the respond phase ends: the seat goes back
        view = await back.wait_for(lambda v: v.held_by == "person")
        handed_back_at = (view.turn, view.phase)
        await asyncio.gather(bureau.play(simple_policy), back.play(simple_policy))
        await bureau.close()
        await back.close()
        return {"held_while_away": held_while_away, "handed_back_at": handed_back_at,
                "log": table.game.log.to_json(), "acts": record.acts(1),
                "humans": table.game.humans}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return run(_drop_and_return(tmp_path_factory.mktemp("dropout") / "session.sqlite"))


def test_a_dropped_seat_goes_to_the_computer_and_back_to_its_participant(
        result: dict[str, Any]) -> None:
    assert result["held_while_away"] == "computer"
    assert result["handed_back_at"] == (2, "plan")
    seat_acts = [(a.kind, a.turn, a.phase, a.seat) for a in result["acts"]
                 if a.kind in ("to_computer", "to_person")]
    assert seat_acts == [("to_computer", 1, "report", "hexi"), ("to_person", 1, "respond", "hexi")]
    assert result["humans"] == frozenset(SEATS)


def test_a_table_with_a_takeover_replays_to_the_same_log(result: dict[str, Any]) -> None:
    local = local_replay(tutorial(), 7, SEATS, result["acts"])
    assert local.over
    assert local.log.to_json() == result["log"]


async def _first_join_wait(path: Path) -> tuple[float, float | None]:
    async with hosted(Record(path), grace_s=0.2) as (host, port):
        loop = asyncio.get_running_loop()
        seat = next(s for s in host.seats.values() if s.seat == "hexi")
        assert seat.grace is not None
        before_joining = seat.grace.when() - loop.time()
        client = clients(host, port)["hexi"]
        await client.connect()
        joined = seat.grace
        await client.close()
        return before_joining, None if joined is None else joined.when()


def test_a_seat_nobody_has_joined_yet_waits_minutes_not_the_grace_period(tmp_path: Path) -> None:
    before_joining, while_joined = run(_first_join_wait(tmp_path / "s.sqlite"))
    assert before_joining > 60  # FIRST_JOIN_S (300 s), not the 0.2 s grace
    assert while_joined is None  # no timer while the participant is connected
