"""A small valid scenario with known line numbers, and helpers to break it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import Problem, ScenarioError, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))

#: Line numbers in comments; tests that break a line assert its exact position.
MINIMAL = """\
schema_version: 1
id: mini
title: {zh: 小测试, en: Small test}
briefing: {zh: 测试用。, en: For tests.}
turns: 4
units:
  - id: county
    kind: county
    name: {zh: 县, en: County}
  - id: bureau
    kind: bureau
    parent: county
    name: {zh: 农业局, en: Agriculture bureau}
  - id: town_a
    kind: township
    parent: county
    name: {zh: 甲镇, en: Town A}
    capacity: {rice: 600}
  - id: town_b
    kind: township
    parent: county
    name: {zh: 乙镇, en: Town B}
    capacity: {rice: 500}
  - id: village_a
    kind: village
    parent: town_a
    name: {zh: 甲村, en: Village A}
tasks:
  - id: rice
    name: {zh: 早稻, en: Early rice}
    unit_label: {zh: 亩, en: mu}
    original_target: 1000
    owners: [bureau]
    carriers: [town_a, town_b]
    deadline: 4
seats: [bureau, town_a, town_b]
"""


def line(number: int) -> str:
    """Line `number` (from 1) of MINIMAL, with its newline."""
    return MINIMAL.splitlines(keepends=True)[number - 1]


def broken(number: int, new: str) -> str:
    """MINIMAL with line `number` replaced by `new` (several lines, or none, allowed)."""
    lines = MINIMAL.splitlines(keepends=True)
    lines[number - 1] = new
    return "".join(lines)


def problems(text: str, file: str = "broken.yaml") -> list[Problem]:
    """The problems of a text that must not load."""
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, file)
    found = caught.value.problems
    assert found, "a ScenarioError must carry its problems"
    assert {p.file for p in found} == {file}
    assert all(p.line >= 1 and p.col >= 1 and p.message for p in found)
    return found


def only_problem(text: str) -> Problem:
    """The one problem of a text that must not load."""
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]
