"""Renaming a unit or a task: every reference to the old id follows the new one.

Pure Python over a ScenarioDocument. Used when an author changes an id in a form, so that a
rename is one edit, not a dozen errors.
"""

from __future__ import annotations

from typing import Any

from game.scenario.document import Path, ScenarioDocument


def _items(doc: ScenarioDocument, section: str) -> list[Any]:
    found = doc.get((section,), []) or []
    return found if isinstance(found, list) else []


def _swap(doc: ScenarioDocument, path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` where the value at `path` is it, or a list holding it."""
    value = doc.get(path)
    if value == old:
        doc.set(path, new)
    elif isinstance(value, list) and old in value:
        doc.set(path, [new if v == old else v for v in value])


def _rekey(doc: ScenarioDocument, path: Path, old: str, new: str) -> None:
    if isinstance(doc.get(path), dict):
        doc.rename_key(path, old, new)


def taken(doc: ScenarioDocument, section: str, ident: str) -> bool:
    """Whether more than one item of `section` has the id `ident`."""
    return sum(1 for item in _items(doc, section)
               if isinstance(item, dict) and item.get("id") == ident) > 1


def rename_unit(doc: ScenarioDocument, old: str, new: str) -> None:
    """Point every reference to unit `old` at `new` (the unit itself already has its new id)."""
    with doc.batch():
        for index, _ in enumerate(_items(doc, "units")):
            _swap(doc, ("units", index, "parent"), old, new)
        _swap(doc, ("seats",), old, new)
        _rekey(doc, ("styles", "by_unit"), old, new)
        for index, _ in enumerate(_items(doc, "tasks")):
            for field in ("owners", "carriers"):
                _swap(doc, ("tasks", index, field), old, new)
            for field in ("slow_start", "markup_by_unit"):
                _rekey(doc, ("tasks", index, field), old, new)
        for index, _ in enumerate(_items(doc, "relations")):
            for field in ("superior", "subordinate"):
                _swap(doc, ("relations", index, field), old, new)
        for index, _ in enumerate(_items(doc, "events")):
            _swap(doc, ("events", index, "targets"), old, new)
            _swap(doc, ("events", index, "effects", "inspector"), old, new)


def rename_task(doc: ScenarioDocument, old: str, new: str) -> None:
    """Point every reference to task `old` at `new`."""
    with doc.batch():
        for index, _ in enumerate(_items(doc, "units")):
            _rekey(doc, ("units", index, "capacity"), old, new)
        for index, _ in enumerate(_items(doc, "events")):
            _swap(doc, ("events", index, "task"), old, new)
            _swap(doc, ("events", index, "effects", "activates_task"), old, new)


RENAMES = {"Unit": ("units", rename_unit), "Task": ("tasks", rename_task)}
