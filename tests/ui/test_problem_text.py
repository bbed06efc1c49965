"""Every validation and lint message the game makes reads in Chinese in the editor."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.lint import lint
from game.scenario.loader import ScenarioError, parse_scenario
from game.ui.editor.problem_text import chinese, known

TUTORIAL = (Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.yaml").read_text(
    encoding="utf-8")

BROKEN = {
    "unknown key": ("turns: 6\n", "turns: 6\ncolour: red\n"),
    "missing field": ("turns: 6\n", ""),
    "wrong type": ("turns: 6\n", "turns: six\n"),
    "out of range": ("turns: 6\n", "turns: 0\n"),
    "literal": ("    regime: notice\n", "    regime: strict\n"),
    "bad id": ("  - id: hexi\n", "  - id: He-Xi\n"),
    "unknown parent": ("    parent: c_county\n    name: {zh: 河西镇", "    parent: nowhere\n"
                       "    name: {zh: 河西镇"),
    "parent not one level up": ("  - id: shanqian\n    kind: township",
                                "  - id: shanqian\n    kind: village"),
    "duplicate id": ("  - id: liutang\n", "  - id: hexi\n"),
    "deadline": ("    deadline: 6\n", "    deadline: 9\n"),
    "unknown carrier": ("carriers: [hexi, shanqian, liutang]", "carriers: [hexi, shanqian, x]"),
    "empty list": ("seats: [county_agri, hexi, shanqian, liutang]", "seats: []"),
    "yaml syntax": ("turns: 6\n", "turns: 6\n  oops: : :\n"),
    "duplicate key": ("turns: 6\n", "turns: 6\nturns: 7\n"),
    "tab": ("turns: 6\n", "turns:\t6\n"),
    "unclosed quote": ("turns: 6\n", 'turns: "6\n'),
}


def _messages(text: str) -> list[str]:
    try:
        scenario = parse_scenario(text, "s.yaml")
    except ScenarioError as err:
        return [p.message for p in err.problems]
    return [p.message for p in lint(scenario, text=text, known_rules=set())]


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_every_message_of_a_broken_file_reads_in_chinese(case: str) -> None:
    old, new = BROKEN[case]
    assert old in TUTORIAL, case
    messages = _messages(TUTORIAL.replace(old, new, 1))
    assert messages, case
    for message in messages:
        assert known(message), message


def test_lint_warnings_read_in_chinese() -> None:
    text = TUTORIAL.replace("    capacity: {reclaim: 1200}\n", "").replace(
        "name: {zh: 河西镇, en: Hexi town}", "name: {zh: Hexi, en: Hexi}")
    messages = _messages(text)
    assert len(messages) >= 2
    assert all(known(m) for m in messages), messages


def test_a_located_message_keeps_its_field() -> None:
    assert chinese("tasks.0.deadline: Input should be greater than or equal to 1") == (
        "tasks.0.deadline：应大于或等于 1")
    assert chinese("unknown key 'colour'") == "未知的键“colour”"
    assert chinese("units.3.parent: the parent of a village must be one level up (township or "
                   "subdistrict), not the county 'c_county'") == (
        "units.3.parent：村的上级必须高一级（township or subdistrict），不能是县“c_county”")


def test_an_unknown_message_is_shown_as_it_is() -> None:
    assert chinese("something nobody wrote") == "something nobody wrote"
