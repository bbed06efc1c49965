"""Explanations: false causes are caught by a superior who knows, inspections hear none,
and a superior's answer moves the target."""

from __future__ import annotations

import pytest

from game.engine.causes import true_causes
from game.engine.game import Game, MoveResult
from game.engine.moves import CAUSES, Answer, ExplainShortfall, ProposeTarget
from game.scenario.models import Scenario
from tests.engine.helpers import accepted, advance_to, changed, kinds, relation_data

GAMES = 150


def with_symmetry(scenario: Scenario, symmetry: float) -> Scenario:
    """double_rice with the county bureau's information about Beiyuan set to `symmetry`."""
    return changed(
        scenario,
        lambda data: relation_data(data, "county_agri", "beiyuan").update(
            information_symmetry=symmetry
        ),
    )


def explain(game: Game, truthful: bool) -> MoveResult | None:
    """Beiyuan explains citing only causes the world confirms, or one it refutes."""
    truth = true_causes(game, "beiyuan", "double_rice")
    causes = sorted(truth) if truthful else [c for c in CAUSES if c not in truth][:1]
    if not causes:
        return None
    return accepted(game.submit("beiyuan", ExplainShortfall(task="double_rice", causes=causes)))


def caught_share(scenario: Scenario, truthful: bool) -> float:
    """Share of games in which Beiyuan's turn-1 explanation is caught citing a false cause."""
    caught = explained = 0
    for seed in range(GAMES):
        game = Game(scenario, seed=seed, humans=["beiyuan"])
        game.advance()
        result = explain(game, truthful)
        if result is not None:
            explained += 1
            caught += "false_cause_detected" in kinds(result)
    assert explained > GAMES // 2, "too few games had a cause to cite"
    return caught / explained


def test_false_causes_are_caught_more_often_where_information_is_symmetric(
    double_rice: Scenario,
) -> None:
    low = caught_share(with_symmetry(double_rice, 0.1), truthful=False)
    high = caught_share(with_symmetry(double_rice, 0.9), truthful=False)
    # Expected about 0.2 against 0.75; 150 games each put the standard error near 0.05.
    assert high - low > 0.3, (low, high)


def test_true_causes_are_never_caught(double_rice: Scenario) -> None:
    assert caught_share(with_symmetry(double_rice, 1.0), truthful=True) == 0.0


def test_a_caught_explanation_costs_trust(double_rice: Scenario) -> None:
    scenario = with_symmetry(double_rice, 1.0)
    for seed in range(40):
        game = Game(scenario, seed=seed, humans=["beiyuan"])
        game.advance()
        trust = game.relations[("county_agri", "beiyuan")].trust
        result = explain(game, truthful=False)
        if result is not None and "false_cause_detected" in kinds(result):
            assert game.relations[("county_agri", "beiyuan")].trust < trust
            return
    pytest.fail("no false cause was caught in 40 games at full information symmetry")


# ----- a cross-level inspection --------------------------------------------------------------


@pytest.fixture
def inspected(rich: Scenario) -> Game:
    """rich at turn 2's report phase, when the city inspects Hexi on the reclaim task."""
    game = Game(rich, seed=4, humans=["hexi", "ktown"])
    advance_to(game, 2, "report")
    return game


def test_inspection_refuses_the_inspected_units_explanation(inspected: Game) -> None:
    before = inspected.snapshot()
    result = inspected.submit("hexi", ExplainShortfall(task="reclaim", causes=["capacity_limit"]))
    assert not result.ok and result.refusal is not None
    assert result.refusal.code == "inspection"
    assert "督查" in result.refusal.zh and "inspection" in result.refusal.en
    assert inspected.snapshot() == before


def test_inspection_leaves_other_units_free_to_explain(inspected: Game) -> None:
    accepted(inspected.submit("ktown", ExplainShortfall(task="reclaim", causes=["overload"])))


@pytest.mark.parametrize("turn", [1, 3])
def test_explanations_are_heard_outside_the_inspections_turn(rich: Scenario, turn: int) -> None:
    game = Game(rich, seed=4, humans=["hexi"])
    advance_to(game, turn, "report")
    accepted(game.submit("hexi", ExplainShortfall(task="reclaim", causes=["capacity_limit"])))


