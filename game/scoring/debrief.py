"""Debrief data: the Figure 1 series per task and pressure, workload, trust per turn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine.assessment import figure_one

if TYPE_CHECKING:
    from game.engine.game import Game

CARRIER_KINDS = ("township", "subdistrict")


def debrief_data(game: Game) -> dict[str, Any]:
    """Everything the debrief screen draws, as plain data."""
    return {"figure1": figure1(game), "series": series(game)}


def figure1(game: Game) -> dict[str, dict[str, Any]]:
    """Per task: original target, escalated quota per level, negotiated, delivered, reported.

    A task closed more than once (recurring) shows its last cycle; a task still running shows
    where it stands now.
    """
    figures: dict[str, dict[str, Any]] = {}
    for event in game.log:
        if event.kind == "task_closed":
            figures[event.task] = {k: v for k, v in event.data.items() if k != "cycle"}
    for task_id, state in game.tasks.items():
        if task_id not in figures and (state.active or state.start <= game.turn):
            data = figure_one(game, task_id)
            data.pop("capacity", None)
            figures[task_id] = data
    return {t: figures[t] for t in game.task_by_id if t in figures}


def series(game: Game) -> dict[str, Any]:
    """Per-turn series for charts: pressure and workload per unit, trust per relation, and
    target, delivered and reported per task (carriers summed)."""
    turns = list(range(1, game.turn + 1))
    pressure: dict[str, list[float | None]] = {}
    workload: dict[str, list[float | None]] = {}
    trust: dict[str, list[float | None]] = {}
    progress: dict[str, dict[str, list[float]]] = {}
    size = len(turns)
    for event in game.log:
        index = event.turn - 1
        if event.kind == "unit_turn":
            pressure.setdefault(event.actor, [None] * size)[index] = event.data["pressure"]
            workload.setdefault(event.actor, [None] * size)[index] = event.data["overload"]
        elif event.kind == "relation_turn":
            key = f"{event.actor}->{event.target}"
            trust.setdefault(key, [None] * size)[index] = event.data["trust"]
        elif event.kind == "assessment" and game.hierarchy.kind(event.target) in CARRIER_KINDS:
            row = progress.setdefault(event.task, {k: [0.0] * size for k in
                                                   ("target", "delivered", "reported")})
            row["target"][index] += event.data["target"]
            row["delivered"][index] += event.hidden["delivered"]
            row["reported"][index] += event.data["reported"]
    for rows in progress.values():
        for name, values in rows.items():
            rows[name] = [round(v, 3) for v in values]
    return {"turns": turns, "pressure": pressure, "workload": workload, "trust": trust,
            "progress": progress}
