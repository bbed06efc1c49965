"""What the world can confirm: which objective causes are true for a unit on a task."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.directives import event_targets

if TYPE_CHECKING:
    from game.engine.world import World


def true_causes(game: World, unit_id: str, task_id: str) -> set[str]:
    """The causes of GAME.md's explanations that really hold for this unit now."""
    unit = game.units[unit_id]
    causes: set[str] = set()
    assignment = game.assignments[(unit_id, task_id)]
    subs = game.hierarchy.subordinates(unit_id, task_id)
    if _weather(game, unit_id, task_id, subs):
        causes.add("weather")
    if assignment.target > assignment.capacity * 1.05:
        causes.add("capacity_limit")
    central = sum(
        1 for t in game.hierarchy.tasks_of(unit_id)
        if game.tasks[t].active and game.task_by_id[t].central
    )
    if unit.overload > 1.1 or central >= game.params.central_overload:
        causes.add("overload")
    if in_preparation(game, unit_id, task_id, margin=1):
        causes.add("data_preparation")
    if _petitions(game, unit_id):
        causes.add("petition_surge")
    if unit.funds < 1.0:
        causes.add("funding_gap")
    return causes


def _weather(game: World, unit_id: str, task_id: str, subs: list[str]) -> bool:
    units = [unit_id, *subs]
    return any(
        game.turn - game.assignments[(u, task_id)].weather_turn <= 2
        for u in units
        if (u, task_id) in game.assignments
    )


def _petitions(game: World, unit_id: str) -> bool:
    for event in game.scenario.events:
        if event.kind != "petition_surge" or event.id not in game.fired_events:
            continue
        fired_turn = game.fired_turns.get(event.id, -99)
        if game.turn - fired_turn <= 2 and unit_id in _targets(game, event.id):
            return True
    return False


def _targets(game: World, event_id: str) -> list[str]:
    event = game.event_by_id[event_id]
    return event_targets(game, event)


def in_preparation(game: World, unit_id: str, task_id: str, margin: int = 0) -> bool:
    """Whether the unit is gathering data first on the task (K town), or just finished."""
    task = game.task_by_id[task_id]
    turns = task.slow_start.get(unit_id, 0)
    if not turns or not game.tasks[task_id].active:
        return False
    elapsed = game.turn - game.tasks[task_id].start + 1
    return elapsed <= turns + margin
