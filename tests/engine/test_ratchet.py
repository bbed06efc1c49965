"""A recurring task's next target ratchets on its result: fast up, slowly down (Weitzman)."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine.events import Event
from game.engine.game import Game
from game.scenario.models import Scenario
from tests.engine.helpers import changed, load, task_data, unit_data

UP, DOWN = 0.6, 0.2
TOWNSHIPS = ("hexi", "shanqian", "liutang")


def recurring(capacity: float) -> Scenario:
    """The tutorial with a two-turn recurring task and every township of equal capacity."""

    def edit(data: dict[str, Any]) -> None:
        task = task_data(data, "reclaim")
        task.update(recurring=True, deadline=2, ratchet_up=UP, ratchet_down=DOWN,
                    work_per_unit=0.02)
        for township in TOWNSHIPS:
            unit_data(data, township)["capacity"] = {"reclaim": capacity}
        data["events"] = []

    return changed(load("tutorial"), edit)


def ratchets(scenario: Scenario, seed: int = 1) -> list[Event]:
    game = Game(scenario, seed=seed)
    game.run_to_end()
    return [e for e in game.log if e.kind == "ratchet"]


@pytest.fixture(scope="module")
def over() -> list[Event]:
    """Ratchets after each cycle was beaten: capacity far above the target."""
    return ratchets(recurring(4000.0))


@pytest.fixture(scope="module")
def under() -> list[Event]:
    """Ratchets after each cycle fell short: capacity far below the target."""
    return ratchets(recurring(300.0))


def test_a_recurring_task_ratchets_after_each_cycle_but_the_last(over: list[Event]) -> None:
    assert [e.turn for e in over] == [2, 4]


def test_over_delivery_raises_the_next_target_by_the_up_lambda(over: list[Event]) -> None:
    for event in over:
        old, result = event.data["old"], event.data["result"]
        assert result > old
        assert event.data["lambda"] == UP
        assert event.data["next"] == pytest.approx(old + UP * (result - old), abs=1e-2)


def test_shortfall_lowers_the_next_target_by_the_down_lambda(under: list[Event]) -> None:
    for event in under:
        old, result = event.data["old"], event.data["result"]
        assert result < old
        assert event.data["lambda"] == DOWN
        assert event.data["next"] == pytest.approx(old + DOWN * (result - old), abs=1e-2)


def test_targets_rise_faster_than_they_fall(over: list[Event], under: list[Event]) -> None:
    rise = over[0].data["next"] - over[0].data["old"]
    fall = under[0].data["old"] - under[0].data["next"]
    rise_share = rise / (over[0].data["result"] - over[0].data["old"])
    fall_share = fall / (under[0].data["old"] - under[0].data["result"])
    assert rise_share > fall_share


def test_the_next_cycle_starts_from_the_ratcheted_target() -> None:
    game = Game(recurring(4000.0), seed=1)
    game.run_to_end()
    starts = [e for e in game.log if e.kind == "task_started"]
    nexts = [e.data["next"] for e in game.log if e.kind == "ratchet"]
    assert [e.data["cycle"] for e in starts] == [0, 1, 2]
    assert [e.data["original"] for e in starts[1:]] == pytest.approx(nexts, abs=1e-2)


def test_a_task_that_does_not_recur_never_ratchets() -> None:
    game = Game(load("tutorial"), seed=1)
    game.run_to_end()
    assert not [e for e in game.log if e.kind == "ratchet"]
