"""The World below the phases: a phase's state and helpers work without any Game."""

from __future__ import annotations

import random

import pytest

from game.engine.setup import build_world
from game.engine.world import World
from game.scenario.models import Scenario


def test_a_bare_world_draws_from_its_seed(double_rice: Scenario) -> None:
    world, twin = World(double_rice, seed=7), random.Random(7)
    assert [world.chance(0.5) for _ in range(20)] == [twin.random() < 0.5 for _ in range(20)]


def test_a_world_built_by_setup_answers_the_phase_helpers(double_rice: Scenario) -> None:
    world = World(double_rice, seed=3, humans=["county_agri"])
    build_world(world)
    world.assign_styles()
    task = double_rice.tasks[0].id
    assert world.active_tasks() == []  # turn 0: directives have not started a task
    assert world.assignment("county_agri", task) is world.assignments[("county_agri", task)]
    assert world.is_bot("hukou") and not world.is_bot("county_agri")
    event = world.emit("game_over", data={"turns": 0})
    assert (event.turn, event.phase) == (0, "directives")
    assert list(world.log.since(0)) == [event]


def test_a_world_refuses_a_seat_the_scenario_lacks(double_rice: Scenario) -> None:
    with pytest.raises(ValueError, match="not a seat"):
        World(double_rice, humans=["nobody"])
