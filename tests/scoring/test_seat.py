"""The seat's own score: outcomes of the seat's conduct, parts not applicable when unmeasured."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.moves import Answer, ReportProgress
from game.scenario.loader import load_scenario
from game.scoring.report import score_game
from game.scoring.seat import BUREAU_PARTS, TOWNSHIP_PARTS, score_seat, seat_role

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tutorial():
    return load_scenario(ROOT / "scenarios" / "tutorial.yaml")


def _play(scenario, seat, seed=3, act=None, **styles):
    game = Game(scenario, seed=seed, humans=[seat], **styles)
    while not game.over:
        if act is not None:
            act(game)
        game.advance()
    return game


def _finite(value):
    return value is None or (isinstance(value, int | float) and math.isfinite(value))


def test_roles_follow_the_task_lines(tutorial):
    game = Game(tutorial, seed=0)
    assert seat_role(game, "county_agri") == "bureau"
    assert seat_role(game, "hexi") == "township"


def test_every_human_seat_gets_a_score_with_its_parts(tutorial):
    game = Game(tutorial, seed=1, humans=["hexi", "county_agri"])
    game.run_to_end()
    seats = score_game(game)["seats"]
    assert list(seats) == ["county_agri", "hexi"]
    assert set(seats["hexi"]["indicators"]) == {p.key for p in TOWNSHIP_PARTS}
    assert set(seats["county_agri"]["indicators"]) == {p.key for p in BUREAU_PARTS}
    for seat in seats.values():
        assert 0 <= seat["score"] <= 100
        for part in seat["indicators"].values():
            assert _finite(part["value"]) and _finite(part["measured"])
            assert part["citation"]["section"] and part["citation"]["quote"]
            assert part["explanation"]["zh"] and part["explanation"]["en"]
    json.dumps(seats, allow_nan=False)


def test_computer_seats_are_not_scored(tutorial):
    game = Game(tutorial, seed=1)
    game.run_to_end()
    assert score_game(game)["seats"] == {}


def test_a_part_with_nothing_to_measure_is_not_applicable_and_leaves_the_score(tutorial):
    game = Game(tutorial, seed=1, humans=["hexi"])
    game.run_to_end()  # the seat never sends anything up
    seat = score_seat(game, "hexi")
    parts = seat["indicators"]
    applicable = [p for p in parts.values() if p["value"] is not None]
    total = sum(p["weight"] for p in applicable)
    expected = sum(p["weight"] * p["value"] for p in applicable) / total
    assert seat["score"] == pytest.approx(expected, abs=0.01)


def test_a_false_figure_lowers_credibility_against_an_honest_report(tutorial):
    def honest(game):
        if game.phase == "report":
            game.submit("hexi", ReportProgress(task="reclaim"))

    def lying(game):
        if game.phase == "report":
            game.submit("hexi", ReportProgress(task="reclaim", overstate=150.0))

    truthful = score_seat(_play(tutorial, "hexi", act=honest), "hexi")
    false = score_seat(_play(tutorial, "hexi", act=lying), "hexi")
    assert truthful["indicators"]["credibility"]["value"] == 100
    assert false["indicators"]["credibility"]["value"] < 50


def test_a_bureau_that_condones_everything_loses_judgment_and_integrity(tutorial):
    def accept_all(game):
        if game.phase == "respond":
            for request in game.pending_for("county_agri"):
                game.submit("county_agri", Answer(request=request.id, accept=True))

    styles = {"subordinate_style": "gaming"}
    scores = [score_seat(_play(tutorial, "county_agri", seed=s, act=accept_all, **styles),
                         "county_agri") for s in range(4)]
    judged = [s["indicators"]["judgment"]["value"] for s in scores]
    assert all(v is not None for v in judged)
    assert min(judged) < 100  # gaming townships send false things up; granting them is wrong


def test_unknown_unit_raises(tutorial):
    game = Game(tutorial, seed=0)
    with pytest.raises(KeyError):
        score_seat(game, "nowhere")
