"""The paper's claims as seeded experiments over many games (50 seeds each).

Each test names the passage it checks. The style of a computer official changes only what it
does; the outcomes below come from the world's mechanics, so these tests would fail if the
mechanics stopped producing them.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.engine.game import Game
from game.engine.moves import Answer
from tests.theory.experiment import (
    SEEDS,
    average,
    carrier_turns,
    count,
    games,
    indicator,
    variant,
)

pytestmark = pytest.mark.slow


# ----- 一, 三: communicative versus pressure-type superiors, honest subordinates ------------------


@pytest.fixture(scope="module", params=["tutorial", "double_rice"])
def honest_pair(request: pytest.FixtureRequest) -> dict[str, list[Game]]:
    scenario = variant(request.param, lambda data: None)
    return {style: games(scenario, style, "honest") for style in ("communicative", "pressure")}


def test_communicative_delivers_at_least_as_much_of_the_original_target(honest_pair):
    """一 and 三: negotiation does not cost the real goal (margin: one percentage point)."""
    comm = average(indicator(g, "delivered_vs_original") for g in honest_pair["communicative"])
    press = average(indicator(g, "delivered_vs_original") for g in honest_pair["pressure"])
    assert comm >= press - 1.0


def test_communicative_overloads_cadres_less(honest_pair):
    """三 (second effect): 减少干部的超负荷程度."""
    comm = average(t["overload"] for g in honest_pair["communicative"] for t in carrier_turns(g))
    press = average(t["overload"] for g in honest_pair["pressure"] for t in carrier_turns(g))
    assert comm < press - 0.05


def test_communicative_breeds_less_formalism(honest_pair):
    """二.3: 层层加码的后果是形式主义增加 — unless there is room to negotiate."""
    comm = average(t["formalism"] for g in honest_pair["communicative"] for t in carrier_turns(g))
    press = average(t["formalism"] for g in honest_pair["pressure"] for t in carrier_turns(g))
    assert comm < press * 0.8


def test_communicative_holds_fewer_accountability_events(honest_pair):
    """一.2 and 三 (second effect): not accountability first."""
    comm = average(count(g, "accountability") for g in honest_pair["communicative"])
    press = average(count(g, "accountability") for g in honest_pair["pressure"])
    assert comm < press * 0.6


# ----- 一 (Figure 1): the markup covers what is bargained away ---------------------------------


def _with_capacity(factor: float):
    def change(data: dict[str, Any]) -> None:
        for unit in data["units"]:
            unit["capacity"] = {k: v * factor for k, v in unit.get("capacity", {}).items()}
    return change


def _figure_one_cases() -> list[tuple[bool, bool]]:
    cases = []
    for factor in (0.85, 0.9, 1.0, 1.05, 1.1):
        scenario = variant("tutorial", _with_capacity(factor))
        for game in games(scenario, "communicative", "honest", range(20)):
            owner = game.assignments[("county_agri", "reclaim")]
            carriers = [game.assignments[(c, "reclaim")] for c in ("hexi", "shanqian", "liutang")]
            covered = sum(a.target for a in carriers) >= owner.target
            met = sum(a.delivered for a in carriers) >= 0.99 * owner.target
            cases.append((covered, met))
    return cases


def test_when_the_markup_covers_the_bargaining_the_level_still_meets_its_target():
    """Figure 1: 只要保证加码的部分能够弥补下级讨价还价的部分，则依然能够达成上级政策目标."""
    cases = _figure_one_cases()
    covered = [met for cov, met in cases if cov]
    uncovered = [met for cov, met in cases if not cov]
    assert len(covered) >= 20 and len(uncovered) >= 20
    assert average(covered) >= 0.8
    assert average(uncovered) <= 0.3


# ----- 二.1: information symmetry catches false explanations, which cost trust -------------------


def _symmetry(level: float):
    def change(data: dict[str, Any]) -> None:
        data["relation_defaults"]["information_symmetry"] = level
        data["relations"] = []
    return change


def _detection_rate(level: float) -> float:
    scenario = variant("double_rice", _symmetry(level))
    caught = false = 0
    for game in games(scenario, "mixed", "gaming"):
        false += sum(1 for e in game.log if e.kind == "explain_shortfall"
                     and not e.hidden["truthful"])
        caught += count(game, "false_cause_detected")
    assert false > 50, "the experiment needs false explanations to catch"
    return caught / false


def test_false_explanations_are_caught_more_often_where_information_is_symmetric():
    """二.1: 信息对称压缩了上下级之间的博弈空间."""
    assert _detection_rate(0.85) > _detection_rate(0.15) + 0.3


def test_a_caught_lie_costs_trust():
    """二.1: a detected false cause lowers the superior's trust in the liar."""
    scenario = variant("double_rice", _symmetry(0.6))
    caught, clean = [], []
    for game in games(scenario, "mixed", "gaming", range(30)):
        liars = {e.target for e in game.log if e.kind == "false_cause_detected"}
        for (_, sub), relation in game.relations.items():
            if game.hierarchy.kind(sub) in ("township", "subdistrict"):
                (caught if sub in liars else clean).append(relation.trust)
    assert caught and clean
    assert average(caught) < average(clean) - 0.1


# ----- 二.1: a cross-level inspection leaves no room to explain ----------------------------


def _inspection(data: dict[str, Any]) -> None:
    data["units"].insert(0, {"id": "province", "kind": "province",
                             "name": {"zh": "省", "en": "Province"}})
    data["units"][1]["parent"] = "province"
    data["events"].append({
        "id": "inspection", "kind": "cross_level_inspection", "turn": 5,
        "name": {"zh": "省督查组", "en": "Provincial inspection"}, "task": "double_rice",
        "effects": {"inspector": "province"},
    })


