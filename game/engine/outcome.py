"""The plain figures of a game: what was asked, negotiated and delivered, and at what cost."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine.assessment import figure_one

if TYPE_CHECKING:
    from collections.abc import Iterable

    from game.engine.events import Event
    from game.engine.world import World

CARRIERS = ("township", "subdistrict")


def by_kind(game: World) -> dict[str, list[Event]]:
    """The log's events grouped by kind, in log order."""
    groups: dict[str, list[Event]] = {}
    for event in game.log:
        groups.setdefault(event.kind, []).append(event)
    return groups


def outcome(game: World, groups: dict[str, list[Event]] | None = None) -> dict[str, Any]:
    """Totals per task (Figure 1) and the game's costs, as JSON-ready data.

    Args:
        groups: the log's events by kind (see `by_kind`), when the caller has them already.
    """
    groups = groups if groups is not None else by_kind(game)
    cycles = _cycles(game, groups.get("task_closed", []))
    tasks = {task_id: runs[-1] for task_id, runs in cycles.items()}
    every = [run for runs in cycles.values() for run in runs]
    original = sum(float(run["original"]) for run in every)
    external = sum(float(run["escalated"][-1]) for run in every if run["escalated"])
    delivered = sum(float(run["delivered"]) for run in every)
    kinds = {unit.id: unit.kind for unit in game.scenario.units}
    turns = [e.data for e in groups.get("unit_turn", ()) if kinds[e.actor] in CARRIERS]
    return {
        "turns_played": game.turn,
        "over": game.over,
        "tasks": tasks,
        "delivered_vs_original": _pct(delivered, original),
        "delivered_vs_external": _pct(delivered, external),
        "accountability_events": len(groups.get("accountability", ())),
        "mean_overload": _mean(t["overload"] for t in turns),
        "mean_formalism": _mean(t["formalism"] for t in turns),
        "events": len(game.log),
    }


def _cycles(game: World, closed: list[Event]) -> dict[str, list[dict[str, Any]]]:
    """Each task's figures per cycle: every closed cycle, then a running or unstarted one.

    A recurring task counts every cycle in the totals; the `tasks` entry shows the last.
    """
    cycles: dict[str, list[dict[str, Any]]] = {t: [] for t in game.task_by_id}
    for event in closed:
        cycles[event.task].append({k: v for k, v in event.data.items() if k != "cycle"})
    for task_id, state in game.tasks.items():
        if state.active or not cycles[task_id]:
            figures = figure_one(game, task_id)
            figures.pop("capacity", None)
            cycles[task_id].append(figures)
    return cycles


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items), 4) if items else 0.0


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0
