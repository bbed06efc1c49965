"""The scenario language's documented bounds: past them a located refusal, at them a sound game.

Each bounded number of the tutorial is set to its least or greatest allowed value (chosen by
hypothesis); the game plays to its end with bots and its `play --json` report holds no NaN or
infinity. One past a bound, the loader refuses the file at the field's line.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic.fields import FieldInfo

from game.headless import play_report
from game.scenario.loader import ScenarioError, parse_scenario
from game.scenario.models import EventEffects, Scenario, Task, Unit
from game.scenario.reader import read_file
from tests.scenario.helpers import ROOT

TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
DATA: dict[str, Any] = parse_scenario(read_file(TUTORIAL)).model_dump(mode="json")


def bounds(field: FieldInfo) -> tuple[float, float]:
    """The field's (least, greatest) allowed value from its ge/gt/le metadata."""
    low, high = float("-inf"), float("inf")
    for item in field.metadata:
        low = getattr(item, "ge", None) if getattr(item, "ge", None) is not None else low
        if getattr(item, "gt", None) is not None:
            low = item.gt + 1e-6
        high = getattr(item, "le", None) if getattr(item, "le", None) is not None else high
    return low, high


#: (section, field, its bounds): every bounded float a unit, task or event effect holds.
FIELDS = [
    (section, name, bounds(info))
    for section, model in (("units", Unit), ("tasks", Task), ("effects", EventEffects))
    for name, info in model.model_fields.items()
    if info.annotation in (float, "float") and bounds(info) != (float("-inf"), float("inf"))
]
CAPACITY = (0.0, 1e7)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))


def test_the_bounded_fields_are_the_documented_ones() -> None:
    names = {f"{section}.{name}" for section, name, _ in FIELDS}
    assert {"units.cadre_time", "units.funds", "units.social_resources", "tasks.original_target",
            "tasks.work_per_unit", "effects.capacity_factor", "effects.cadre_time_factor",
            "effects.funds_delta"} <= names


def with_value(data: dict[str, Any], section: str, name: str, value: float) -> dict[str, Any]:
    data = json.loads(json.dumps(data))
    if section == "effects":
        for event in data["events"]:
            event["effects"][name] = value
    else:
        for item in data[section]:
            item[name] = value
    return data


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(FIELDS), st.booleans()), min_size=1, max_size=6),
       st.sampled_from(CAPACITY))
def test_a_scenario_at_its_bounds_plays_to_a_finite_report(
    picks: list[tuple[tuple[str, str, tuple[float, float]], bool]], capacity: float
) -> None:
    data = DATA
    for (section, name, (low, high)), greatest in picks:
        data = with_value(data, section, name, high if greatest else low)
    for unit in data["units"]:
        unit["capacity"] = {task: capacity for task in unit["capacity"]}
    scenario = Scenario.model_validate(data)
    report = play_report(scenario, 1, None, None)
    json.dumps(report, allow_nan=False)  # raises on NaN or infinity


@pytest.mark.parametrize(("line", "value"), [
    ("    capacity: {reclaim: 1200}", "    capacity: {reclaim: 10000001}"),
    ("    cadre_time: 55", "    cadre_time: 100001"),
    ("    social_resources: 1.2", "    social_resources: 101"),
    ("    original_target: 3000", "    original_target: 1.0e+8"),
    ("    work_per_unit: 0.2", "    work_per_unit: 0.00001"),
])
def test_one_past_a_bound_is_refused_on_its_line(line: str, value: str) -> None:
    text = read_file(TUTORIAL)
    assert line in text
    number = text[: text.index(line)].count("\n") + 1
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text.replace(line, value, 1), "bounds.yaml")
    assert [p.line for p in caught.value.problems] == [number]
    assert "Input should be" in caught.value.problems[0].message
