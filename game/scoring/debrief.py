"""Debrief data: the Figure 1 series per task and pressure, workload, trust per turn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine.assessment import figure_one

if TYPE_CHECKING:
    from collections.abc import Iterable

    from game.engine.events import Event
    from game.engine.game import Game

CARRIER_KINDS = ("township", "subdistrict")


def debrief_data(game: Game, by_kind: dict[str, list[Event]] | None = None) -> dict[str, Any]:
    """Everything the debrief screen draws, as plain data."""
    closed = by_kind.get("task_closed") if by_kind is not None else None
    return {"figure1": figure1(game, closed), "series": series(game, by_kind)}


def figure1(game: Game, closed: list[Event] | None = None) -> dict[str, dict[str, Any]]:
    """Per task: original target, escalated quota per level, negotiated, delivered, reported.

    A task closed more than once (recurring) shows its last cycle; a task still running shows
    where it stands now.
    """
    figures: dict[str, dict[str, Any]] = {}
    for event in closed if closed is not None else game.log:
        if event.kind == "task_closed":
            figures[event.task] = {k: v for k, v in event.data.items() if k != "cycle"}
    for task_id, state in game.tasks.items():
        if task_id not in figures and (state.active or state.start <= game.turn):
            data = figure_one(game, task_id)
            data.pop("capacity", None)
            figures[task_id] = data
    return {t: figures[t] for t in game.task_by_id if t in figures}


def series(game: Game, by_kind: dict[str, list[Event]] | None = None) -> dict[str, Any]:
    """Per-turn series for charts: pressure and workload per unit, trust per relation, and
    target, delivered and reported per task (carriers summed).

    Args:
        by_kind: the log's events grouped by kind, when the caller has them already.
    """
    if by_kind is None:
        by_kind = {}
        for event in game.log:
            by_kind.setdefault(event.kind, []).append(event)
    size = game.turn
    pressure: dict[str, list[float | None]] = {}
    workload: dict[str, list[float | None]] = {}
    for event in by_kind.get("unit_turn", ()):
        pressure.setdefault(event.actor, [None] * size)[event.turn - 1] = event.data["pressure"]
        workload.setdefault(event.actor, [None] * size)[event.turn - 1] = event.data["overload"]
    trust: dict[str, list[float | None]] = {}
    for event in by_kind.get("relation_turn", ()):
        key = f"{event.actor}->{event.target}"
        trust.setdefault(key, [None] * size)[event.turn - 1] = event.data["trust"]
    return {"turns": list(range(1, size + 1)), "pressure": pressure, "workload": workload,
            "trust": trust, "progress": _progress(game, by_kind.get("assessment", ()), size)}


def _progress(game: Game, assessments: Iterable[Event], size: int) -> dict[str, Any]:
    kinds = {u.id: u.kind for u in game.scenario.units}
    progress: dict[str, dict[str, list[float]]] = {}
    for event in assessments:
        if kinds[event.target] not in CARRIER_KINDS:
            continue
        index = event.turn - 1
        row = progress.get(event.task)
        if row is None:
            row = progress[event.task] = {k: [0.0] * size for k in
                                          ("target", "delivered", "reported")}
        row["target"][index] += event.data["target"]
        row["delivered"][index] += event.hidden["delivered"]
        row["reported"][index] += event.data["reported"]
    for rows in progress.values():
        for name, values in rows.items():
            rows[name] = [round(v, 3) for v in values]
    return progress
