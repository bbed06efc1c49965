"""Lint: problems a valid scenario can still have, as located warnings and errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from game.scenario.lines import task_superiors
from game.scenario.models import Scenario, Text
from game.scenario.reader import Problem, ScenarioError, locate, read, read_file

CJK = re.compile(r"[\u4e00-\u9fff]")


def lint(
    scenario: Scenario,
    path: Path | None = None,
    text: str | None = None,
    known_rules: set[str] | None = None,
    root: Any = None,
) -> list[Problem]:
    """Every lint finding for a scenario that already validates, sorted by position.

    Each check is linear in the scenario's size (a 42,555-unit province lints in seconds).
    The file is read only when there is a finding to locate and no tree was given.

    Args:
        path: the file (its name labels the findings; read only if `text` and `root` are None).
        text: the file's text, read through the one reader to locate findings.
        known_rules: rule ids the scoring knows; overrides naming others are errors.
        root: the file's tree when the caller holds it already (`Reading.root`, or the
            editor's round-trip tree).
    """
    file = str(path) if path is not None else "<scenario>"
    found: list[Finding] = []
    found += _capacity(scenario)
    found += _unreachable(scenario)
    found += _idle_tasks(scenario)
    found += _events(scenario)
    found += _translations(scenario)
    found += _overrides(scenario, known_rules)
    if found and root is None:
        try:
            if text is None and path is not None:
                text = read_file(path)
            root = read(text, file).root if text is not None else None
        except ScenarioError as err:
            return err.problems
    problems = []
    for loc, severity, message in found:
        line, col = locate(root, loc) if root is not None else (1, 1)
        problems.append(Problem(file, line, col, message, severity))
    return sorted(problems, key=lambda p: (p.line, p.col, p.message))


Finding = tuple[tuple[str | int, ...], str, str]


def _capacity(scenario: Scenario) -> list[Finding]:
    """Carriers without a capacity for their task, and tasks no capacity can meet."""
    position = {unit.id: (index, unit) for index, unit in enumerate(scenario.units)}
    found: list[Finding] = []
    for index, task in enumerate(scenario.tasks):
        total = 0.0
        for carrier in task.carriers:
            pos, unit = position[carrier]
            if task.id not in unit.capacity:
                found.append((("units", pos, "capacity"), "warning",
                              f"carrier '{carrier}' has no capacity for task '{task.id}': its "
                              f"even share of the original target is assumed"))
                total += task.original_target / len(task.carriers)
            else:
                total += unit.capacity[task.id]
        if total < 0.5 * task.original_target:
            found.append((("tasks", index, "original_target"), "warning",
                          f"no capacity can meet task '{task.id}': its carriers can deliver "
                          f"{total:g} of {task.original_target:g}"))
    return found


def _unreachable(scenario: Scenario) -> list[Finding]:
    on_lines: set[str] = set()
    for task in scenario.tasks:
        on_lines.update(task_superiors(scenario, task))
    parents = {u.parent for u in scenario.units if u.parent}
    found: list[Finding] = []
    for index, unit in enumerate(scenario.units):
        if unit.kind == "village":
            if unit.parent not in on_lines:
                found.append((("units", index), "warning",
                              f"village '{unit.id}' belongs to a township that carries no task"))
        elif unit.id not in on_lines and unit.id not in parents:
            found.append((("units", index), "warning",
                          f"unit '{unit.id}' is on no task's line and has no units below it"))
    return found


def _idle_tasks(scenario: Scenario) -> list[Finding]:
    activated = {e.effects.activates_task for e in scenario.events}
    found: list[Finding] = []
    for index, task in enumerate(scenario.tasks):
        if task.start_turn > scenario.turns and task.id not in activated:
            found.append((("tasks", index, "start_turn"), "error",
                          f"task '{task.id}' starts after the last turn"))
    return found


def _events(scenario: Scenario) -> list[Finding]:
    found: list[Finding] = []
    for index, event in enumerate(scenario.events):
        if event.turn is None and event.window is not None:
            first, last = event.window
            if first > scenario.turns:
                found.append((("events", index, "window"), "error",
                              f"event '{event.id}' can never fire: its window opens after the "
                              f"last turn"))
        if event.task is not None:
            task = next(t for t in scenario.tasks if t.id == event.task)
            when = event.turn if event.turn is not None else (event.window or (1, 1))[1]
            if when < task.start_turn and event.effects.activates_task != task.id:
                found.append((("events", index), "warning",
                              f"event '{event.id}' touches task '{task.id}' before it starts"))
    return found


def _translations(scenario: Scenario) -> list[Finding]:
    found: list[Finding] = []
    for loc, text in _texts(scenario.model_dump(), ()):
        if not (isinstance(text["zh"], str) and isinstance(text["en"], str)):
            continue  # a rule of the scenario's own with numbers for text: its check says so
        if not CJK.search(text["zh"]):
            found.append((loc, "warning", "the Chinese text has no Chinese in it (untranslated?)"))
        if text["zh"].strip() == text["en"].strip():
            found.append((loc, "warning", "the Chinese and English texts are the same"))
    return found


def _texts(node: Any, loc: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], Any]]:
    if isinstance(node, dict):
        if set(node) == set(Text.model_fields):
            return [(loc, node)]
        return [hit for key, value in node.items() for hit in _texts(value, (*loc, key))]
    if isinstance(node, list):
        return [hit for i, value in enumerate(node) for hit in _texts(value, (*loc, i))]
    return []


def _overrides(scenario: Scenario, known: set[str] | None) -> list[Finding]:
    if known is None:
        return []
    found: list[Finding] = []
    for section in ("weights", "thresholds"):
        for rule_id in getattr(scenario.scoring, section):
            if rule_id not in known:
                found.append((("scoring", section, rule_id), "error",
                              f"scoring override names unknown rule '{rule_id}'"))
    return found
