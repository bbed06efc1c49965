"""The assess phase: figures go on the record, superiors judge by regime, tasks close."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine.accountability import sanction
from game.engine.findings import inflated_reason
from game.engine.reasons import expiry_reason
from game.engine.world import ratio

if TYPE_CHECKING:
    from game.engine.world import World


def assess(game: World) -> None:
    """File reports, catch lies, judge each subordinate, inspect, close tasks, fade memories."""
    _expire_requests(game)
    for unit in game.units.values():
        unit.pressure *= game.params.pressure_decay
    for task_id in game.active_tasks():
        _file_reports(game, task_id)
        _inspect(game, task_id)
        _judge(game, task_id)
    _fade_relations(game)
    for task_id in game.active_tasks():
        if game.tasks[task_id].deadline == game.turn:
            close_task(game, task_id)


def _expire_requests(game: World) -> None:
    for request in game.requests.unanswered():
        if request.turn <= game.turn and request.kind != "discrepancy":
            reason = expiry_reason(game, request)
            request.answered = False
            game.emit("request_answered", actor=request.receiver, target=request.sender,
                      task=request.task, data={"request": request.id, "request_kind":
                                               request.kind, "accepted": False, "expired": True,
                                               "reason": reason},
                      hidden={"truthful": request.truthful, "detected": request.detected})


def _file_reports(game: World, task_id: str) -> None:
    """New overstatements go on the record; a superior may catch them; owners aggregate."""
    task = game.task_by_id[task_id]
    for unit_id in (*task.carriers, *reversed(task.owners)):
        assignment = game.assignments[(unit_id, task_id)]
        subs = game.hierarchy.subordinates(unit_id, task_id)
        if subs:
            subs_a = [game.assignments[(s, task_id)] for s in subs]
            assignment.delivered = sum(a.delivered for a in subs_a)
            assignment.inflation = assignment.own_inflation + sum(a.inflation for a in subs_a)
        if assignment.overstate_now > 0:
            assignment.own_inflation += assignment.overstate_now
            assignment.inflation += assignment.overstate_now
            _maybe_detect(game, unit_id, task_id, assignment.overstate_now)
        assignment.overstate_now = 0.0
        _put_on_record(game, unit_id, task_id)


def report_due(game: World, unit_id: str, task_id: str) -> bool:
    """Whether the task's cadence asks the unit for a progress report this turn.

    Daily and weekly reports fall due every turn (a turn is `turn_days` days); a monthly one
    every ~30 days of turns (paper 三: 日报表、周考核、月通报).
    """
    assignment = game.assignments[(unit_id, task_id)]
    if assignment.superior is None:
        return False
    if assignment.cadence != "monthly":
        return True
    every = max(1, round(30 / game.scenario.turn_days))
    return (game.turn - game.tasks[task_id].start + 1) % every == 0


def _put_on_record(game: World, unit_id: str, task_id: str) -> None:
    """A filed report updates the superior's record; a missing one is noticed and leaves the
    record where it was (the superior judges what it was sent, not what happened)."""
    assignment = game.assignments[(unit_id, task_id)]
    if assignment.report_turn == game.turn or not report_due(game, unit_id, task_id):
        if assignment.report_turn == game.turn:
            assignment.on_record = assignment.reported
        return
    superior = assignment.superior or ""
    relation = game.relations[(superior, unit_id)]
    relation.trust = max(0.0, relation.trust - game.params.trust_missing_report)
    unit = game.units[unit_id]
    unit.pressure = min(1.0, unit.pressure + game.params.pressure_missing_report)
    game.emit("report_missing", actor=unit_id, target=superior, task=task_id,
              data={"cadence": assignment.cadence, "on_record": round(assignment.on_record, 3)})


def _maybe_detect(game: World, unit_id: str, task_id: str, amount: float) -> None:
    superior = game.hierarchy.superior(unit_id, task_id)
    if superior is None:
        return
    fuzz = game.task_by_id[task_id].fuzziness
    assignment = game.assignments[(unit_id, task_id)]
    done, length = game.elapsed(task_id)
    due = max(1.0, assignment.target * done / length)
    chance = game.lie_chance(superior, unit_id, amount / due, fuzz)
    supervised = (unit_id, task_id) in game.supervised
    if supervised:
        chance = min(1.0, chance + 0.2)
    if not game.chance(chance):
        return
    relation = game.relations[(superior, unit_id)]
    relation.trust = max(0.0, relation.trust - game.params.trust_lie)
    relation.memory.append((game.turn, -1.0))
    request = game.requests.add(game.turn, "discrepancy", unit_id, superior, task_id,
                                {"amount": round(amount, 3)}, truthful=False, detected=True)
    game.emit("falsification_detected", actor=superior, target=unit_id, task=task_id,
              data={"request": request.id, "amount": round(amount, 3),
                    "reason": inflated_reason(game, superior, unit_id, task_id, amount, due,
                                              supervised)})


def _inspect(game: World, task_id: str) -> None:
    """A cross-level inspection checks carriers on the ground against the escalated quota."""
    for event_id, targets in sorted(game.inspected.items()):
        event = game.event_by_id[event_id]
        if event.task not in (None, task_id):
            continue
        inspector = event.effects.inspector or ""
        for carrier in game.task_by_id[task_id].carriers:
            if carrier in targets:
                _inspect_one(game, inspector, carrier, task_id)


def _inspect_one(game: World, inspector: str, carrier: str, task_id: str) -> None:
    assignment = game.assignments[(carrier, task_id)]
    done, length = game.elapsed(task_id)
    expected = assignment.external * done / length
    pace = ratio(assignment.delivered, expected)
    found = assignment.inflation > 0 and game.chance(game.params.inspection_detect)
    game.units[carrier].spend("rework", game.params.inspection_cost)
    game.emit("inspection", actor=inspector, target=carrier, task=task_id,
              data={"ratio": round(pace, 4), "expected": round(expected, 3),
                    "delivered": round(assignment.delivered, 3), "falsification_found": found})
    if found:
        assignment.inflation = assignment.own_inflation = 0.0
        assignment.on_record = min(assignment.on_record, assignment.delivered)
        sanction(game, inspector, carrier, task_id, "talk", "inspection")
    if pace < game.params.pace_notice:
        sanction(game, inspector, carrier, task_id, "notice", "inspection")


def _judge(game: World, task_id: str) -> None:
    task = game.task_by_id[task_id]
    done, length = game.elapsed(task_id)
    at_deadline = game.tasks[task_id].deadline == game.turn
    for owner in task.owners:
        subs = game.hierarchy.subordinates(owner, task_id)
        _record_space(game, owner, subs, task_id)
        ratios = {s: _assess_one(game, owner, s, task_id, done / length) for s in subs}
        _apply_regime(game, owner, task_id, ratios, at_deadline)


def _record_space(game: World, owner: str, subs: list[str], task_id: str) -> None:
    """The level's negotiation space this turn: the markup left after the bargaining."""
    own = game.assignments[(owner, task_id)]
    negotiated = sum(game.assignments[(s, task_id)].target for s in subs)
    game.emit("negotiation_space", actor=owner, task=task_id,
              data={"owed": round(own.target, 3), "passed_down": round(own.passed_down, 3),
                    "negotiated": round(negotiated, 3), "space": round(negotiated - own.target,
                                                                       3)})


