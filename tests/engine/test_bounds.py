"""Every number that enters the engine is finite and bounded (issue 8, item 5).

Huge, tiny, negative and non-finite numbers thrown at every numeric field of every move: each is
refused with a reason or accepted, and the finished game's report holds no NaN or infinity.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.scoring.report import score_game

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = load_scenario(ROOT / "scenarios" / "tutorial.yaml")
SUBS = ("hexi", "shanqian", "liutang")

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, -1.0, 1e-308, 5e-324, 1e308, -1e308, 1e9, 1e9 + 1, 2.0**63,
                     float("inf"), float("nan")]),
    st.integers(min_value=-(10**30), max_value=10**30),
)

#: (seat, phase, a move built from one number).
MOVES: dict[str, tuple[str, str, Any]] = {
    "overstate": ("hexi", "report",
                  lambda x: {"kind": "report_progress", "task": "reclaim", "overstate": x}),
    "proposed_target": ("hexi", "report", lambda x: {
        "kind": "explain_shortfall", "task": "reclaim", "causes": ["capacity_limit"],
        "proposed_target": x}),
    "propose_target": ("hexi", "report",
                       lambda x: {"kind": "propose_target", "task": "reclaim", "target": x}),
    "weights": ("hexi", "plan",
                lambda x: {"kind": "allocate_time", "weights": {"reclaim": x, "local_needs": 1}}),
    "lever": ("hexi", "plan", lambda x: {"kind": "lever_social", "task": "reclaim", "funds": x}),
    "local": ("hexi", "plan", lambda x: {"kind": "respond_local_needs", "days": x}),
    "split": ("county_agri", "plan", lambda x: {
        "kind": "split_quota", "task": "reclaim", "shares": dict.fromkeys(SUBS, x)}),
    "adjust": ("county_agri", "respond", lambda x: {
        "kind": "adjust_target", "subordinate": "hexi", "task": "reclaim", "target": x}),
    "incentive": ("county_agri", "respond", lambda x: {
        "kind": "incentive", "subordinate": "hexi", "task": "reclaim",
        "incentive": "economic", "amount": x}),
}


def _at(seat: str, phase: str) -> Game:
    game = Game(TUTORIAL, seed=5, humans=[seat])
    while game.phase != phase:
        game.advance()
    return game


def _finite_everywhere(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite_everywhere(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_finite_everywhere(v) for v in value)
    return True


def _check(name: str, number: Any) -> None:
    seat, phase, build = MOVES[name]
    game = _at(seat, phase)
    before = game.snapshot()
    result = game.submit(seat, build(number))
    if not result.ok:
        assert result.refusal is not None and result.refusal.zh and result.refusal.en
        assert game.snapshot() == before
    game.run_to_end()
    report = score_game(game)
    json.dumps(report, allow_nan=False)
    assert _finite_everywhere(report)
    for event in game.log:
        assert _finite_everywhere(event.data) and _finite_everywhere(event.hidden)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(MOVES)), number=NUMBERS)
def test_any_number_in_any_move_is_refused_or_harmless(name: str, number: Any) -> None:
    _check(name, number)


def test_each_move_refuses_the_edges() -> None:
    for name in MOVES:
        for number in (float("nan"), float("inf"), -1.0, 1e308):
            _check(name, number)


def test_a_zero_split_is_refused_as_cancelling_the_task() -> None:
    game = _at("county_agri", "plan")
    result = game.submit("county_agri", {"kind": "split_quota", "task": "reclaim",
                                         "shares": dict.fromkeys(SUBS, 0.0)})
    assert not result.ok and result.refusal is not None and result.refusal.code == "zero"


def test_an_absurd_overstatement_is_refused() -> None:
    game = _at("hexi", "report")
    result = game.submit("hexi", {"kind": "report_progress", "task": "reclaim",
                                  "overstate": 1e8})
    assert not result.ok and result.refusal is not None and result.refusal.code == "absurd"


def test_extra_hands_add_time_without_negative_accounting() -> None:
    data = TUTORIAL.model_dump()
    data["events"][0]["effects"] = {"cadre_time_factor": 2.0}
    data["events"][0]["kind"] = "leader_attention"
    scenario = Scenario.model_validate(data)
    game = Game(scenario, seed=1)
    game.run_to_end()
    for event in game.log:
        if event.kind == "unit_turn":
            assert event.data["overload"] >= 0 and event.data["formalism"] >= 0
            assert all(v >= 0 for v in event.data["spent"].values())
