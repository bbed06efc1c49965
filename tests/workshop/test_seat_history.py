"""The seat's history (dashboard series and turn reports): only what the seat may know."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

import pytest

from game.engine.events import Event
from game.engine.game import INTERACTIVE, Game
from game.policies import POLICIES, Hand
from game.scenario.loader import load_scenario
from game.workshop.seat_history import SeatHistory, seat_history, series_of
from game.workshop.seat_view import SeatView, seat_view
from game.workshop.turn_report import turn_report

TUTORIAL = load_scenario("scenarios/tutorial.yaml")
#: Data keys that count turns, events or requests, not figures (they collide with figures).
COUNTERS = frozenset(("seq", "turn", "turns", "request", "cycle", "deadline", "grace_until"))


@dataclass
class Played:
    """A tutorial game played to the end by a policy in one seat, with the seat's history
    (as JSON) after every phase."""

    game: Game
    seat: str
    parts: list[dict[str, Any]]
    #: Every other unit's true capacity and output the game ever held.
    truths: set[float]


def _play(seat: str, seed: int = 2) -> Played:
    game = Game(TUTORIAL, seed, humans=[seat])
    hand, parts, truths = Hand(game, seat), [], set()
    while True:
        if game.phase in INTERACTIVE and not game.over:
            POLICIES["thoughtful"].act(hand)
        truths |= {round(a.capacity, 3) for (u, _), a in game.assignments.items() if u != seat}
        truths |= {round(a.delivered, 3) for (u, _), a in game.assignments.items() if u != seat}
        parts.append(json.loads(seat_history(game, seat).model_dump_json()))
        if game.over:
            return Played(game, seat, parts, truths)
        game.advance()


@pytest.fixture(scope="module", params=["hexi", "county_agri"])
def played(request: pytest.FixtureRequest) -> Played:
    return _play(request.param)


def _numbers(value: Any, out: set[float]) -> set[float]:
    """Every figure in a JSON-like value, rounded to 3 places (counters left out)."""
    if isinstance(value, bool):
        return out
    if isinstance(value, int | float):
        out.add(round(float(value), 3))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in COUNTERS:
                _numbers(item, out)
    elif isinstance(value, list | tuple):
        for item in value:
            _numbers(item, out)
    return out


def _secrets(played: Played) -> set[float]:
    """Figures the seat may not know: other units' true capacities (the scenario's and the
    game's) and outputs (their own `execution` statistics), every hidden field —
    less every figure the seat legitimately sees (an honest report equals the truth) and the
    rules every player reads (what a move costs, what a visit adds)."""
    game, seat = played.game, played.seat
    secret, seen = set(played.truths), _numbers(asdict(game.params), set())
    for unit in game.scenario.units:
        if unit.id != seat:
            _numbers(dict(unit.capacity or {}), secret)
    for event in game.log:
        _numbers(event.hidden, secret)
        if event.visible_to(seat):
            _numbers(event.data, seen)
        elif event.kind == "execution":  # another carrier's output, time and delivered
            _numbers(event.data, secret)
    for (unit, _), a in game.assignments.items():
        if unit == seat:
            seen |= {round(a.capacity, 3), round(a.delivered, 3)}
    return secret - seen


def _leaks(played: Played, parts: list[dict[str, Any]]) -> set[float]:
    found: set[float] = set()
    for part in parts:
        _numbers(part, found)
    return found & _secrets(played)


def _documents(history: SeatHistory) -> list[tuple[str, Any]]:
    """Every document of the reports, with where it sits."""
    found: list[tuple[str, Any]] = []
    for report in history.reports:
        for effect in report.effects.moves:
            found += [("move", effect.move), *(("reply", r) for r in effect.replies)]
        found += [("time", report.time)] if report.time is not None else []
        found += [("work", doc) for doc in report.work]
        found += [(key, doc) for key, docs in report.sections.items() for doc in docs]
    return found


# ----- only what the seat may know -------------------------------------------------------------


def test_the_history_holds_no_other_units_true_capacity_or_output(played: Played) -> None:
    assert _secrets(played), "nothing to hide: the check would prove nothing"
    assert not _leaks(played, played.parts)


def test_the_check_finds_another_units_statistics_slipped_in(played: Played) -> None:
    other = next(e for e in played.game.log if e.kind == "execution" and e.actor != played.seat)
    forged = json.loads(json.dumps(played.parts[-1]))
    forged["reports"][-1]["work"].append({**_as_document(other), "data": other.data})
    assert _leaks(played, [forged])


def _as_document(event: Event) -> dict[str, Any]:
    return {"seq": event.seq, "turn": event.turn, "phase": event.phase, "kind": event.kind,
            "category": "internal", "direction": "in", "sender": event.actor,
            "recipient": event.target, "task": event.task}


def test_every_document_is_a_visible_event_without_its_hidden_part(played: Played) -> None:
    game, seat = played.game, played.seat
    documents = _documents(seat_history(game, seat))
    assert {where for where, _ in documents} >= {"move", "time", "judged", "world"}
    for where, doc in documents:
        event = game.log[doc.seq]
        assert event.visible_to(seat), (where, event.kind)
        assert doc.data == event.data and doc.kind == event.kind
        if where in ("time", "work"):
            assert event.actor == seat


def test_the_series_carry_only_the_seats_own_output(played: Played) -> None:
    game, seat = played.game, played.seat
    series = seat_history(game, seat).series
    carried = [t for t in game.hierarchy.tasks_of(seat) if not game.hierarchy.subordinates(seat, t)]
    for task, figures in series.progress.items():
        if "delivered" in figures:
            assert task in carried
            own = {e.turn: e.data["delivered"] for e in game.log
                   if e.kind == "execution" and e.actor == seat and e.task == task}
            assert figures["delivered"] == own
    for task, subs in series.subordinates.items():
        assert set(subs) <= set(game.hierarchy.subordinates(seat, task))
    assert series.trust and all(seat in (line.superior, line.subordinate) for line in series.trust)


# ----- built once, the same as a fresh build, serialisable ------------------------------------


def test_finished_turns_are_built_once_and_equal_a_fresh_build(played: Played) -> None:
    game, seat = played.game, played.seat
    first, again = seat_history(game, seat), seat_history(game, seat)
    assert [r.turn for r in first.reports] == list(range(1, game.turn + 1))
    for old, new in zip(first.reports[:-1], again.reports[:-1], strict=True):
        assert old is new and old.finished
        assert old.model_dump_json() == turn_report(game, seat, old.turn).model_dump_json()
    assert first.series == series_of(list(game.log), seat)


def test_the_turn_under_way_is_reported_unfinished_and_kept_up() -> None:
    game = Game(TUTORIAL, 1, humans=["hexi"])
    while game.turn < 2:
        game.advance()
    before = seat_history(game, "hexi").reports
    assert [r.finished for r in before] == [True, False]
    while game.phase != "plan":
        game.advance()
    POLICIES["thoughtful"].act(Hand(game, "hexi"))
    moved = seat_history(game, "hexi").reports
    assert moved[0] is before[0] and moved[1] is not before[1]
    assert len(moved[1].effects.moves) > len(before[1].effects.moves)


def test_other_seats_private_moves_leave_the_history_as_it_was() -> None:
    game = Game(TUTORIAL, 1, humans=["hexi", "shanqian"])
    while game.phase != "plan":
        game.advance()
    before, length = seat_history(game, "hexi"), len(game.log)
    POLICIES["thoughtful"].act(Hand(game, "shanqian"))
    assert len(game.log) > length
    assert not any(e.visible_to("hexi") for e in game.log.since(length))
    assert seat_history(game, "hexi") is before
    POLICIES["thoughtful"].act(Hand(game, "hexi"))
    assert seat_history(game, "hexi") is not before


def test_the_history_goes_through_json_unchanged(played: Played) -> None:
    view = seat_view(played.game, played.seat)
    back = SeatView.model_validate_json(view.model_dump_json())
    assert back.history is not None and view.history is not None
    assert back.history.model_dump_json() == view.history.model_dump_json()
    assert back.history.series == view.history.series


def test_a_view_may_leave_the_history_out() -> None:
    game = Game(TUTORIAL, 1, humans=["hexi"])
    assert seat_view(game, "hexi", with_history=False).history is None
    history = seat_view(game, "hexi").history
    assert history is not None
    assert [(r.turn, r.finished) for r in history.reports] == [(1, False)]
