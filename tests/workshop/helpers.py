"""Shared set-up for the workshop tests: a host on 127.0.0.1, clients, a local replay."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.workshop.client import WorkshopClient
from game.workshop.host import WorkshopHost
from game.workshop.record import Act, Record

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
SEATS = ["county_agri", "hexi"]
#: Every wait in these tests is bounded by this (seconds); none is an assertion.
BOUND = 30.0

T = TypeVar("T")


def tutorial() -> Scenario:
    return load_scenario(TUTORIAL)


def run(coroutine: Awaitable[T], bound: float = BOUND) -> T:
    """Run a coroutine to its end on a fresh event loop, within `bound` seconds."""
    return asyncio.run(asyncio.wait_for(coroutine, bound))  # type: ignore[arg-type]


@asynccontextmanager
async def hosted(record: Record, seats: list[str] | None = None, seed: int = 5,
                 grace_s: float = 30.0, tables: int = 1) -> AsyncIterator[tuple[WorkshopHost, int]]:
    """A host of the tutorial on 127.0.0.1 at a free port, stopped afterwards."""
    host = WorkshopHost(tutorial(), record, tables, seats or SEATS, seed, grace_s)
    port = await host.start("127.0.0.1", 0)
    try:
        yield host, port
    finally:
        await host.stop()


def clients(host: WorkshopHost, port: int, **kwargs: Any) -> dict[str, WorkshopClient]:
    """One client per human seat of table 1, keyed by seat."""
    return {seat: WorkshopClient(f"127.0.0.1:{port}", code, label=seat, **kwargs)
            for table, seat, code in host.codes() if table == 1}


async def until(condition: Callable[[], bool], bound: float = BOUND) -> None:
    """Wait (bounded) until `condition()` holds, looking at every turn of the event loop."""
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), bound)


def local_replay(scenario: Scenario, seed: int, seats: list[str], acts: list[Act]) -> Game:
    """A local game given the same seed and the recorded acts, through the engine's API only."""
    game = Game(scenario, seed=seed, humans=seats)
    for act in acts:
        if act.kind == "move":
            assert game.submit(act.seat, act.move or {}).ok
        elif act.kind == "advance":
            game.advance()
        elif act.kind == "to_computer":
            game.release_seat(act.seat)
        elif act.kind == "to_person" and not (act.data or {}).get("deferred"):
            game.take_seat(act.seat)  # (a deferred one is handed back by a later act)
        elif act.kind == "notice":
            game.notify((act.data or {})["zh"], (act.data or {})["en"])
        elif act.kind == "inject":
            game.inject_event((act.data or {})["event"])
    return game


def walk(value: Any) -> Any:
    """Every dict key and every leaf of a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
    else:
        yield value


def frames_of(texts: list[str]) -> list[dict[str, Any]]:
    return [json.loads(text) for text in texts]
