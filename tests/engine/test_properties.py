"""Property tests: whatever is thrown at a game comes back applied or refused without a trace."""

from __future__ import annotations

from typing import Any, get_args

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.engine.game import Game, MoveResult
from game.engine.moves import CAUSES, PHASE_OF, AnswerReason, Move
from tests.engine.helpers import load

SCENARIOS = {name: load(name) for name in ("double_rice", "rich")}
MOVE_MODELS = {model.model_fields["kind"].default: model for model in get_args(get_args(Move)[0])}

plausible = st.sampled_from([0, 0.5, 1, 2, 5, 40, 100, 4000, 1e9])
odd = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10, 10**7)


def mostly(common: st.SearchStrategy[Any], rare: st.SearchStrategy[Any], odds: int = 6
           ) -> st.SearchStrategy[Any]:
    """`common` about `odds` times as often as `rare`."""
    return st.integers(0, odds).flatmap(lambda pick: rare if pick == odds else common)


numbers = mostly(plausible, odd)
junk = st.recursive(
    st.none() | st.booleans() | numbers | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6,
)


def field_values(scenario: str) -> dict[str, st.SearchStrategy[Any]]:
    """A strategy for each field a move can have, mostly plausible, sometimes not."""
    units = [u.id for u in SCENARIOS[scenario].units]
    tasks = [t.id for t in SCENARIOS[scenario].tasks]
    unit = st.sampled_from([*units, "ghost"])
    task = st.sampled_from([*tasks, *tasks, "ghost"])
    return {
        "task": task,
        "subordinate": unit,
        "overstate": numbers,
        "causes": st.lists(st.sampled_from([*CAUSES, "bad_luck"]), max_size=5),
        "proposed_target": st.none() | numbers,
        "party_committee": st.booleans(),
        "target": st.none() | numbers,
        "grace_turns": st.integers(min_value=-1, max_value=8),
        "request": st.integers(min_value=-1, max_value=80),
        "accept": st.booleans(),
        "shares": st.dictionaries(unit, numbers, max_size=8),
        "weights": st.dictionaries(task | st.just("local_needs"), numbers, min_size=1, max_size=4),
        "funds": numbers,
        "cadence": st.sampled_from(["daily", "weekly", "monthly", "hourly"]),
        "incentive": st.sampled_from(["economic", "political", "spiritual",
                                      "supporting_policy", "experiment", "bribe"]),
        "amount": numbers,
        "sanction": st.sampled_from(["notice", "talk", "veto", "exile"]),
        "days": numbers,
        "reason": st.none() | st.sampled_from([*get_args(AnswerReason), "whim"]),
        "overtime": st.booleans(),
    }


def shaped_move(scenario: str, kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """A dict with the fields of the move `kind` (required ones always, others maybe)."""
    values = field_values(scenario)
    fields = MOVE_MODELS[kind].model_fields
    required = {n: values[n] for n, f in fields.items() if n != "kind" and f.is_required()}
    optional = {n: values[n] for n, f in fields.items() if n != "kind" and not f.is_required()}
    return st.fixed_dictionaries({"kind": st.just(kind), **required}, optional=optional)


def moves(scenario: str, phase: str) -> st.SearchStrategy[Any]:
    """Moves of the phase the game is in (mostly), of any phase, and junk."""
    now = sorted(kind for kind, wanted in PHASE_OF.items() if wanted == phase) or ["answer"]
    timely = st.sampled_from(now).flatmap(lambda k: shaped_move(scenario, k))
    shaped = st.sampled_from(sorted(MOVE_MODELS)).flatmap(lambda k: shaped_move(scenario, k))
    return mostly(timely, shaped | junk, odds=3)


@st.composite
def situations(draw: st.DrawFn) -> tuple[Game, list[tuple[Any, Any]]]:
    """A game advanced a random number of phases, and moves to throw at it."""
    name = draw(st.sampled_from(sorted(SCENARIOS)))
    scenario = SCENARIOS[name]
    humans = draw(st.lists(st.sampled_from(scenario.seats), min_size=1, unique=True))
    game = Game(scenario, seed=draw(st.integers(0, 2**32)), humans=humans)
    for _ in range(draw(st.integers(0, 3 * scenario.turns + 1))):
        if game.over:
            break
        game.advance()
    units = [u.id for u in scenario.units]
    seat = mostly(st.sampled_from(humans), st.sampled_from(units) | junk)
    thrown = draw(st.lists(st.tuples(seat, moves(name, game.phase)), min_size=1, max_size=12))
    return game, thrown


def check_result(game: Game, result: MoveResult, before: dict[str, Any]) -> None:
    assert isinstance(result, MoveResult)
    event("accepted" if result.ok else f"refused: {result.refusal and result.refusal.code}")
    if result.ok:
        assert result.refusal is None
        return
    assert result.refusal is not None
    assert result.refusal.zh and result.refusal.en and result.refusal.code
    assert result.events == []
    assert game.snapshot() == before


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situations())
def test_any_move_is_applied_or_refused_without_a_trace(
    situation: tuple[Game, list[tuple[Any, Any]]],
) -> None:
    game, thrown = situation
    for seat, move in thrown:
        before = game.snapshot()
        check_result(game, game.submit(seat, move), before)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situations())
def test_a_game_plays_on_to_its_end_after_any_accepted_moves(
    situation: tuple[Game, list[tuple[Any, Any]]],
) -> None:
    game, thrown = situation
    for seat, move in thrown:
        game.submit(seat, move)
    game.run_to_end()
    assert game.over
    assert "NaN" not in game.log.to_json() and "Infinity" not in game.log.to_json()
