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
    closed = {e.task: e.data for e in game.log if e.kind == "task_closed"}
    tasks: dict[str, dict[str, Any]] = {}
    for task_id in game.task_by_id:
        figures = dict(closed[task_id]) if task_id in closed else figure_one(game, task_id)
        figures.pop("capacity", None)
        figures.pop("cycle", None)
        tasks[task_id] = figures
    original = sum(float(t["original"]) for t in tasks.values())
    external = sum(float(t["escalated"][-1]) for t in tasks.values() if t["escalated"])
    delivered = sum(float(t["delivered"]) for t in tasks.values())
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


def _carrier(game: Game, unit_id: str) -> bool:
    return game.hierarchy.kind(unit_id) in CARRIERS


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0
