"""The directory: the public structure a seat may know, and nothing private."""

from pathlib import Path

import pytest

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.workshop.directory import Directory
from game.workshop.seat_view import SeatView, directory_of, seat_view

SCENARIOS = sorted(Path("scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_the_directory_matches_the_hierarchy_and_round_trips(path: Path) -> None:
    game = Game(load_scenario(path), seed=3)
    found = Directory.model_validate_json(directory_of(game).model_dump_json())
    for unit in game.scenario.units[:50]:
        assert found.unit_name(unit.id, "en") == unit.name.en
        assert found.tasks_of(unit.id) == game.hierarchy.tasks_of(unit.id)
        for task in found.tasks_of(unit.id):
            assert found.superior(unit.id, task) == game.hierarchy.superior(unit.id, task)
            assert found.subordinates(unit.id, task) == game.hierarchy.subordinates(unit.id, task)


def test_the_directory_carries_no_capacity() -> None:
    game = Game(load_scenario("scenarios/tutorial.yaml"), seed=1)
    text = directory_of(game).model_dump_json()
    assert "capacity" not in text and "cadre_time" not in text


def test_a_seat_view_carries_the_directory_once_asked() -> None:
    game = Game(load_scenario("scenarios/tutorial.yaml"), seed=1, humans=["hexi"])
    full = SeatView.model_validate_json(seat_view(game, "hexi").model_dump_json())
    bare = seat_view(game, "hexi", with_directory=False)
    assert full.directory is not None and full.directory.unit_name("hexi", "zh") == "河西镇"
    assert bare.directory is None
