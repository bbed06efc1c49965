"""The directives phase: a new turn's time, the world's events, and quotas cascading down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.setup import shift_capacity
from game.engine.world import ratio

if TYPE_CHECKING:
    from game.engine.world import World
    from game.scenario.models import ScenarioEvent


def start_turn(game: World) -> None:
    """Reset the turn's cadre time, fire due events and start due tasks."""
    game.emit("turn_started", data={"turn": game.turn})
    game.inspected = {}
    game.done_once = set()
    game.supervised = set()
    for unit in game.units.values():
        if unit.kind != "village":  # villages hold no cadre time of their own
            _reset_unit(game, unit.id)
    for assignment in game.assignments.values():
        assignment.symbolic = False
        assignment.quasi_exit = False
        assignment.overstate_now = 0.0
    for event in game.scenario.events:
        if _fires(game, event):
            fire_event(game, event)
    for task_id, state in game.tasks.items():
        if not state.active and not state.closed and state.start == game.turn:
            start_task(game, task_id)


def _reset_unit(game: World, unit_id: str) -> None:
    unit = game.units[unit_id]
    unit.time_factor = 1.0
    unit.spent = {}
    unit.time_left = unit.cadre_time - unit.outside_problem
    unit.allocation = None
    unit.overtime = False
    unit.local_extra = 0.0
    unit.sanctions = 0
    if unit.outside_problem:
        unit.spent["outside"] = unit.outside_problem
        unit.outside_problem *= 0.5
        if unit.outside_problem < 0.5:
            unit.outside_problem = 0.0
    rework = game.rework_due.pop(unit_id, 0.0)
    if rework:
        unit.spend("rework", rework)


def _fires(game: World, event: ScenarioEvent) -> bool:
    if event.id in game.fired_events:
        return False
    if event.turn is not None:
        return event.turn == game.turn
    first, last = event.window or (1, game.scenario.turns)
    if not first <= game.turn <= last:
        return False
    return game.chance(event.chance)


def event_targets(game: World, event: ScenarioEvent) -> list[str]:
    """The units an event touches: its targets, or the carriers of its task (or of all)."""
    if event.targets:
        return list(event.targets)
    tasks = [event.task] if event.task else list(game.task_by_id)
    seen: dict[str, None] = {}
    for task_id in tasks:
        for carrier in game.task_by_id[task_id].carriers:
            seen[carrier] = None
    return list(seen)


def fire_event(game: World, event: ScenarioEvent) -> None:
    """Apply a world event's effects and announce it."""
    game.fired_events.add(event.id)
    game.fired_turns[event.id] = game.turn
    effects = event.effects
    targets = event_targets(game, event)
    for unit_id in targets:
        _touch_unit(game, event, unit_id)
    if effects.activates_task is not None:
        _activate(game, effects.activates_task)
    if event.kind == "cross_level_inspection":
        game.inspected[event.id] = set(targets)
    game.emit(
        "world_event",
        actor="",
        task=event.task or effects.activates_task or "",
        data={
            "event": event.id,
            "event_kind": event.kind,
            "targets": targets,
            "beyond_unit": effects.beyond_unit,
            "inspector": effects.inspector or "",
        },
    )


def _touch_unit(game: World, event: ScenarioEvent, unit_id: str) -> None:
    effects, unit = event.effects, game.units[unit_id]
    if effects.cadre_time_factor < 1.0:
        lost = unit.cadre_time * (1.0 - effects.cadre_time_factor)
        unit.spend("outside", lost)
        if effects.beyond_unit:
            unit.outside_problem += lost
    elif effects.cadre_time_factor > 1.0:
        # Extra hands this turn (cadres sent down, volunteers): more time, not negative cost.
        unit.time_left += unit.cadre_time * (effects.cadre_time_factor - 1.0)
        unit.time_factor = max(unit.time_factor, effects.cadre_time_factor)
    unit.funds = max(0.0, unit.funds + effects.funds_delta)
    unit.local_needs = min(1.0, max(0.0, unit.local_needs + effects.local_needs_delta))
    if event.kind == "leader_attention":
        unit.pressure = min(1.0, unit.pressure + 0.2)
        unit.morale = min(1.0, unit.morale + 0.03)
    if event.task is not None and effects.capacity_factor != 1.0:
        assignment = game.assignment(unit_id, event.task)
        if assignment is not None:
            remaining = max(0.0, assignment.capacity - assignment.delivered)
            shift_capacity(game, unit_id, event.task, remaining * (effects.capacity_factor - 1))
            assignment.weather_turn = game.turn


