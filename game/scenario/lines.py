"""The lines along which tasks travel: who is whose superior for which task."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario.models import Scenario, Task


def task_superiors(scenario: Scenario, task: Task) -> dict[str, str | None]:
    """Map each unit on the task's line to its superior for that task (None at the top).

    A bureau speaks for the government it belongs to; a carrier's superior is the owner that
    speaks for the carrier's county, and an owner's superior is the owner that speaks for the
    government one level up. References are assumed valid (see references.py).
    """
    kinds = {unit.id: unit.kind for unit in scenario.units}
    parents = {unit.id: unit.parent for unit in scenario.units}

    def government(unit_id: str) -> str:
        if kinds.get(unit_id) == "bureau":
            return parents.get(unit_id) or unit_id
        return unit_id

    speaker = {government(owner): owner for owner in task.owners if owner in kinds}
    superiors: dict[str, str | None] = {}
    for owner in task.owners:
        parent = parents.get(government(owner))
        superiors[owner] = speaker.get(parent) if parent is not None else None
    for carrier in task.carriers:
        superiors[carrier] = speaker.get(parents.get(carrier) or "")
    return superiors


def adjacent_pairs(scenario: Scenario) -> set[tuple[str, str]]:
    """Every (superior, subordinate) pair adjacent on some task."""
    pairs: set[tuple[str, str]] = set()
    for task in scenario.tasks:
        for unit_id, superior in task_superiors(scenario, task).items():
            if superior is not None:
                pairs.add((superior, unit_id))
    return pairs