def _no_inspection(data: dict[str, Any]) -> None:
    data["units"].insert(0, {"id": "province", "kind": "province",
                             "name": {"zh": "省", "en": "Province"}})
    data["units"][1]["parent"] = "province"


def test_a_cross_level_inspection_brings_more_accountability_for_the_same_shortfall():
    """二.1: 比如跨级督查，省市就不会给予乡镇以解释和反馈的机会."""
    inspected = games(variant("double_rice", _inspection), "communicative", "honest")
    baseline = games(variant("double_rice", _no_inspection), "communicative", "honest")
    turn5 = [count(g, "accountability") - _before(g, 5) for g in inspected]
    turn5_base = [count(g, "accountability") - _before(g, 5) for g in baseline]
    shortfall = average(indicator(g, "delivered_vs_original") for g in inspected)
    shortfall_base = average(indicator(g, "delivered_vs_original") for g in baseline)
    assert abs(shortfall - shortfall_base) < 3.0
    assert average(turn5) > average(turn5_base) + 1.0


def _before(game: Game, turn: int) -> int:
    return sum(1 for e in game.log if e.kind == "accountability" and e.turn < turn)


def test_no_explanation_is_heard_while_an_inspection_is_on():
    """二.1: the township gets no chance to explain to the inspectors."""
    for game in games(variant("double_rice", _inspection), "communicative", "honest", range(10)):
        carriers = set(game.task_by_id["double_rice"].carriers)
        assert not any(e.kind == "explain_shortfall" and e.turn == 5 and e.actor in carriers
                       for e in game.log)
        assert any(e.kind == "explain_shortfall" and e.actor in carriers for e in game.log)


# ----- 二.2: joint responsibility without internalized responsibility drifts into collusion ------


def _responsibility(level: float):
    def change(data: dict[str, Any]) -> None:
        for unit in data["units"]:
            unit["main_responsibility"] = level
    return change


def test_joint_responsibility_without_main_responsibility_drifts_into_collusion():
    """二.2: 如果仅考虑层级间的责任连带……就会因为内部利益一致产生基层共谋."""
    low = games(variant("double_rice", _responsibility(0.1)), "mixed", "gaming")
    high = games(variant("double_rice", _responsibility(0.9)), "mixed", "gaming")
    assert average(indicator(g, "collusion") for g in low) > average(
        indicator(g, "collusion") for g in high) + 10


# ----- 三 (first effect): many central tasks at once, without rhythm ------------------------------


def _four_tasks(staggered: bool):
    def change(data: dict[str, Any]) -> None:
        data["turns"] = 12
        data["events"] = []
        base = data["tasks"][0]
        tasks = []
        for index in range(4):
            task = dict(base, id=f"task{index}")
            task["original_target"] = base["original_target"] / 2
            task["start_turn"] = 1 + 3 * index if staggered else 1
            task["deadline"] = task["start_turn"] + 2
            tasks.append(task)
        data["tasks"] = tasks
        for unit in data["units"]:
            if "reclaim" in unit.get("capacity", {}):
                share = unit.pop("capacity")["reclaim"] / 2
                unit["capacity"] = {f"task{i}": share for i in range(4)}
    return change


def _busy_turn_means(game: Game, key: str) -> float:
    busy = [t[key] for t in carrier_turns(game) if t["spent"].get("work", 0) > 0]
    return average(busy)


def test_concurrent_central_tasks_without_rhythm_raise_overload_and_formalism():
    """三 (first effect): 多中心工作……导致整个基层治理体系动员过度."""
    crammed = games(variant("tutorial", _four_tasks(False)), "mixed", "honest", range(30))
    paced = games(variant("tutorial", _four_tasks(True)), "mixed", "honest", range(30))
    assert average(_busy_turn_means(g, "overload") for g in crammed) > average(
        _busy_turn_means(g, "overload") for g in paced) + 0.15
    assert average(_busy_turn_means(g, "formalism") for g in crammed) > average(
        _busy_turn_means(g, "formalism") for g in paced)


# ----- 三 (third effect): K town's data-first start -------------------------------------------


def _k_town(data: dict[str, Any]) -> None:
    data["tasks"][0]["slow_start"] = {"hexi": 2}
    data["events"] = []


def _k_town_game(seed: int, accept: bool) -> Game:
    game = Game(variant("tutorial", _k_town), seed=seed, humans=["county_agri"],
                superior_style="mixed", subordinate_style="honest")
    while not game.over:
        if game.phase == "respond":
            for request in game.pending_for("county_agri"):
                game.submit("county_agri", Answer(request=request.id, accept=accept))
        game.advance()
    return game


def test_k_town_ends_at_least_as_complete_when_its_slow_start_is_accepted():
    """三 (third effect): K镇……向职能部门说明情况，并获得部门的理解和认可."""
    accepted = [_k_town_game(seed, True) for seed in SEEDS]
    rejected = [_k_town_game(seed, False) for seed in SEEDS]

    def completion(game: Game) -> float:
        assignment = game.assignments[("hexi", "reclaim")]
        return assignment.delivered / assignment.capacity0

    def sanctions(game: Game) -> int:
        return sum(1 for e in game.log if e.kind == "accountability" and e.target == "hexi")

    assert any(e.kind == "propose_target" and e.actor == "hexi" for e in accepted[0].log)
    assert average(completion(g) for g in accepted) >= average(
        completion(g) for g in rejected) - 0.01
    assert average(sanctions(g) for g in accepted) < average(sanctions(g) for g in rejected)