def test_the_inspector_checks_the_township_directly(rich: Scenario) -> None:
    game = Game(rich, seed=4)
    advance_to(game, 3, "plan")
    inspections = [e for e in game.log if e.kind == "inspection"]
    assert [(e.turn, e.actor, e.target) for e in inspections] == [(2, "city_agri", "hexi")]


# ----- answers move targets ------------------------------------------------------------------


@pytest.fixture
def explained(double_rice: Scenario) -> Game:
    """Turn 1's respond phase, Beiyuan having explained and proposed 4,000 mu."""
    game = Game(double_rice, seed=6, humans=["county_agri", "beiyuan"])
    game.advance()
    accepted(game.submit("beiyuan", ExplainShortfall(task="double_rice",
                                                     causes=["capacity_limit"],
                                                     proposed_target=4000.0)))
    game.advance()
    return game


def request_id(game: Game, kind: str = "explanation") -> int:
    """The id of Beiyuan's pending request of `kind` to the county bureau."""
    pending = [r for r in game.pending_for("county_agri") if r.sender == "beiyuan"]
    assert [r.kind for r in pending] == [kind]
    return pending[0].id


def target(game: Game) -> float:
    return game.assignments[("beiyuan", "double_rice")].target


def test_accepting_with_a_target_sets_it(explained: Game) -> None:
    accepted(explained.submit("county_agri", Answer(request=request_id(explained), accept=True,
                                                    target=4200.0)))
    assert target(explained) == pytest.approx(4200.0)


def test_accepting_without_a_target_grants_the_proposed_one(explained: Game) -> None:
    accepted(explained.submit("county_agri", Answer(request=request_id(explained), accept=True)))
    assert target(explained) == pytest.approx(4000.0)


def test_rejecting_leaves_the_target(explained: Game) -> None:
    old = target(explained)
    accepted(explained.submit("county_agri", Answer(request=request_id(explained), accept=False)))
    assert target(explained) == old


def test_an_answer_never_raises_the_target(explained: Game) -> None:
    old = target(explained)
    accepted(explained.submit("county_agri", Answer(request=request_id(explained), accept=True,
                                                    target=old * 2)))
    assert target(explained) == old


def test_an_accepted_answer_is_recorded_with_old_and_new_target(explained: Game) -> None:
    old = target(explained)
    result = accepted(explained.submit("county_agri", Answer(request=request_id(explained),
                                                             accept=True, target=4100.0)))
    answer = next(e for e in result.events if e.kind == "request_answered")
    assert answer.data["old_target"] == pytest.approx(old, abs=1e-3)
    assert answer.data["new_target"] == pytest.approx(4100.0)


def test_a_request_is_answered_once(explained: Game) -> None:
    request = request_id(explained)
    accepted(explained.submit("county_agri", Answer(request=request, accept=False)))
    result = explained.submit("county_agri", Answer(request=request, accept=True))
    assert not result.ok and result.refusal is not None and result.refusal.code == "answered"


def test_an_unanswered_request_expires_at_assessment(explained: Game) -> None:
    request = request_id(explained)
    old = target(explained)
    advance_to(explained, 2, "plan")
    assert explained.requests[request].answered is False
    assert target(explained) == old


def test_accepted_grace_turns_extend_the_pace_tolerance(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=6, humans=["county_agri", "beiyuan"])
    game.advance()
    accepted(game.submit("beiyuan", ProposeTarget(task="double_rice", grace_turns=3)))
    game.advance()
    accepted(game.submit("county_agri", Answer(request=request_id(game, "proposal"),
                                               accept=True)))
    assert game.assignments[("beiyuan", "double_rice")].grace_until == 4


def test_a_proposed_target_of_zero_is_granted_as_asked(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=6, humans=["county_agri", "beiyuan"])
    game.advance()
    accepted(game.submit("beiyuan", ProposeTarget(task="double_rice", target=0.0)))
    game.advance()
    accepted(game.submit("county_agri", Answer(request=request_id(game, "proposal"),
                                               accept=True)))
    assert target(game) == pytest.approx(game.assignments[("beiyuan", "double_rice")].delivered)
