"""The plain figures of a game: what was asked, negotiated and delivered, and at what cost."""

from __future__ import annotations

from statistics import mean
from typing import TYPE_CHECKING, Any

from game.engine.assessment import figure_one

if TYPE_CHECKING:
    from game.engine.game import Game

CARRIERS = ("township", "subdistrict")


def outcome(game: Game) -> dict[str, Any]:
    """Totals per task (Figure 1) and the game's costs, as JSON-ready data."""
    cycles = _cycles(game)
    tasks = {task_id: runs[-1] for task_id, runs in cycles.items()}
    every = [run for runs in cycles.values() for run in runs]
    original = sum(float(run["original"]) for run in every)
    external = sum(float(run["escalated"][-1]) for run in every if run["escalated"])
    delivered = sum(float(run["delivered"]) for run in every)
    turns = [e.data for e in game.log if e.kind == "unit_turn" and _carrier(game, e.actor)]
    return {
        "turns_played": game.turn,
        "over": game.over,
        "tasks": tasks,
        "delivered_vs_original": _pct(delivered, original),
        "delivered_vs_external": _pct(delivered, external),
        "accountability_events": sum(1 for e in game.log if e.kind == "accountability"),
        "mean_overload": round(mean(t["overload"] for t in turns), 4) if turns else 0.0,
        "mean_formalism": round(mean(t["formalism"] for t in turns), 4) if turns else 0.0,
        "events": len(game.log),
    }


def _cycles(game: Game) -> dict[str, list[dict[str, Any]]]:
    """Each task's figures per cycle: every closed cycle, then a running or unstarted one.

    A recurring task counts every cycle in the totals; the `tasks` entry shows the last.
    """
    cycles: dict[str, list[dict[str, Any]]] = {t: [] for t in game.task_by_id}
    for event in game.log:
        if event.kind == "task_closed":
            cycles[event.task].append({k: v for k, v in event.data.items() if k != "cycle"})
    for task_id, state in game.tasks.items():
        if state.active or not cycles[task_id]:
            figures = figure_one(game, task_id)
            figures.pop("capacity", None)
            cycles[task_id].append(figures)
    return cycles


def _carrier(game: Game, unit_id: str) -> bool:
    return game.hierarchy.kind(unit_id) in CARRIERS


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0
