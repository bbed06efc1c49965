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


# ----- the reveal ----------------------------------------------------------------------------

#: Requests sent up, by the event that files them, and the hidden field that says they were
#: untrue (False) or true.
_REQUEST_TRUTH = {"explain_shortfall": "truthful", "propose_target": "honest",
                  "request_coordination": "beyond_unit", "request_policy": "capacity_short"}


def reveal(game: Game) -> dict[str, Any]:
    """What was hidden, once the game is over: true capacities, false figures and causes
    (caught or not), who colluded, each with the events that show it.

    Returns:
        {"capacities": [{"unit", "task", "capacity" (true, task unit), "target",
        "delivered", "reported", "estimate" (the superior's, or None), "superior"}],
        "false_figures": [{"seq", "turn", "unit", "superior", "task", "overstate",
        "caught" (bool), "how" ("check" | "inspection" | None), "events" [seqs: the report,
        the finding, its answer, a collusion that let it stand]}],
        "false_requests": [{"seq", "turn", "unit", "superior", "task", "kind", "causes"
        (false causes cited), "lowball" (share below capacity), "caught", "accepted",
        "events"}], "collusions": [{"seq", "turn", "superior", "unit", "task", "amount",
        "how", "events"}]}. Event seqs index `game.log`.
        Reading the hidden part of events is the debrief's privilege (paper 二.1: the
        information asymmetry the game turns on is lifted only here).
    """
    by_kind: dict[str, list[Event]] = {}
    for event in game.log:
        by_kind.setdefault(event.kind, []).append(event)
    by_request: dict[int, list[Event]] = {}
    for kind in ("request_answered", "false_cause_detected", "request_unfounded",
                 "falsification_detected"):
        for event in by_kind.get(kind, ()):
            by_request.setdefault(int(event.data.get("request", -1)), []).append(event)
    return {
        "capacities": _capacities(game),
        "false_figures": _false_figures(by_kind, by_request),
        "false_requests": _false_requests(by_kind, by_request),
        "collusions": [
            {"seq": e.seq, "turn": e.turn, "superior": e.actor, "unit": e.target,
             "task": e.task, "amount": e.data.get("amount", 0.0), "how": e.data.get("how", ""),
             "events": [e.seq]}
            for e in by_kind.get("collusion", ())],
    }


def _capacities(game: Game) -> list[dict[str, Any]]:
    rows = []
    for task in game.scenario.tasks:
        if task.id not in game.tasks or game.tasks[task.id].start > game.turn:
            continue
        for unit in task.carriers:
            assignment = game.assignments[(unit, task.id)]
            relation = game.relations.get((assignment.superior or "", unit))
            known = relation.estimates.get(task.id) if relation else None
            rows.append({"unit": unit, "task": task.id, "superior": assignment.superior or "",
                         "capacity": round(assignment.capacity, 3),
                         "target": round(assignment.target, 3),
                         "delivered": round(assignment.delivered, 3),
                         "reported": round(assignment.reported, 3),
                         "estimate": None if known is None else round(known, 3)})
    return rows


def _false_figures(by_kind: dict[str, list[Event]],
                   by_request: dict[int, list[Event]]) -> list[dict[str, Any]]:
    found = {(e.turn, e.target, e.task): e for e in by_kind.get("falsification_detected", ())}
    inspections = [e for e in by_kind.get("inspection", ()) if e.data.get("falsification_found")]
    condoned = {(e.turn, e.target, e.task): e for e in by_kind.get("collusion", ())
                if e.data.get("how") == "condoned"}
    rows = []
    for report in by_kind.get("report_progress", ()):
        if not report.hidden.get("overstate"):
            continue
        key = (report.turn, report.actor, report.task)
        check = found.get(key)
        inspection = next((e for e in inspections if e.turn >= report.turn
                           and e.target == report.actor and e.task == report.task), None)
        events = [report.seq]
        how = None
        if check is not None:
            how = "check"
            events.append(check.seq)
            events += [e.seq for e in by_request.get(int(check.data.get("request", -1)), ())
                       if e.kind == "request_answered"]
            let = next((e for (t, u, k), e in condoned.items() if t >= check.turn
                        and (u, k) == (report.actor, report.task)), None)
            events += [let.seq] if let is not None else []
        elif inspection is not None:
            how = "inspection"
            events.append(inspection.seq)
        rows.append({"seq": report.seq, "turn": report.turn, "unit": report.actor,
                     "superior": report.target, "task": report.task,
                     "overstate": report.hidden["overstate"], "caught": how is not None,
                     "how": how, "events": sorted(set(events))})
    return rows


def _false_requests(by_kind: dict[str, list[Event]],
                    by_request: dict[int, list[Event]]) -> list[dict[str, Any]]:
    rows = []
    for kind, flag in _REQUEST_TRUTH.items():
        for event in by_kind.get(kind, ()):
            if event.hidden.get(flag, True):
                continue
            related = by_request.get(int(event.data.get("request", -1)), [])
            answer = next((e for e in related if e.kind == "request_answered"), None)
            rows.append({
                "seq": event.seq, "turn": event.turn, "unit": event.actor,
                "superior": event.target, "task": event.task, "kind": kind,
                "causes": list(event.hidden.get("false_causes", ())),
                "lowball": event.hidden.get("lowball", 0.0),
                "caught": any(e.kind != "request_answered" for e in related),
                "accepted": bool(answer and answer.data.get("accepted")),
                "events": sorted({event.seq, *(e.seq for e in related)})})
    return sorted(rows, key=lambda r: r["seq"])
