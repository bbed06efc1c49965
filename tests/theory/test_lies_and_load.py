"""The paper's claims on lies and load, as seeded experiments (issue 8).

- 二.1: information symmetry shrinks what a false cause wins (the superior knows "whether you
  did it and how much"), and a bigger lie is caught more often.
- 三 (first effect): the same work crammed into more concurrent central tasks costs more time
  on paper (over-mobilization); the `central` flag changes what a task costs.
"""

from __future__ import annotations

import copy
from typing import Any

from game.engine.game import Game
from game.engine.moves import ExplainShortfall, ReportProgress
from game.scenario.loader import load_scenario
from game.scoring.report import score_game
from game.tournament import play_policy
from tests.theory.experiment import ROOT, average, carrier_turns, variant

SEEDS = range(30)


def _symmetry(level: float):
    def change(data: dict[str, Any]) -> None:
        data["relation_defaults"]["information_symmetry"] = level
        data["relation_defaults"]["familiarity"] = level
        data["relations"] = []
    return change


def _false_cause_win(level: float) -> float:
    """Share of its quota a township that cites false causes and lowballs gets taken off."""
    scenario = variant("tutorial", _symmetry(level))
    won = []
    for seed in SEEDS:
        game = Game(scenario, seed=seed, humans=["hexi"], superior_style="communicative",
                    subordinate_style="honest")
        while not game.over:
            if game.phase == "report":
                low = round(0.6 * game.assignments[("hexi", "reclaim")].capacity, 3)
                game.submit("hexi", ExplainShortfall(task="reclaim", causes=["weather",
                                                     "petition_surge"], proposed_target=low))
            game.advance()
        assignment = game.assignments[("hexi", "reclaim")]
        won.append((assignment.external - assignment.target) / assignment.external)
    return average(won)


def test_information_symmetry_shrinks_what_a_false_cause_wins():
    """二.1: 信息对称压缩了上下级之间的博弈空间."""
    blind, informed = _false_cause_win(0.1), _false_cause_win(0.9)
    assert blind > 0.05, "at low symmetry the lie must win something for the test to mean much"
    assert informed < 0.5 * blind


def _caught_share(share_of_due: float) -> float:
    """Share of overstated reports caught, overstating by `share_of_due` of the progress due."""
    scenario = variant("tutorial", _symmetry(0.5))
    caught = lies = 0
    for seed in SEEDS:
        game = Game(scenario, seed=seed, humans=["hexi"], superior_style="mixed",
                    subordinate_style="honest")
        while not game.over:
            if game.phase == "report":
                assignment = game.assignments[("hexi", "reclaim")]
                done, length = game.elapsed("reclaim")
                due = assignment.target * done / length
                game.submit("hexi", ReportProgress(task="reclaim",
                                                   overstate=round(share_of_due * due, 3)))
            game.advance()
        lies += sum(1 for e in game.log if e.kind == "report_progress" and e.actor == "hexi"
                    and e.hidden["overstate"] > 0)
        caught += sum(1 for e in game.log if e.kind == "falsification_detected"
                      and e.target == "hexi")
    assert lies > 100
    return caught / lies


def test_a_bigger_lie_is_caught_more_often():
    """二.1: the superior knows "做了多少": a figure far from the truth stands out."""
    small, large = _caught_share(0.01), _caught_share(0.6)
    assert large > small + 0.25


def _tasks(parts: int, central: bool):
    """The tutorial's one task of 3,000 mu, or the same work as `parts` concurrent tasks."""
    def change(data: dict[str, Any]) -> None:
        base = data["tasks"][0]
        base["central"] = central
        tasks = []
        for index in range(parts):
            task = copy.deepcopy(base)
            task["id"] = f"reclaim_{index}"
            task["original_target"] = base["original_target"] / parts
            tasks.append(task)
        data["tasks"] = tasks
        for unit in data["units"]:
            capacity = unit.get("capacity")
            if capacity:
                unit["capacity"] = {t["id"]: capacity["reclaim"] / parts for t in tasks}
        data["events"] = []
    return change


def _paper_share(parts: int, central: bool) -> float:
    formal = ("reports", "paper", "rework", "meetings")
    values = []
    for seed in range(12):
        game = Game(variant("tutorial", _tasks(parts, central)), seed=seed,
                    superior_style="mixed", subordinate_style="honest")
        game.run_to_end()
        for turn in carrier_turns(game):
            spent = turn["spent"]
            values.append(sum(spent.get(k, 0.0) for k in formal) / turn["cadre_time"])
    return average(values)


def test_the_same_work_in_more_concurrent_central_tasks_costs_more_time_on_paper():
    """三 (first effect): 多中心工作……导致整个基层治理体系动员过度."""
    one, three = _paper_share(1, True), _paper_share(3, True)
    assert three > one * 1.5


def test_a_central_task_costs_more_paper_than_an_ordinary_one():
    """The `central` flag changes what a task costs: the leadership's ledgers and briefings."""
    assert _paper_share(3, True) > _paper_share(3, False) + 0.03


# ----- a bureau that does nothing, zeroes every target or vetoes everyone ----------------------


def _scores(scenario_name: str, seat: str, policy: str) -> tuple[float, float]:
    scenario = load_scenario(ROOT / "scenarios" / f"{scenario_name}.yaml")
    seat_scores, resilience = [], []
    for seed in range(4):
        hand = play_policy(scenario, seat, policy, seed, "communicative", "honest")
        report = score_game(hand.game)
        seat_scores.append(report["seats"][seat]["score"])
        resilience.append(report["indicators"]["resilience"]["value"])
    return average(seat_scores), average(resilience)


def test_a_degenerate_bureau_scores_below_careful_communicative_play():
    """一.2 / 三: doing nothing, zeroing targets or a veto for everyone is not mobilization."""
    for scenario_name in ("tutorial", "double_rice"):
        careful = _scores(scenario_name, "county_agri", "thoughtful")
        for policy in ("do_nothing", "zero_targets", "veto_all"):
            seat, resilience = _scores(scenario_name, "county_agri", policy)
            assert seat < careful[0] - 5, (scenario_name, policy)
            assert resilience < careful[1], (scenario_name, policy)
