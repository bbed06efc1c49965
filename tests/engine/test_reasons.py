"""Every answer has a reason drawn from the superior's state, and giving it changes nothing."""

from __future__ import annotations

from typing import get_args

import pytest

from game.engine import reasons, talk_down
from game.engine.game import Game
from game.engine.moves import AnswerReason, ExplainShortfall, ReportProgress, RequestPolicy
from game.scenario.models import Scenario
from tests.engine.helpers import SCENARIOS, accepted, advance_to, load

SHIPPED = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
STYLES = [("communicative", "honest"), ("mixed", "mixed"), ("pressure", "gaming"),
          ("communicative", "gaming"), ("pressure", "honest")]
#: Reply-like events a move causes, and the ones that must say why.
EXPLAINED = ("request_answered", "false_cause_detected", "request_unfounded",
             "falsification_detected")


def _said(reason: object) -> bool:
    return isinstance(reason, dict) and bool(reason.get("zh")) and bool(reason.get("en")) \
        and isinstance(reason.get("code"), str)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_reply_in_seeded_games_says_why_in_both_languages(name: str) -> None:
    scenario = load(name)
    seen: set[str] = set()
    for seed, (superior, subordinate) in enumerate(STYLES):
        game = Game(scenario, seed=seed, superior_style=superior, subordinate_style=subordinate)
        game.run_to_end()
        for event in game.log:
            discretion = event.kind == "accountability" and event.data["source"] == "discretion"
            if event.kind in EXPLAINED or discretion:
                assert _said(event.data.get("reason")), event
                seen.add(event.kind)
    assert "request_answered" in seen


def test_the_closed_list_of_a_move_matches_the_engine_sentences() -> None:
    assert set(get_args(AnswerReason)) == set(reasons.TEXT) - {"no_time", "unanswered"}
    assert set(get_args(AnswerReason)) > reasons.ACCEPT


