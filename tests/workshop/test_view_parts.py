"""A host builds and sends views cheaply — and they are still the seat's whole view.

A table keeps the game's part of each seat's view until the game changes, and the seat's
history and map until something reaches the seat; a connection is sent only the parts that
changed (the directory once). Over whole games played by a policy, at every step: the
table's view equals a view built afresh, and what a client rebuilds from the frames it is
sent equals the view the host holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.engine.game import Game
from game.engine.views import reaches, visible_events
from game.scenario.loader import load_scenario
from game.workshop.client import simple_policy
from game.workshop.gate import Connection
from game.workshop.protocol import ViewMessage, encode, parse_host
from game.workshop.seat_view import SeatView, seat_view
from game.workshop.table import Advanced, Table
from game.workshop.view_parts import unsent, whole
from tests.workshop.helpers import ROOT, SEATS, tutorial


def _fresh(table: Table, seat: str) -> SeatView:
    """The seat's view built from scratch, nothing kept."""
    score = table.scores().get(seat)
    compared = table._comparisons.get(seat)  # noqa: SLF001 — what the table played
    extra: dict[str, Any] = {} if compared is None else {"comparisons": compared}
    return seat_view(table.game, seat, table=table.number, ended=seat in table.ended,
                     waiting_for=table.waiting_for(), score=score, paused=table.paused,
                     closed=table.closed, deadline=table._deadline(),  # noqa: SLF001
                     **extra)


def _steps(table: Table) -> Iterator[str]:
    """Play the table to the end with `simple_policy` for every person, yielding after each
    act (a move, a phase end) the seat that acted."""
    game = table.game
    while not game.over:
        for seat in table.person_held():
            view = table.view(seat)
            if view.ended:
                continue
            for move in simple_policy(view):
                assert table.submit(seat, move.model_dump(mode="json"), None).ok
                yield seat
            outcome = table.end_phase(seat, game.turn, game.phase, None)
            assert outcome is None or isinstance(outcome, Advanced)
            yield seat
            if game.over:
                break


def _table(scenario_path: Path | None = None, seats: list[str] | None = None) -> Table:
    scenario = tutorial() if scenario_path is None else load_scenario(scenario_path)
    seats = seats or SEATS
    from game.scoring.report import score_game

    return Table(1, Game(scenario, seed=4, humans=seats), list(seats), scorer=score_game)


@pytest.fixture(scope="module")
def played() -> dict[str, Any]:
    """A tutorial table played to the end; at every step each seat's kept view, its fresh
    view, and what a client of each seat rebuilt from the frames it was sent."""
    table = _table()
    connections = {seat: Connection(None) for seat in SEATS}
    client: dict[str, SeatView | None] = dict.fromkeys(SEATS)
    sent: dict[str, int] = dict.fromkeys(SEATS, 0)
    steps: list[dict[str, Any]] = []

    def look() -> None:
        step: dict[str, Any] = {}
        for seat in SEATS:
            kept, fresh = table.view(seat), _fresh(table, seat)
            # as a host sends it: the inbox and the parts the connection does not have yet
            partial = table.view(seat, inbox_from=sent[seat])
            sent[seat] += len(partial.documents)
            partial, names, reports_from = unsent(partial, connections[seat])
            text = encode(ViewMessage(seq=0, inbox_from=sent[seat] - len(partial.documents),
                                      kept=names, reports_from=reports_from, view=partial))
            message = parse_host(text)
            assert isinstance(message, ViewMessage)
            client[seat] = whole(message, client[seat])
            step[seat] = {"kept": kept, "fresh": fresh, "client": client[seat],
                          "names": names, "bytes": len(text),
                          "whole_bytes": len(encode(ViewMessage(seq=0, view=kept)))}
        steps.append(step)

    look()
    for _ in _steps(table):
        look()
    table.scores()
    look()
    for seat in SEATS:  # the debrief's fair comparisons, where this build has them
        if table.compare(seat):
            look()
    return {"table": table, "steps": steps}


def _json(view: SeatView | None) -> Any:
    assert view is not None
    return view.model_dump(mode="json")


def test_a_kept_view_is_the_view_built_afresh(played: dict[str, Any]) -> None:
    steps = played["steps"]
    assert len(steps) > 40 and played["table"].game.over
    for number, step in enumerate(steps):
        for seat in SEATS:
            assert _json(step[seat]["kept"]) == _json(step[seat]["fresh"]), (number, seat)


def test_a_client_rebuilds_the_whole_view_from_what_it_is_sent(
        played: dict[str, Any]) -> None:
    for number, step in enumerate(played["steps"]):
        for seat in SEATS:
            assert _json(step[seat]["client"]) == _json(step[seat]["kept"]), (number, seat)


def test_a_connection_is_sent_the_directory_once_and_kept_parts_not_again(
        played: dict[str, Any]) -> None:
    steps = played["steps"]
    for seat in SEATS:
        assert "directory" not in steps[0][seat]["names"]  # the first view carries it
        assert steps[0][seat]["client"].directory is not None
        later = [step[seat]["names"] for step in steps[1:]]
        assert all("directory" in names for names in later)
        # every later view is sent in less than the whole of it
        assert all(step[seat]["bytes"] < step[seat]["whole_bytes"] for step in steps[1:])
    sent = sum(step[seat]["bytes"] for step in steps[1:] for seat in SEATS)
    whole = sum(step[seat]["whole_bytes"] for step in steps[1:] for seat in SEATS)
    assert sent < whole / 2


def test_the_score_reaches_each_person_after_the_game_and_only_their_own(
        played: dict[str, Any]) -> None:
    last = played["steps"][-1]
    for seat in SEATS:
        view = last[seat]["client"]
        assert view.over and view.score is not None and view.score["unit"] == seat


@pytest.mark.parametrize("name", ["tutorial", "double_rice"])
def test_a_turn_s_events_found_by_bisection_are_those_of_the_whole_log(name: str) -> None:
    game = Game(load_scenario(ROOT / "scenarios" / f"{name}.yaml"), seed=3)
    game.run_to_end()
    turns = [e.turn for e in game.log]
    assert turns == sorted(turns) and len(set(turns)) > 3
    for seat in game.scenario.seats:
        for turn in range(0, game.turn + 2):
            assert visible_events(game, seat, turn) == [
                e for e in game.log if e.turn == turn and reaches(e, seat)]


def test_a_table_scored_in_another_process_gets_its_own_report(
        played: dict[str, Any]) -> None:
    import pickle

    from game.scoring.report import score_game
    from game.workshop.replayed import replayable, score_replayed

    table = played["table"]
    played_again = pickle.loads(pickle.dumps(replayable(table)))  # as it crosses processes
    done = score_replayed(played_again)
    assert done["log_sha256"] == table.log_sha256()
    assert done["report"] == score_game(table.game)
    compared = score_replayed(played_again, compare=list(SEATS))
    assert compared["log_sha256"] == table.log_sha256()
    assert set(compared["comparisons"]) in (set(), set(SEATS))  # none where this build has none


def test_kept_views_are_fresh_ones_at_a_county_of_four_people() -> None:
    """The bench's county: four people, many computer units, views kept across every act."""
    seats = ["county_agri", "beiyuan", "hukou", "shuangfeng"]
    table = _table(ROOT / "scenarios" / "double_rice.yaml", seats)
    steps = 0
    for _ in _steps(table):
        steps += 1
        for seat in seats:
            assert _json(table.view(seat)) == _json(_fresh(table, seat)), (steps, seat)
    assert steps > 100 and table.game.over
