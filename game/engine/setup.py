"""Build a game's starting world from its scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.state import Assignment, RelationState, TaskState, UnitState

if TYPE_CHECKING:
    from game.engine.world import World
    from game.scenario.models import Unit


def build_world(game: World) -> None:
    """Fill the game's units, tasks, assignments and relations from the scenario."""
    scenario, params = game.scenario, game.params
    for unit in scenario.units:
        game.units[unit.id] = UnitState(
            id=unit.id,
            kind=unit.kind,
            cadre_time=unit.cadre_time,
            funds=unit.funds,
            morale=unit.morale,
            local_needs=unit.local_needs,
            social_resources=unit.social_resources,
            main_responsibility=unit.main_responsibility,
            standing=params.standing_start,
        )
    specs = {unit.id: unit for unit in scenario.units}
    for task in scenario.tasks:
        game.tasks[task.id] = TaskState(task.id, task.start_turn, task.deadline)
        _build_assignments(game, task.id, specs)
    _build_relations(game)


def _build_assignments(game: World, task_id: str, specs: dict[str, Unit]) -> None:
    task = game.task_by_id[task_id]
    even_share = task.original_target / len(task.carriers)
    for carrier in task.carriers:
        capacity = specs[carrier].capacity.get(task_id, even_share)
        game.assignments[(carrier, task_id)] = Assignment(
            unit=carrier,
            task=task_id,
            superior=game.hierarchy.superior(carrier, task_id),
            capacity=capacity,
            capacity0=capacity,
            cadence=task.cadence,
        )
    for owner in reversed(task.owners):
        subs = game.hierarchy.subordinates(owner, task_id)
        capacity = sum(game.assignments[(s, task_id)].capacity for s in subs)
        game.assignments[(owner, task_id)] = Assignment(
            unit=owner,
            task=task_id,
            superior=game.hierarchy.superior(owner, task_id),
            capacity=capacity,
            capacity0=capacity,
            cadence=task.cadence,
        )


def _build_relations(game: World) -> None:
    defaults = game.scenario.relation_defaults
    listed = {(r.superior, r.subordinate): r for r in game.scenario.relations}
    for (unit, task), assignment in sorted(game.assignments.items()):
        del task
        superior = assignment.superior
        if superior is None or (superior, unit) in game.relations:
            continue
        spec = listed.get((superior, unit))
        source = spec if spec is not None else defaults
        game.relations[(superior, unit)] = RelationState(
            superior=superior,
            subordinate=unit,
            familiarity=source.familiarity,
            symmetry=source.information_symmetry,
            trust=source.trust,
        )


def shift_capacity(game: World, unit_id: str, task_id: str, delta: float) -> None:
    """Change a carrier's true capacity; its owners' capacity (their subordinates' sum)
    follows, up the task's line."""
    cursor: str | None = unit_id
    while cursor is not None:
        game.assignments[(cursor, task_id)].capacity += delta
        cursor = game.hierarchy.superior(cursor, task_id)