def _activate(game: World, task_id: str) -> None:
    state = game.tasks[task_id]
    if state.active or state.closed:
        return
    length = state.deadline - state.start
    state.start = game.turn
    state.deadline = min(game.scenario.turns, game.turn + length)


def start_task(game: World, task_id: str) -> None:
    """The directive arrives: the top owner gets the original target, and it cascades."""
    task, state = game.task_by_id[task_id], game.tasks[task_id]
    state.active = True
    state.original = task.original_target if state.cycle == 0 else state.original
    root = task.owners[0]
    top = game.assignments[(root, task_id)]
    top.external = top.target = state.original
    game.emit(
        "task_started",
        actor=root,
        task=task_id,
        data={"original": state.original, "cycle": state.cycle, "deadline": state.deadline},
    )
    for owner in task.owners:
        _estimate_all(game, owner, task_id)
    cascade(game, task_id, root)


def _estimate_all(game: World, owner: str, task_id: str) -> None:
    for sub in game.hierarchy.subordinates(owner, task_id):
        game.estimate(owner, sub, task_id)


def default_split(game: World, owner: str, task_id: str) -> dict[str, float]:
    """Split an owner's target among its subordinates by its estimates, with its markup.

    The markup is the task's (or the owner's own in `markup_by_unit`); a computer official of
    the pressure type adds some of its own to stand out (paper 一: 主动加码). A person's seat
    never gets a markup from a computer's style: for a human owner this is only the suggestion
    the window offers.

    Returns:
        {subordinate id: quota}, in the task's unit (mu, households, ...).
    """
    task = game.task_by_id[task_id]
    subs = game.hierarchy.subordinates(owner, task_id)
    relation_estimates = [game.relations[(owner, s)].estimates.get(task_id, 0.0) for s in subs]
    total_estimate = sum(relation_estimates) or float(len(subs))
    markup = task.markup_by_unit.get(owner, task.markup)
    if game.is_bot(owner):
        markup += 0.1 * (1.0 - game.comm[owner])
    to_pass = game.assignments[(owner, task_id)].target * (1.0 + markup)
    weights = relation_estimates if sum(relation_estimates) else [1.0] * len(subs)
    return {s: to_pass * w / total_estimate for s, w in zip(subs, weights, strict=True)}


def forwarded_split(game: World, owner: str, task_id: str) -> dict[str, float]:
    """The directive passed on as it came: the owner's target in equal parts, no markup.

    What reaches the units below when a person holding the owner's seat ends the plan phase
    without splitting: nothing is decided in the player's name (issue 8: a better split must
    be the player's to find).
    """
    subs = game.hierarchy.subordinates(owner, task_id)
    target = game.assignments[(owner, task_id)].target
    return {s: target / len(subs) for s in subs} if subs else {}


def close_plan(game: World) -> None:
    """At the end of the plan phase, forward every task a human owner left unsplit."""
    for task_id, owner in sorted(game.unsplit):
        subs = game.hierarchy.subordinates(owner, task_id)
        if subs:
            game.emit("quota_forwarded", actor=owner, task=task_id,
                      data={"owed": round(game.assignments[(owner, task_id)].target, 3)})
            cascade(game, task_id, owner, forwarded_split(game, owner, task_id))
    game.unsplit = set()


def cascade(game: World, task_id: str, owner: str, shares: dict[str, float] | None = None) -> None:
    """Pass the owner's quota down (by `shares` or its default split) and on below."""
    subs = game.hierarchy.subordinates(owner, task_id)
    if not subs:
        return
    if shares is None and not game.is_bot(owner):
        # A person splits its own quota in the plan phase; until then nothing goes down.
        game.unsplit.add((task_id, owner))
        return
    game.unsplit.discard((task_id, owner))
    shares = shares if shares is not None else default_split(game, owner, task_id)
    own = game.assignments[(owner, task_id)]
    own.passed_down = sum(shares.values())
    markup = ratio(own.passed_down, own.target, empty=1.0) - 1.0
    for sub in subs:
        assignment = game.assignments[(sub, task_id)]
        assignment.external = assignment.target = shares[sub]
        game.emit(
            "directive_issued",
            actor=owner,
            target=sub,
            task=task_id,
            data={"quota": round(shares[sub], 3), "markup": round(markup, 4)},
        )
    game.emit(
        "quota_split",
        actor=owner,
        task=task_id,
        data={
            "owed": round(own.target, 3),
            "passed_down": round(own.passed_down, 3),
            "space": round(own.passed_down - own.target, 3),
            "shares": {s: round(v, 3) for s, v in shares.items()},
        },
    )
    for sub in subs:
        cascade(game, task_id, sub)