def _assess_one(game: World, superior: str, sub: str, task_id: str, share: float) -> float:
    assignment = game.assignments[(sub, task_id)]
    expected = assignment.target * share
    pace = ratio(assignment.on_record, expected)
    game.emit("assessment", actor=superior, target=sub, task=task_id,
              data={"reported": round(assignment.on_record, 3), "target": round(assignment.target,
                    3), "expected": round(expected, 3), "ratio": round(pace, 4),
                    "cadence": assignment.cadence, "grace": game.turn <= assignment.grace_until},
              hidden={"delivered": round(assignment.delivered, 3),
                      "inflation": round(assignment.inflation, 3)})
    assignment.last_ratio = pace
    if assignment.cadence == "daily":
        unit = game.units[sub]
        unit.pressure = min(1.0, unit.pressure + game.params.pressure_daily)
    return pace


def _apply_regime(
    game: World, owner: str, task_id: str, ratios: dict[str, float], at_deadline: bool
) -> None:
    regime, params = game.task_by_id[task_id].regime, game.params
    if regime == "none" or not ratios:
        return
    ranked = sorted(ratios, key=lambda s: (ratios[s], s))
    if regime in ("ranking", "elimination"):
        game.emit("ranking_published", actor=owner, task=task_id,
                  data={"order": list(reversed(ranked)),
                        "ratios": {s: round(ratios[s], 4) for s in ranked}})
        for sub in ranked[: len(ranked) // 2]:
            unit = game.units[sub]
            unit.pressure = min(1.0, unit.pressure + params.pressure_ranking)
    for sub in ranked:
        assignment = game.assignments[(sub, task_id)]
        lagging = ratios[sub] < params.pace_notice and game.turn > assignment.grace_until
        assignment.lagging = assignment.lagging + 1 if lagging else 0
        if lagging and regime in ("notice", "talk", "veto", "elimination"):
            kind = "talk" if regime == "talk" and assignment.lagging >= 2 else "notice"
            sanction(game, owner, sub, task_id, kind, "regime")
    last = ranked[0]
    if regime == "ranking" and ratios[last] < 1.0 and len(ranked) > 1:
        sanction(game, owner, last, task_id, "ranking", "regime")
    if at_deadline and regime == "veto":
        for sub in ranked:
            assignment = game.assignments[(sub, task_id)]
            if assignment.on_record < params.veto_threshold * assignment.target:
                sanction(game, owner, sub, task_id, "veto", "regime")
    if at_deadline and regime == "elimination" and len(ranked) > 1:
        sanction(game, owner, last, task_id, "elimination", "regime")


def _fade_relations(game: World) -> None:
    params = game.params
    active = set(game.active_tasks())
    for (superior, sub), relation in game.relations.items():
        if not any(game.hierarchy.adjacent(superior, sub, t) for t in active):
            continue
        if relation.symmetry > params.base_symmetry_floor:
            relation.symmetry = max(params.base_symmetry_floor,
                                    relation.symmetry - params.symmetry_decay)
        horizon = game.turn - 4 * params.memory_half_life
        relation.memory = [(t, w) for t, w in relation.memory if t >= horizon]
        game.emit("relation_turn", actor=superior, target=sub,
                  data={"trust": round(relation.trust, 4), "symmetry": round(relation.symmetry,
                        4), "familiarity": round(relation.familiarity, 4),
                        "memory": round(relation.remembered(game.turn, params.memory_half_life),
                                        4)})


def figure_one(game: World, task_id: str) -> dict[str, Any]:
    """Original target, escalated quota at each level, negotiated target, delivered."""
    task = game.task_by_id[task_id]
    levels: dict[int, float] = {}
    for unit_id in (*task.owners, *task.carriers):
        assignment = game.assignments[(unit_id, task_id)]
        depth = _depth(game, unit_id, task_id)
        levels[depth] = levels.get(depth, 0.0) + assignment.external
    carriers = [game.assignments[(c, task_id)] for c in task.carriers]
    return {
        "original": round(game.tasks[task_id].original, 3),
        "escalated": [round(levels[d], 3) for d in sorted(levels)],
        "negotiated": round(sum(a.target for a in carriers), 3),
        "delivered": round(sum(a.delivered for a in carriers), 3),
        "reported": round(sum(a.reported for a in carriers), 3),
        "capacity": round(sum(a.capacity for a in carriers), 3),
    }


def _depth(game: World, unit_id: str, task_id: str) -> int:
    depth, cursor = 0, game.hierarchy.superior(unit_id, task_id)
    while cursor is not None:
        depth += 1
        cursor = game.hierarchy.superior(cursor, task_id)
    return depth


def close_task(game: World, task_id: str) -> None:
    """Close a task at its deadline, with its Figure 1 totals, and ratchet a recurring one."""
    state, task = game.tasks[task_id], game.task_by_id[task_id]
    figures = figure_one(game, task_id)
    capacity = figures.pop("capacity")
    state.active = False
    state.closed = True
    game.emit("task_closed", task=task_id, data={**figures, "cycle": state.cycle},
              hidden={"capacity": capacity})
    if task.recurring and game.turn < game.scenario.turns:
        _ratchet(game, task_id, float(figures["delivered"]))


def _ratchet(game: World, task_id: str, result: float) -> None:
    state, task = game.tasks[task_id], game.task_by_id[task_id]
    lam = task.ratchet_up if result > state.original else task.ratchet_down
    new = max(0.0, state.original + lam * (result - state.original))
    game.emit("ratchet", task=task_id, data={"old": round(state.original, 3),
                                             "result": round(result, 3), "next": round(new, 3),
                                             "lambda": lam})
    length = state.deadline - state.start
    state.original = new
    state.start = game.turn + 1
    state.deadline = min(game.scenario.turns, game.turn + 1 + length)
    state.closed = False
    state.cycle += 1
    for unit_id in (*task.owners, *task.carriers):
        assignment = game.assignments[(unit_id, task_id)]
        assignment.delivered = assignment.inflation = assignment.own_inflation = 0.0
        assignment.on_record = 0.0
        assignment.capacity = assignment.capacity0
        assignment.grace_until = 0
        assignment.lagging = 0
        assignment.prep_disrupted = False
