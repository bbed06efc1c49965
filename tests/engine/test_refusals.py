"""Moves the rules forbid are refused with a reason in both languages, and change nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest

from game.engine.game import Game, MoveResult
from game.engine.moves import (
    ExplainShortfall,
    GiveIncentive,
    LeverSocial,
    ReportProgress,
    ResearchVisit,
    RespondLocalNeeds,
    Sanction,
    Symposium,
)
from game.scenario.models import Scenario
from tests.engine.helpers import accepted, advance_to, changed, unit_data

CJK = re.compile(r"[\u4e00-\u9fff]")


def refused(game: Game, seat: str, move: Any, code: str) -> MoveResult:
    """Submit a move that must be refused with `code`, and check that nothing changed."""
    before = game.snapshot()
    result = game.submit(seat, move)
    assert not result.ok
    assert result.refusal is not None
    assert result.refusal.code == code, result.refusal
    assert CJK.search(result.refusal.zh), result.refusal.zh
    assert result.refusal.en and not CJK.search(result.refusal.en), result.refusal.en
    assert result.events == []
    assert game.snapshot() == before
    return result


@pytest.fixture
def rice(double_rice: Scenario) -> Game:
    """double_rice with the county bureau and one township in human hands, at turn 1's plan."""
    return Game(double_rice, seed=5, humans=["county_agri", "beiyuan"])


def test_report_in_the_plan_phase_is_refused(rice: Game) -> None:
    result = refused(rice, "beiyuan", ReportProgress(task="double_rice"), "phase")
    assert "report" in result.refusal.en and "汇报" in result.refusal.zh


def test_sanction_in_the_report_phase_is_refused(rice: Game) -> None:
    rice.advance()
    move = Sanction(subordinate="beiyuan", task="double_rice", sanction="notice")
    refused(rice, "county_agri", move, "phase")


def test_unit_off_the_task_line_cannot_act_on_it(rich: Scenario) -> None:
    game = Game(rich, seed=1, humans=["county_hrss"])
    result = refused(game, "county_hrss", Symposium(task="reclaim"), "off_line")
    assert "line" in result.refusal.en


def test_unknown_task_is_refused(rice: Game) -> None:
    refused(rice, "county_agri", Symposium(task="no_such_task"), "task")


def test_task_not_yet_running_is_refused(rich: Scenario) -> None:
    game = Game(rich, seed=1, humans=["county_agri"])
    refused(game, "county_agri", Symposium(task="beauty"), "inactive")


def test_owner_cannot_do_a_carriers_work(rich: Scenario) -> None:
    game = Game(rich, seed=1, humans=["county_agri"])
    refused(game, "county_agri", LeverSocial(task="reclaim", funds=1.0), "not_carrier")


@pytest.fixture
def city_seat(double_rice: Scenario) -> Scenario:
    """double_rice in which the city bureau is a seat too."""
    return changed(double_rice, lambda data: data["seats"].append("city_agri"))


def test_city_bureau_cannot_sanction_a_township_directly(city_seat: Scenario) -> None:
    game = Game(city_seat, seed=2, humans=["city_agri"])
    advance_to(game, 1, "respond")
    move = Sanction(subordinate="beiyuan", task="double_rice", sanction="notice")
    result = refused(game, "city_agri", move, "not_adjacent")
    assert "one level down" in result.refusal.en
    accepted(game.submit("city_agri", Sanction(subordinate="county_agri", task="double_rice",
                                               sanction="notice")))


def test_research_visit_skipping_a_level_is_refused(city_seat: Scenario) -> None:
    game = Game(city_seat, seed=2, humans=["city_agri"])
    refused(game, "city_agri", ResearchVisit(subordinate="hukou"), "not_adjacent")


def test_research_visit_upward_is_refused(rice: Game) -> None:
    refused(rice, "county_agri", ResearchVisit(subordinate="city_agri"), "not_adjacent")


def test_move_costing_more_cadre_time_than_left_is_refused(double_rice: Scenario) -> None:
    scenario = changed(double_rice, lambda data: unit_data(data, "county_agri").update(
        cadre_time=2.0))
    game = Game(scenario, seed=1, humans=["county_agri"])
    result = refused(game, "county_agri", ResearchVisit(subordinate="beiyuan"), "time")
    left = max(game.units["county_agri"].time_left, 0.0)
    assert f"3 cadre-days needed, {left:.1f} left" in result.refusal.en


