"""Broken scenario files raise ScenarioError naming file, line, column and a readable reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import Problem, ScenarioError, load_scenario, parse_scenario
from tests.scenario.helpers import MINIMAL, broken, line, only_problem, problems


def at(problem: Problem) -> tuple[str, int, int]:
    return problem.file, problem.line, problem.col


def test_the_minimal_scenario_loads() -> None:
    scenario = parse_scenario(MINIMAL, "mini.yaml")
    assert [u.id for u in scenario.units] == ["county", "bureau", "town_a", "town_b", "village_a"]


def test_unknown_top_level_key() -> None:
    problem = only_problem(broken(5, "turns: 4\ncolour: red\n"))
    assert at(problem) == ("broken.yaml", 6, 1)
    assert problem.message == "unknown key 'colour'"


def test_unknown_key_in_a_unit() -> None:
    problem = only_problem(broken(18, line(18) + "    colour: red\n"))
    assert at(problem) == ("broken.yaml", 19, 5)
    assert problem.message == "unknown key 'colour' in units.2"


def test_wrong_type_points_at_the_value() -> None:
    problem = only_problem(broken(5, "turns: four\n"))
    assert (problem.line, problem.col) == (5, 8)
    assert problem.message.startswith("turns: ") and "integer" in problem.message


def test_wrong_type_inside_a_flow_mapping() -> None:
    problem = only_problem(broken(18, "    capacity: {rice: lots}\n"))
    assert (problem.line, problem.col) == (18, 22)
    assert "units.2.capacity.rice" in problem.message and "number" in problem.message


def test_text_that_is_not_a_mapping_of_languages() -> None:
    problem = only_problem(broken(17, "    name: Town A\n"))
    assert (problem.line, problem.col) == (17, 11)
    assert "units.2.name" in problem.message


def test_unknown_parent() -> None:
    found = problems(broken(16, "    parent: nowhere\n"))
    assert (found[0].line, found[0].col) == (16, 13)
    assert found[0].message == "units.2.parent: unknown unit 'nowhere'"


def test_unknown_carrier() -> None:
    problem = only_problem(broken(34, "    carriers: [town_a, town_c]\n"))
    assert (problem.line, problem.col) == (34, 24)
    assert problem.message == "tasks.0.carriers.1: unknown unit 'town_c'"


def test_unknown_task_in_capacity_points_at_the_key() -> None:
    problem = only_problem(broken(18, "    capacity: {wheat: 600}\n"))
    assert (problem.line, problem.col) == (18, 16)
    assert problem.message == "units.2.capacity.wheat (key): unknown task 'wheat'"


def test_a_village_under_a_county_is_not_one_level_down() -> None:
    problem = only_problem(broken(26, "    parent: county\n"))
    assert (problem.line, problem.col) == (26, 13)
    assert problem.message == (
        "units.4.parent: the parent of a village must be one level up (township or "
        "subdistrict), not the county 'county'"
    )


def test_a_township_cannot_own_a_task() -> None:
    problem = problems(broken(33, "    owners: [town_a]\n"))[0]
    assert (problem.line, problem.col) == (33, 14)
    assert problem.message == "tasks.0.owners.0: a township cannot own a task"


def test_negative_target() -> None:
    problem = only_problem(broken(32, "    original_target: -5\n"))
    assert (problem.line, problem.col) == (32, 22)
    assert problem.message == "tasks.0.original_target: Input should be greater than 0"


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf"])
def test_infinite_or_nan_target(value: str) -> None:
    problem = only_problem(broken(32, f"    original_target: {value}\n"))
    assert (problem.line, problem.col) == (32, 22)
    assert "original_target" in problem.message


def test_duplicate_id_points_at_the_repeat() -> None:
    found = problems(broken(19, "  - id: town_a\n"))
    assert (found[0].line, found[0].col) == (19, 9)
    assert found[0].message == "units.3.id: id 'town_a' is already used by units[2]"


def test_duplicate_key_in_a_mapping() -> None:
    problem = only_problem(broken(5, "turns: 4\nturns: 5\n"))
    assert (problem.line, problem.col) == (6, 1)
    assert 'duplicate key "turns"' in problem.message


def test_deadline_after_the_last_turn() -> None:
    problem = only_problem(broken(35, "    deadline: 9\n"))
    assert (problem.line, problem.col) == (35, 15)
    assert problem.message == "tasks.0.deadline: deadline 9 is after the last turn 4"


def test_missing_top_level_field() -> None:
    problem = only_problem(broken(5, ""))
    assert (problem.line, problem.col) == (1, 1)
    assert problem.message == "missing required field 'turns'"


def test_missing_field_of_a_task_points_at_the_task() -> None:
    problem = only_problem(broken(35, ""))
    assert (problem.line, problem.col) == (29, 5)
    assert problem.message == "missing required field 'tasks.0.deadline'"


def test_identifier_with_capitals_is_refused() -> None:
    found = problems(broken(14, "  - id: Town_A\n"))
    assert (found[0].line, found[0].col) == (14, 9)
    assert "units.2.id" in found[0].message and "is not an id" in found[0].message


def test_yaml_syntax_error() -> None:
    problem = only_problem(broken(5, "turns: [4\n"))
    assert (problem.line, problem.col) == (6, 6)
    assert "flow sequence" in problem.message


def test_tab_indentation_is_a_syntax_error() -> None:
    problem = only_problem(broken(5, "turns:\t4\n\tcolour: red\n"))
    assert (problem.line, problem.col) == (5, 7)
    assert "'\\t'" in problem.message


@pytest.mark.parametrize("text", ["- a\n- b\n", "just words\n", "42\n", "", "# only a comment\n"])
def test_top_level_that_is_not_a_mapping(text: str) -> None:
    problem = only_problem(text)
    assert at(problem) == ("broken.yaml", 1, 1)
    assert problem.message == "a scenario file must be a YAML mapping"


def test_control_character_is_located() -> None:
    problem = only_problem(broken(5, "turns: 4\x07\n"))
    assert (problem.line, problem.col) == (5, 9)
    assert "U+0007" in problem.message


def test_nested_aliases_that_would_explode_are_refused() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        text += f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
    problem = only_problem(text)
    assert 1 <= problem.line <= 8  # where the walk passed the limit
    assert "aliases" in problem.message


def test_unsafe_python_tag_builds_nothing() -> None:
    problem = only_problem(broken(5, "turns: !!python/object/apply:os.system ['true']\n"))
    assert (problem.line, problem.col) == (5, 8)
    assert "!!python/object/apply:os.system is not used" in problem.message


def test_problem_prints_as_file_line_column_message() -> None:
    problem = only_problem(broken(5, "turns: four\n"))
    assert str(problem).startswith("broken.yaml:5:8: turns: ")


def test_error_message_lists_every_problem() -> None:
    text = broken(5, "turns: four\n").replace("    original_target: 1000\n",
                                                "    original_target: -1\n")
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "two.yaml")
    assert [(p.line, p.col) for p in caught.value.problems] == [(5, 8), (32, 22)]
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]


# ----- files -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert at(problem) == (str(path), 1, 1)
    assert problem.message.startswith("cannot read file")


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(MINIMAL.encode("utf-8") + b"author: \xff\xfe\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].file == str(path)
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (MINIMAL.count("\n") + 1, 9)
    assert "0xFF is not UTF-8" in problem.message


def test_a_file_names_itself_in_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(broken(16, "    parent: nowhere\n"), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value.problems[0]).startswith(f"{path}:16:13: ")
