"""Generated scenarios: valid, of the stated size, with bureau lines down to every township."""

from __future__ import annotations

import pytest

from game.generate import QUICK_SHAPES, SHAPES, TASKS, generate_scenario, scenario_yaml
from game.scenario.lines import task_superiors
from game.scenario.loader import parse_scenario
from game.scenario.models import Scenario


def _kinds(scenario: Scenario) -> dict[str, int]:
    counts: dict[str, int] = {}
    for unit in scenario.units:
        counts[unit.kind] = counts.get(unit.kind, 0) + 1
    return counts


def test_county_has_18_townships_of_20_villages() -> None:
    scenario = generate_scenario("county")
    kinds = _kinds(scenario)
    assert kinds["county"] == 1
    assert kinds.get("township", 0) + kinds.get("subdistrict", 0) == 18
    assert kinds["village"] == 18 * 20
    assert len(scenario.units) == SHAPES["county"].unit_count() == 1 + 4 + 18 + 360


def test_city_has_ten_counties_of_the_county_shape() -> None:
    scenario = generate_scenario("city")
    kinds = _kinds(scenario)
    assert (kinds["city"], kinds["county"], kinds["village"]) == (1, 10, 10 * 18 * 20)
    assert len(scenario.units) == SHAPES["city"].unit_count()


def test_province_shape_counts_about_forty_thousand_units() -> None:
    shape = SHAPES["province"]
    assert shape.county_count() == 100
    assert shape.carrier_count() == 2000
    assert 40_000 <= shape.unit_count() <= 45_000


def test_quick_province_validates_with_the_counted_units() -> None:
    scenario = generate_scenario(QUICK_SHAPES["province"])
    kinds = _kinds(scenario)
    shape = QUICK_SHAPES["province"]
    assert (kinds["province"], kinds["city"], kinds["county"]) == (1, 2, 4)
    assert len(scenario.units) == shape.unit_count()


@pytest.mark.parametrize("size", ["county", "city"])
def test_four_tasks_reach_every_township(size: str) -> None:
    scenario = generate_scenario(QUICK_SHAPES[size])
    carriers = {u.id for u in scenario.units if u.kind in ("township", "subdistrict")}
    assert len(scenario.tasks) == len(TASKS) == 4
    for task in scenario.tasks:
        assert set(task.carriers) == carriers
        assert all(task.start_turn == 1 for task in scenario.tasks)


def test_province_task_line_runs_bureau_by_bureau_down_to_townships() -> None:
    scenario = generate_scenario(QUICK_SHAPES["province"])
    kinds = {u.id: u.kind for u in scenario.units}
    parents = {u.id: u.parent for u in scenario.units}
    superiors = task_superiors(scenario, scenario.tasks[0])
    carrier = scenario.tasks[0].carriers[0]
    chain = [carrier]
    while (above := superiors[chain[-1]]) is not None:
        chain.append(above)
    assert [kinds[u] for u in chain] == ["township", "bureau", "bureau", "bureau"]
    assert [kinds[parents[u] or ""] for u in chain[1:]] == ["county", "city", "province"]


def test_same_seed_same_scenario_and_another_seed_another() -> None:
    shape = QUICK_SHAPES["city"]
    assert generate_scenario(shape, seed=3) == generate_scenario(shape, seed=3)
    assert generate_scenario(shape, seed=3) != generate_scenario(shape, seed=4)


def test_yaml_text_loads_back_to_the_same_scenario() -> None:
    scenario = generate_scenario("county", seed=7)
    assert parse_scenario(scenario_yaml(scenario), "<generated>") == scenario


def test_capacities_are_plausible_and_target_is_within_reach() -> None:
    scenario = generate_scenario("county", seed=1)
    townships = [u for u in scenario.units if u.kind in ("township", "subdistrict")]
    for task in scenario.tasks:
        total = sum(u.capacity[task.id] for u in townships)
        assert 0.8 * total <= task.original_target <= total
    assert all(50 <= u.cadre_time <= 80 for u in townships)


def test_a_county_has_no_cross_level_inspection_but_a_city_has() -> None:
    county = generate_scenario(QUICK_SHAPES["county"])
    city = generate_scenario(QUICK_SHAPES["city"])
    assert "cross_level_inspection" not in {e.kind for e in county.events}
    inspection = next(e for e in city.events if e.kind == "cross_level_inspection")
    assert inspection.effects.inspector == "city01"


def test_seats_are_the_first_countys_bureaus_and_townships() -> None:
    scenario = generate_scenario(QUICK_SHAPES["city"])
    assert scenario.seats
    assert all(seat.startswith("c01_") for seat in scenario.seats)
