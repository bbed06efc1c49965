"""Joining a workshop as a participant's client sees it: addresses as people type them, a
wrong code's reason in both languages, a seat taken over on another device, and a session
the facilitator ended (no reconnecting once the host has gone)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from game.workshop.client import (
    DEFAULT_PORT,
    REPLACED,
    JoinError,
    WorkshopClient,
    normalise_address,
)
from game.workshop.facilitator import FacilitatorClient
from game.workshop.record import Record
from tests.workshop.helpers import clients, hosted, run, until


@pytest.mark.parametrize(("typed", "url"), [
    ("127.0.0.1", f"ws://127.0.0.1:{DEFAULT_PORT}/"),
    ("127.0.0.1:8877", "ws://127.0.0.1:8877/"),
    (" http://127.0.0.1:8877/ ", "ws://127.0.0.1:8877/"),
    ("HTTP://127.0.0.1:8877", "ws://127.0.0.1:8877/"),
    ("ws://192.168.1.5:8765/", "ws://192.168.1.5:8765/"),
    ("ws://192.168.1.5", f"ws://192.168.1.5:{DEFAULT_PORT}/"),
    ("https://workshop.example.org/", f"wss://workshop.example.org:{DEFAULT_PORT}/"),
    ("[::1]", f"ws://[::1]:{DEFAULT_PORT}/"),
    ("[::1]:9000/ignored/path", "ws://[::1]:9000/"),
])
def test_an_address_as_typed_becomes_the_hosts_websocket_url(typed: str, url: str) -> None:
    assert normalise_address(typed) == url


@pytest.mark.parametrize("typed", ["", "   ", "http://", "ws:///", "host:port", "h:99999"])
def test_an_address_that_can_be_no_hosts_is_refused_in_both_languages(typed: str) -> None:
    with pytest.raises(JoinError) as raised:
        normalise_address(typed)
    assert raised.value.code == "address" and raised.value.zh != raised.value.en
    client = WorkshopClient(typed, "ABCDEF")  # the window's client: refused at connect

    async def join() -> None:
        await client.connect()

    with pytest.raises(JoinError) as raised:
        run(join())
    assert raised.value.code == "address" and client.state == "closed"


async def _wrong_code(path: Path) -> JoinError:
    async with hosted(Record(path)) as (_host, port):
        client = WorkshopClient(f"127.0.0.1:{port}", "ABCDEF")
        with pytest.raises(JoinError) as raised:
            await client.connect()
        await client.close()
        return raised.value


def test_a_wrong_code_comes_with_the_hosts_reason_in_both_languages(tmp_path: Path) -> None:
    error = run(_wrong_code(tmp_path / "s.sqlite"))
    assert error.code == "token"
    assert error.zh == "没有这个加入码。" and error.en == "No seat has this join code."


async def _taken_over(path: Path) -> dict[str, Any]:
    async with hosted(Record(path)) as (host, port):
        first = clients(host, port)["hexi"]
        await first.connect()
        second = WorkshopClient(f"127.0.0.1:{port}", first.code, label="tablet")
        await second.connect()
        with pytest.raises(JoinError) as raised:
            await first.wait_for(lambda v: False)
        out = {"error": raised.value, "state": first.state,
               "reconnections": first.reconnections}
        for _ in range(5):  # the second device keeps the seat: the first does not come back
            assert (await second.ping()).ok
            await asyncio.sleep(first.max_delay / 20)
        out["later"] = first.reconnections
        out["held"] = host.seats[second.code].connection is not None
        await second.close()
        return out


def test_a_seat_taken_over_on_another_device_says_so_and_does_not_steal_it_back(
        tmp_path: Path) -> None:
    out = run(_taken_over(tmp_path / "s.sqlite"))
    error = out["error"]
    assert (error.code, error.zh, error.en) == ("replaced", *REPLACED)
    assert out["state"] == "closed" and out["later"] == out["reconnections"] == 0
    assert out["held"]


async def _ended(path: Path) -> dict[str, Any]:
    async with hosted(Record(path)) as (host, port):
        town = clients(host, port)["hexi"]
        await town.connect()
        console = FacilitatorClient(f"127.0.0.1:{port}", host.facilitator_token)
        await console.connect()
        assert all(r.ok for r in await console.end_session())
        await console.close()
        await town.wait_for(lambda v: v.closed)
        await host.stop()  # the headless host shuts down once the session ended
        await until(lambda: town.state != "connected")
        await asyncio.sleep(town.first_delay * 4)  # time enough for reconnections, were any
        view = town.view
        assert view is not None
        out = {"state": town.state, "reconnections": town.reconnections,
               "move": await town.submit({"kind": "report_progress", "task": "reclaim"}),
               "end": await town.end_phase(view.turn, view.phase),
               "kept": town.view is view}
        await town.close()
        return out


def test_after_the_session_ended_the_client_stops_and_refuses_as_ended(tmp_path: Path) -> None:
    out = run(_ended(tmp_path / "s.sqlite"))
    assert out["state"] == "ended" and out["reconnections"] == 0 and out["kept"]
    for reply in (out["move"], out["end"]):
        assert not reply.ok and reply.code == "closed"
        assert reply.zh == "本场研讨已结束。" and reply.en == "The session has ended."


def test_a_facilitator_console_with_no_hosts_address_is_refused_at_connect() -> None:
    console = FacilitatorClient("http://", "TOKEN")  # built without raising, as before
    with pytest.raises(JoinError) as raised:
        run(console.connect())
    assert raised.value.code == "address"
