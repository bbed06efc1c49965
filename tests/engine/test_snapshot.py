"""Game.snapshot(): a deep, comparable copy of everything a move or a phase can change."""

from __future__ import annotations

from game.engine.game import Game
from game.engine.moves import ResearchVisit
from game.scenario.models import Scenario
from tests.engine.helpers import accepted


def test_two_snapshots_of_an_idle_game_are_equal(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=1, humans=["county_agri"])
    assert game.snapshot() == game.snapshot()


def test_a_snapshot_does_not_follow_the_game(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=1, humans=["county_agri"])
    snapshot = game.snapshot()
    kept = snapshot["relations"][("county_agri", "hukou")].symmetry
    accepted(game.submit("county_agri", ResearchVisit(subordinate="hukou")))
    assert snapshot["relations"][("county_agri", "hukou")].symmetry == kept
    assert game.relations[("county_agri", "hukou")].symmetry > kept


def test_advancing_changes_the_snapshot(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=1, humans=["county_agri"])
    before = game.snapshot()
    game.advance()
    after = game.snapshot()
    assert after != before
    assert (before["phase"], after["phase"]) == ("plan", "report")
    assert after["log_length"] > before["log_length"]


def test_games_of_one_seed_have_equal_snapshots(double_rice: Scenario) -> None:
    first, second = (Game(double_rice, seed=9, humans=["beiyuan"]) for _ in range(2))
    first.run_to_end()
    second.run_to_end()
    assert first.snapshot() == second.snapshot()


def test_games_of_two_seeds_have_different_snapshots(double_rice: Scenario) -> None:
    assert Game(double_rice, seed=9).snapshot() != Game(double_rice, seed=10).snapshot()
