"""Two people and the computer play a table of the tutorial over the network, to the end."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from game.engine.save import SAVE_VERSION, SavedMove, SaveGame, mechanics_digest, replay
from game.scenario.loader import scenario_digest
from game.workshop.client import simple_policy
from game.workshop.record import Record
from game.workshop.seat_view import SeatView
from tests.workshop.helpers import SEATS, clients, hosted, run, tutorial, walk


async def _play(path: Path, frames: dict[str, list[str]] | None = None) -> dict[str, Any]:
    record = Record(path)
    async with hosted(record, seed=5) as (host, port):
        seats = clients(host, port)
        if frames is not None:
            for seat, client in seats.items():
                client.on_frame = frames.setdefault(seat, []).append
        for client in seats.values():
            await client.connect()
        finals = await asyncio.gather(*(c.play(simple_policy) for c in seats.values()))
        for client in seats.values():
            await client.close()
        game = host.tables[1].game
        return {"log": game.log.to_json(), "finals": dict(zip(seats, finals, strict=True)),
                "accepted": {s: c.accepted for s, c in seats.items()}, "game": game,
                "host": host}


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One whole networked game, every frame each seat received kept."""
    path = tmp_path_factory.mktemp("workshop") / "session.sqlite"
    frames: dict[str, list[str]] = {}
    result = run(_play(path, frames))
    return {**result, "frames": frames, "db": sqlite3.connect(path)}


def test_a_networked_table_ends_with_the_log_of_a_local_game_with_the_same_moves(
        played: dict[str, Any]) -> None:
    rows = played["db"].execute(
        "SELECT turn, phase, seat, move FROM moves WHERE table_id = 1 ORDER BY step").fetchall()
    scenario = tutorial()
    save = SaveGame(
        save_version=SAVE_VERSION, scenario_id=scenario.id,
        scenario_digest=scenario_digest(scenario), mechanics_digest=mechanics_digest(scenario),
        seed=5, humans=SEATS,
        superior_style=scenario.styles.superior, subordinate_style=scenario.styles.subordinate,
        turn=scenario.turns, phase="over",
        moves=[SavedMove(turn=t, phase=p, seat=s, move=json.loads(m))
               for t, p, s, m in rows])
    local = replay(save, scenario)
    assert local.over and played["game"].over
    assert local.log.to_json() == played["log"]
    assert all(final.over and final.score is not None for final in played["finals"].values())


def test_every_move_a_client_saw_accepted_is_recorded_once(played: dict[str, Any]) -> None:
    db = played["db"]
    for seat, accepted in played["accepted"].items():
        rows = db.execute("SELECT turn, phase, move FROM moves WHERE seat = ? ORDER BY step",
                          (seat,)).fetchall()
        recorded = [(t, p, json.loads(m)) for t, p, m in rows]
        assert recorded == accepted
        assert accepted, f"{seat} made no move: the test would prove nothing"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_frame_a_seat_receives_holds_only_what_the_seat_may_know(
        played: dict[str, Any]) -> None:
    frames, game = played["frames"], played["game"]
    for seat, texts in frames.items():
        assert len(texts) > 20
        own_tasks = {t for t in game.hierarchy.tasks_of(seat)
                     if not game.hierarchy.subordinates(seat, t)}
        debriefs = 0
        for text in texts:
            message = json.loads(text)
            debriefs += bool(message["kind"] == "view" and message["view"].get("debrief"))
            # An event's hidden part is shown by the debrief, after the game, and nowhere else.
            assert "hidden" not in set(walk(_outside_debrief(message))), text[:200]
            for doc in _documents(_outside_debrief(message)):
                event = game.log[doc["seq"]]
                assert event.visible_to(seat)
                assert doc["data"] == event.data
            if message["kind"] == "view":
                _check_view(message["view"], seat, own_tasks)
        if "debrief" in SeatView.model_fields:
            assert debriefs, f"{seat} never received its part of the debrief"


def _outside_debrief(message: dict[str, Any]) -> dict[str, Any]:
    """The message without its view's part of the debrief (the reveal, after the game)."""
    if message.get("kind") != "view":
        return message
    view = message["view"]
    assert view.get("debrief") is None or view["over"], "a debrief before the end"
    return {**message, "view": {k: v for k, v in view.items() if k != "debrief"}}


def _documents(value: Any) -> list[dict[str, Any]]:
    """Every document anywhere in a message: the inbox's, the events', and those the view's
    parts quote (the turn reports' moves, replies and sections)."""
    if isinstance(value, dict):
        if {"seq", "kind", "direction", "data"} <= value.keys():
            return [value]
        return [doc for item in value.values() for doc in _documents(item)]
    if isinstance(value, list):
        return [doc for item in value for doc in _documents(item)]
    return []


def _check_view(view: dict[str, Any], seat: str, own_tasks: set[str]) -> None:
    assert view["seat"] == seat
    for stake in view["stakes"]:
        # A true capacity only for the seat's own work; for the units below, estimates.
        assert stake["capacity"] is None or stake["task"] in own_tasks
        for sub in stake["subordinates"]:
            assert "capacity" not in sub and "delivered" not in sub
    assert view["score"] is None or view["over"]
    if view["score"] is not None:
        assert view["score"]["unit"] == seat
    # The map's flows: a true delivery only where the seat itself carries the task.
    for flow in (view.get("map") or {}).get("flows", []):
        assert flow["delivered"] is None or flow["subordinate"] == seat, flow
    # The history's turn reports: the seat's own moves (their documents are checked with
    # every other document of the message).
    for report in (view.get("history") or {}).get("reports", []):
        for move in report["effects"]["moves"]:
            assert move["move"]["sender"] == seat, move
    # The debrief: the seat's own score, never another person's.
    debrief = view.get("debrief")
    if debrief is not None:
        assert "seats" not in debrief
        assert debrief.get("score") is None or debrief["score"]["unit"] == seat


def test_no_seat_ever_receives_another_units_true_capacity_before_the_debrief(
        played: dict[str, Any]) -> None:
    frames, game = played["frames"], played["game"]
    for seat in frames:
        secrets = {round(a.capacity, 6) for (unit, _), a in game.assignments.items()
                   if unit != seat and a.capacity}
        assert secrets
        seen = {round(v, 6) for text in frames[seat]
                for v in walk(_outside_debrief(json.loads(text))) if isinstance(v, float)}
        assert not secrets & seen, seat


def test_the_parts_of_a_seat_s_view_arrive_and_the_reveal_only_after_the_game(
        played: dict[str, Any]) -> None:
    for seat, final in played["finals"].items():
        views = [m["view"] for m in map(json.loads, played["frames"][seat])
                 if m["kind"] == "view"]
        assert final.directory is not None  # kept from the connection's first view
        assert views[0]["directory"] is not None
        assert all(v["directory"] is None for v in views[1:])  # sent once
        assert not any(v.get("debrief") for v in views if not v["over"])
        for part in ("notes", "map", "history", "debrief"):
            if part in type(final).model_fields:
                assert getattr(final, part) is not None, (seat, part)