def test_cadre_time_runs_out_after_visits(double_rice: Scenario) -> None:
    scenario = changed(double_rice, lambda data: unit_data(data, "county_agri").update(
        cadre_time=8.0))
    game = Game(scenario, seed=1, humans=["county_agri"])
    subs = ["beiyuan", "hukou", "shuangfeng", "tianxin", "hetang", "baishi"]
    visits = 0
    while game.submit("county_agri", ResearchVisit(subordinate=subs[visits])).ok:
        visits += 1
    assert 1 <= visits < len(subs)
    assert game.units["county_agri"].time_left < game.params.move_costs["research_visit"][0]
    refused(game, "county_agri", ResearchVisit(subordinate=subs[visits]), "time")


def test_a_second_visit_to_the_same_unit_in_a_turn_is_refused(rice: Game) -> None:
    assert rice.submit("county_agri", ResearchVisit(subordinate="hukou")).ok
    refused(rice, "county_agri", ResearchVisit(subordinate="hukou"), "once")


def test_days_promised_to_villagers_count_against_later_promises(rice: Game) -> None:
    left = rice.units["beiyuan"].time_left
    accepted(rice.submit("beiyuan", RespondLocalNeeds(days=left - 1)))
    refused(rice, "beiyuan", RespondLocalNeeds(days=2), "time")


def test_days_promised_to_villagers_are_not_spent_twice(rice: Game) -> None:
    left = rice.units["county_agri"].time_left
    accepted(rice.submit("county_agri", RespondLocalNeeds(days=left - 1)))
    refused(rice, "county_agri", ResearchVisit(subordinate="hukou"), "time")


def test_incentive_beyond_the_funds_is_refused(rice: Game) -> None:
    advance_to(rice, 1, "respond")
    funds = rice.units["county_agri"].funds
    move = GiveIncentive(subordinate="hukou", task="double_rice", incentive="economic",
                         amount=funds + 1)
    result = refused(rice, "county_agri", move, "funds")
    assert "funds" in result.refusal.en and "经费" in result.refusal.zh


@pytest.mark.parametrize(
    "move",
    [
        {},
        {"kind": "no_such_move"},
        {"kind": "report_progress"},
        {"kind": "report_progress", "task": "double_rice", "colour": "red"},
        {"kind": "report_progress", "task": "double_rice", "overstate": -5},
        {"kind": "report_progress", "task": "double_rice", "overstate": float("nan")},
        {"kind": "adjust_target", "subordinate": "hukou", "task": "double_rice",
         "target": float("inf")},
        {"kind": "split_quota", "task": "double_rice", "shares": {"hukou": float("nan")}},
        {"kind": "explain_shortfall", "task": "double_rice", "causes": []},
        {"kind": "explain_shortfall", "task": "double_rice", "causes": ["bad_luck"]},
        {"kind": "answer", "request": "first", "accept": True},
        {"kind": "allocate_time", "weights": {"double_rice": -1}},
        {"kind": 7},
        None,
        "report_progress",
        ["report_progress", "double_rice"],
        42,
    ],
    ids=repr,
)
def test_malformed_move_is_refused(rice: Game, move: Any) -> None:
    result = refused(rice, "beiyuan", move, "invalid")
    assert result.refusal.en.startswith("Malformed move")


def test_unknown_seat_is_refused(rice: Game) -> None:
    refused(rice, "atlantis", ReportProgress(task="double_rice"), "seat")


@pytest.mark.parametrize("seat", [None, 3, ["beiyuan"]], ids=repr)
def test_seat_that_is_not_a_name_is_refused(rice: Game, seat: Any) -> None:
    refused(rice, seat, ReportProgress(task="double_rice"), "seat")


def test_moving_for_a_computer_seat_is_refused(rice: Game) -> None:
    rice.advance()
    result = refused(rice, "hukou", ReportProgress(task="double_rice"), "computer_seat")
    assert "computer" in result.refusal.en


def test_explaining_the_same_task_twice_in_a_turn_is_refused(rice: Game) -> None:
    rice.advance()
    move = ExplainShortfall(task="double_rice", causes=["capacity_limit"])
    accepted(rice.submit("beiyuan", move))
    refused(rice, "beiyuan", move, "twice")


def test_citing_a_cause_twice_is_refused(rice: Game) -> None:
    rice.advance()
    move = ExplainShortfall(task="double_rice", causes=["weather", "weather"])
    refused(rice, "beiyuan", move, "repeat")


def test_no_move_after_the_game_is_over(rice: Game) -> None:
    rice.run_to_end()
    refused(rice, "beiyuan", ReportProgress(task="double_rice"), "over")


def test_accepted_move_changes_the_snapshot(rice: Game) -> None:
    before = rice.snapshot()
    accepted(rice.submit("county_agri", ResearchVisit(subordinate="hukou")))
    assert rice.snapshot() != before
