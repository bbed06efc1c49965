"""Lint: what a valid scenario may still get wrong, as located warnings and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.lint import lint
from game.scenario.loader import Problem, load_scenario, parse_scenario
from tests.scenario.helpers import MINIMAL, SHIPPED, broken, line


def findings(text: str, known_rules: set[str] | None = None) -> list[Problem]:
    scenario = parse_scenario(text, "lint.yaml")
    return lint(scenario, None, text, known_rules=known_rules)


def test_the_minimal_scenario_is_clean() -> None:
    assert findings(MINIMAL) == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_scenarios_have_no_lint_errors(path: Path) -> None:
    problems = lint(load_scenario(path), path)
    assert [str(p) for p in problems if p.severity == "error"] == []


def test_carrier_without_capacity_is_warned() -> None:
    (problem,) = findings(broken(23, ""))
    assert problem.severity == "warning"
    assert (problem.line, problem.col) == (19, 5)
    assert "carrier 'town_b' has no capacity for task 'rice'" in problem.message


def test_chinese_text_without_chinese_is_warned() -> None:
    (problem,) = findings(broken(17, "    name: {zh: Town Ay, en: Town A}\n"))
    assert problem.severity == "warning"
    assert (problem.line, problem.col) == (17, 11)
    assert "untranslated" in problem.message


def test_identical_texts_in_both_languages_are_warned() -> None:
    found = findings(broken(17, "    name: {zh: Town A, en: Town A}\n"))
    assert {p.message for p in found} >= {"the Chinese and English texts are the same"}
    assert all((p.line, p.col) == (17, 11) for p in found)


def test_capacity_far_below_the_target_is_warned() -> None:
    (problem,) = findings(broken(32, "    original_target: 5000\n"))
    assert (problem.line, problem.col) == (32, 5)
    assert "can deliver 1100 of 5000" in problem.message


def test_unit_on_no_line_is_warned() -> None:
    extra = "  - id: idle\n    kind: bureau\n    parent: county\n    name: {zh: 闲局, en: Idle}\n"
    (problem,) = findings(broken(27, line(27) + extra))
    assert (problem.line, problem.col) == (28, 5)
    assert "unit 'idle' is on no task's line" in problem.message


def test_event_before_its_task_starts_is_warned() -> None:
    text = broken(35, "    start_turn: 3\n    deadline: 4\n") + (
        "events:\n"
        "  - id: early_rain\n"
        "    kind: weather\n"
        "    name: {zh: 早雨, en: Early rain}\n"
        "    turn: 1\n"
        "    task: rice\n"
    )
    (problem,) = findings(text)
    assert (problem.line, problem.col) == (39, 5)
    assert "touches task 'rice' before it starts" in problem.message


def test_override_of_an_unknown_rule_is_an_error() -> None:
    text = MINIMAL + "scoring:\n  weights: {made_up_rule: 2}\n"
    (problem,) = findings(text, known_rules={"overload"})
    assert problem.severity == "error"
    assert (problem.line, problem.col) == (38, 13)
    assert "unknown rule 'made_up_rule'" in problem.message


def test_warnings_print_with_their_severity() -> None:
    (problem,) = findings(broken(23, ""))
    assert str(problem).startswith("<scenario>:19:5: warning: carrier 'town_b'")


def test_findings_are_sorted_by_position() -> None:
    text = broken(17, "    name: {zh: Town Ay, en: Town A}\n")
    text = text.replace("    capacity: {rice: 500}\n", "")
    found = findings(text)
    assert [(p.line, p.col) for p in found] == sorted((p.line, p.col) for p in found)
    assert len(found) == 2


def test_lint_of_the_generated_province_finds_nothing() -> None:
    """42,555 units: the capacity check once looked every carrier up in the unit list (109 s);
    it is linear now. The generated province is sound, so lint has nothing to say."""
    from game.generate import generate_scenario
    from game.scoring.rules import known_rule_ids

    province = generate_scenario("province")
    assert len(province.units) == 42_555
    assert lint(province, known_rules=known_rule_ids()) == []


def test_lint_on_a_generated_city_with_a_carrier_lacking_capacity() -> None:
    from game.generate import generate_scenario

    county = generate_scenario("city")
    carrier = county.tasks[0].carriers[-1]
    index = next(i for i, unit in enumerate(county.units) if unit.id == carrier)
    county.units[index].capacity = {}
    found = sorted(p.message for p in lint(county))
    carried = sorted(task.id for task in county.tasks if carrier in task.carriers)
    assert found == [f"carrier '{carrier}' has no capacity for task '{task}': its even share of "
                     "the original target is assumed" for task in carried]
