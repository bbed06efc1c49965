"""One seeded generator: the same scenario, seed and styles give the same game, byte for byte."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from functools import cache

import pytest

from game.engine.game import Game
from game.headless import play_game
from game.scenario.models import Scenario
from tests.engine.helpers import ROOT, SCENARIOS


@cache
def play_cli(*options: str) -> str:
    """stdout of `main.py play double_rice.yaml --json` with `options` (cached per options)."""
    command = [sys.executable, "main.py", "play", str(SCENARIOS / "double_rice.yaml"), "--json"]
    done = subprocess.run([*command, *options], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_play_twice_with_one_seed_prints_the_same_bytes() -> None:
    first = play_cli("--seed", "7")
    second = subprocess.run(
        [sys.executable, "main.py", "play", str(SCENARIOS / "double_rice.yaml"), "--json",
         "--seed", "7"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    assert first == second


def test_another_seed_plays_another_game() -> None:
    assert json.loads(play_cli("--seed", "7")) != json.loads(play_cli("--seed", "8"))


def test_the_superiors_style_shows_in_accountability() -> None:
    pressure = json.loads(play_cli("--seed", "7", "--superior", "pressure"))
    communicative = json.loads(play_cli("--seed", "7", "--superior", "communicative"))
    assert pressure["superior_style"] == "pressure"
    assert communicative["superior_style"] == "communicative"
    assert (pressure["outcome"]["accountability_events"]
            > 2 * communicative["outcome"]["accountability_events"])


def kind_counts(scenario: Scenario, seed: int, superior: str) -> Counter[str]:
    game = play_game(scenario, seed, superior, None)
    return Counter(event.kind for event in game.log)


@pytest.mark.parametrize("seed", range(5))
def test_pressure_and_communicative_superiors_act_differently(
    double_rice: Scenario, seed: int
) -> None:
    pressure = kind_counts(double_rice, seed, "pressure")
    communicative = kind_counts(double_rice, seed, "communicative")
    assert pressure["accountability"] > communicative["accountability"]
    assert communicative["research_visit"] + communicative["symposium"] > (
        pressure["research_visit"] + pressure["symposium"]
    )


def test_same_seed_and_moves_give_the_same_log_in_process(double_rice: Scenario) -> None:
    logs = []
    for _ in range(2):
        game = Game(double_rice, seed=13, humans=["beiyuan"])
        game.run_to_end()
        logs.append(game.log.to_json())
    assert logs[0] == logs[1]


def test_the_generators_state_is_part_of_the_snapshot(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=13, humans=["beiyuan"])
    before = game.snapshot()
    game.rng.random()
    assert game.snapshot() != before
