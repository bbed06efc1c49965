"""New tasks, events and relations: a valid starting point built from the document's units."""

from __future__ import annotations

from typing import Any

from game.scenario.document import ScenarioDocument
from game.ui.editor.units import new_id, units


def new_task(doc: ScenarioDocument) -> dict[str, Any]:
    """A task owned by a county's bureau (or the county) and carried by that county's townships.

    The first county that has townships is chosen, so the new task's line is valid at once.
    """
    found = units(doc)
    kinds = {u.get("id"): u.get("kind") for u in found}
    counties = [u["id"] for u in found if u.get("kind") == "county"]
    county = next((c for c in counties if any(u.get("parent") == c and u.get("kind") in
                                              ("township", "subdistrict") for u in found)),
                  counties[0] if counties else None)
    bureau = next((u["id"] for u in found if u.get("kind") == "bureau"
                   and u.get("parent") == county), None)
    carriers = [u["id"] for u in found if kinds.get(u.get("parent")) == "county"
                and u.get("parent") == county and u.get("kind") in ("township", "subdistrict")]
    return {
        "id": new_id(doc, "task"),
        "name": {"zh": "新任务", "en": "New task"},
        "unit_label": {"zh": "件", "en": "items"},
        "original_target": 1000,
        "owners": [bureau or county or "?"],
        "carriers": carriers or ["?"],
        "deadline": int(doc.get(("turns",), 1) or 1),
    }


def new_event(doc: ScenarioDocument) -> dict[str, Any]:
    """A weather event on the second turn (or the first, in a one-turn scenario)."""
    turns = int(doc.get(("turns",), 1) or 1)
    return {
        "id": new_id(doc, "event"),
        "kind": "weather",
        "name": {"zh": "新事件", "en": "New event"},
        "turn": min(2, turns),
        "effects": {"capacity_factor": 0.9},
    }


def new_relation(doc: ScenarioDocument) -> dict[str, Any]:
    """A relation between a task's first owner and its first carrier, at the defaults."""
    tasks = doc.get(("tasks",), []) or []
    task = tasks[0] if tasks and isinstance(tasks[0], dict) else {}
    owners, carriers = task.get("owners") or ["?"], task.get("carriers") or ["?"]
    defaults = doc.get(("relation_defaults",), {}) or {}
    return {"superior": owners[-1], "subordinate": carriers[0],
            "familiarity": defaults.get("familiarity", 0.5),
            "information_symmetry": defaults.get("information_symmetry", 0.5),
            "trust": defaults.get("trust", 0.5)}


TEMPLATES = {"tasks": new_task, "events": new_event, "relations": new_relation}


BLANK_SCENARIO = """\
# A new scenario. Every field has help in the editor; `python main.py schema` prints them all.
schema_version: 1
id: new_scenario
title: {zh: 新情景, en: New scenario}
briefing:
  zh: 在这里写给玩家的情景简介。
  en: The player's briefing goes here.
turns: 6
units:
  - id: county
    kind: county
    name: {zh: 县委县政府, en: County committee and government}
  - id: county_bureau
    kind: bureau
    parent: county
    name: {zh: 县直部门, en: County bureau}
  - id: township
    kind: township
    parent: county
    name: {zh: 乡镇, en: Township}
    capacity: {task: 1000}
tasks:
  - id: task
    name: {zh: 新任务, en: New task}
    unit_label: {zh: 件, en: items}
    original_target: 1000
    owners: [county_bureau]
    carriers: [township]
    deadline: 6
seats: [county_bureau, township]
"""


def remove_item(doc: ScenarioDocument, section: str, index: int) -> None:
    """Remove a task, event or relation; a task takes the references to it along."""
    task_id = doc.get(("tasks", index, "id")) if section == "tasks" else None
    with doc.batch():
        doc.delete((section, index))
        if task_id is None:
            return
        for number, unit in enumerate(units(doc)):
            if task_id in (unit.get("capacity") or {}):
                doc.delete(("units", number, "capacity", task_id))
        for number, event in enumerate(doc.get(("events",), []) or []):
            if event.get("task") == task_id:
                doc.delete(("events", number, "task"))
            if (event.get("effects") or {}).get("activates_task") == task_id:
                doc.delete(("events", number, "effects", "activates_task"))