def test_computer_officials_name_only_reasons_their_state_bears_out(
        double_rice: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were a computer's reason ever refused, its answer would be lost and the game would
    change: with the check switched off the logs must be the same, byte for byte."""
    logs = []
    for check in (talk_down.misfit, lambda *_: None):
        monkeypatch.setattr(talk_down, "misfit", check)
        game = Game(double_rice, seed=5, superior_style="mixed", subordinate_style="gaming")
        game.run_to_end()
        logs.append(game.log.to_json())
    assert logs[0] == logs[1]


def _township_asks(scenario: Scenario, seed: int = 3) -> tuple[Game, int]:
    """County_agri played by a person; hexi is told to explain with a true cause."""
    game = Game(scenario, seed=seed, humans=["county_agri"])
    advance_to(game, 1, "respond")
    pending = game.pending_for("county_agri")
    assert pending
    return game, pending[0].id


def test_a_persons_answer_gets_the_reason_its_estimate_supports(double_rice: Scenario) -> None:
    game, request = _township_asks(double_rice)
    asked = game.requests[request]
    relation = game.relations[("county_agri", asked.sender)]
    target = game.assignments[(asked.sender, asked.task)].target
    relation.estimates[asked.task] = 0.5 * target  # we believe the target is beyond it
    asked.detected = False
    result = accepted(game.submit("county_agri", {"kind": "answer", "request": request,
                                                  "accept": False}))
    reason = result.events[-1].data["reason"]
    assert reason["code"] == "target_stands"
    assert reason["estimate"] == pytest.approx(0.5 * target, abs=1e-3)
    assert "although" in reason["en"].lower() and "虽" in reason["zh"]


def test_a_person_may_name_a_reason_that_fits(double_rice: Scenario) -> None:
    game, request = _township_asks(double_rice)
    asked = game.requests[request]
    asked.detected = False
    game.relations[("county_agri", asked.sender)].estimates.pop(asked.task, None)
    result = accepted(game.submit("county_agri", {
        "kind": "answer", "request": request, "accept": False, "reason": "no_estimate"}))
    assert result.events[-1].data["reason"]["code"] == "no_estimate"


@pytest.mark.parametrize("named", ["caught_false", "beyond_capacity", "too_many"])
def test_a_reason_the_state_does_not_bear_out_is_refused_and_changes_nothing(
        double_rice: Scenario, named: str) -> None:
    game, request = _township_asks(double_rice)
    asked = game.requests[request]
    asked.detected = False
    game.relations[("county_agri", asked.sender)].estimates.pop(asked.task, None)
    before = game.snapshot()
    result = game.submit("county_agri", {"kind": "answer", "request": request,
                                         "accept": named == "beyond_capacity",
                                         "reason": named})
    assert not result.ok and result.refusal is not None
    assert result.refusal.code == "reason"
    assert game.snapshot() == before


def test_an_unknown_reason_is_a_malformed_move(double_rice: Scenario) -> None:
    game, request = _township_asks(double_rice)
    result = game.submit("county_agri", {"kind": "answer", "request": request, "accept": True,
                                         "reason": "because"})
    assert not result.ok and result.refusal is not None and result.refusal.code == "invalid"


def test_a_request_a_person_lets_lapse_says_so(double_rice: Scenario) -> None:
    game, request = _township_asks(double_rice)
    game.advance()
    expired = [e for e in game.log if e.kind == "request_answered"
               and e.data["request"] == request]
    assert len(expired) == 1 and expired[0].data["expired"]
    assert expired[0].data["reason"]["code"] in ("unanswered", "lacks_funds", "no_time")


def test_a_policy_the_superior_cannot_pay_for_lapses_for_lack_of_funds() -> None:
    scenario = load("tutorial")
    game = Game(scenario, seed=1, humans=["hexi", "county_agri"])
    advance_to(game, 1, "report")
    task = game.hierarchy.tasks_of("hexi")[0]
    accepted(game.submit("hexi", RequestPolicy(task=task)))
    game.advance()
    game.units["county_agri"].funds = 0.0
    game.advance()
    answer = next(e for e in game.log if e.kind == "request_answered" and e.target == "hexi")
    assert answer.data["reason"]["code"] == "lacks_funds"
    assert answer.data["reason"]["funds"] == 0.0


def test_a_caught_false_cause_is_answered_with_what_was_found() -> None:
    scenario = load("tutorial")
    for seed in range(30):
        game = Game(scenario, seed=seed, humans=["hexi"])
        advance_to(game, 1, "report")
        task = game.hierarchy.tasks_of("hexi")[0]
        accepted(game.submit("hexi", ExplainShortfall(task=task, causes=["petition_surge"])))
        if game.requests[len(game.requests) - 1].detected:
            break
    else:
        pytest.fail("no false cause caught in 30 seeds")
    game.advance()
    events = [e for e in game.log if e.target == "hexi" and e.kind in EXPLAINED]
    found = next(e for e in events if e.kind == "false_cause_detected")
    answer = next(e for e in events if e.kind == "request_answered")
    assert answer.data["reason"]["code"] == "caught_false"
    assert "petition" in found.data["reason"]["en"] and "信访" in found.data["reason"]["zh"]


def test_an_inflated_figure_found_says_how_big_the_lie_was() -> None:
    scenario = load("tutorial")
    for seed in range(30):
        game = Game(scenario, seed=seed, humans=["hexi"])
        advance_to(game, 1, "report")
        task = game.hierarchy.tasks_of("hexi")[0]
        accepted(game.submit("hexi", ReportProgress(task=task, overstate=400.0)))
        game.advance()
        game.advance()
        found = [e for e in game.log if e.kind == "falsification_detected"
                 and e.target == "hexi"]
        if found:
            break
    else:
        pytest.fail("no inflated figure caught in 30 seeds")
    reason = found[0].data["reason"]
    assert reason["code"] == "figure_inflated" and reason["amount"] == 400.0
    assert "400" in reason["zh"] and "400" in reason["en"]
