"""The execute phase: reports and rework take their time, the rest becomes output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.causes import in_preparation
from game.engine.params import REPORTS_PER_DAY
from game.engine.setup import shift_capacity

if TYPE_CHECKING:
    from game.engine.state import UnitState
    from game.engine.world import World

URGENCY = {"veto": 1.0, "elimination": 0.8, "talk": 0.5, "notice": 0.4, "ranking": 0.4,
           "none": 0.0}
FORMAL = ("reports", "rework", "paper", "meetings")


def execute(game: World) -> None:
    """Run every unit on an active task line through its turn of work."""
    active = game.active_tasks()
    on_line: dict[str, list[str]] = {}
    for task_id in active:
        task = game.task_by_id[task_id]
        for unit_id in (*task.owners, *task.carriers):
            on_line.setdefault(unit_id, []).append(task_id)
    for unit_id in game.units:
        tasks = on_line.get(unit_id)
        if not tasks:
            continue
        _pay_reports(game, unit_id, tasks)
        carried = [t for t in tasks if not game.hierarchy.subordinates(unit_id, t)]
        if carried:
            _work(game, unit_id, carried)
        _close_unit_turn(game, unit_id, carrier=bool(carried))


def _pay_reports(game: World, unit_id: str, tasks: list[str]) -> None:
    unit, params = game.units[unit_id], game.params
    for task_id in tasks:
        assignment = game.assignments[(unit_id, task_id)]
        if assignment.superior is None:
            continue
        fuzz = game.task_by_id[task_id].fuzziness
        count = REPORTS_PER_DAY[assignment.cadence] * game.scenario.turn_days
        unit.spend("reports", count * (params.report_cost + fuzz * params.report_cost_fuzzy))
    central = [t for t in tasks if game.task_by_id[t].central]
    if central:
        # Each central task the leadership watches asks for its own ledgers, photos and
        # briefings; run side by side they crowd each other (paper 三: over-mobilization).
        per_task = params.central_paper * (1.0 + 0.5 * (len(central) - 1))
        unit.spend("paper", per_task * len(central))


def _needs(game: World, unit: UnitState, tasks: list[str]) -> dict[str, float]:
    """Cadre-days each task calls for this turn, as the unit sees it (bots and default plans)."""
    needs: dict[str, float] = {}
    for task_id in tasks:
        task, assignment = game.task_by_id[task_id], game.assignments[(unit.id, task_id)]
        turns_left = max(1, game.tasks[task_id].deadline - game.turn + 1)
        # Under pressure a unit chases the target past what it can really do (空转).
        reach = min(assignment.target, assignment.capacity * (1.0 + 0.5 * unit.pressure))
        remaining = max(0.0, reach - assignment.delivered)
        urgency = 1.0 + URGENCY[task.regime] * unit.pressure
        needs[task_id] = remaining * task.work_per_unit / turns_left * urgency
    return needs


def _plan(game: World, unit: UnitState, tasks: list[str]) -> tuple[dict[str, float], float]:
    """Cadre-days for each task and for local needs this turn."""
    params = game.params
    required_local = unit.local_needs * unit.cadre_time
    overtime_cap = unit.cadre_time * params.pressure_effort * unit.pressure
    available = max(0.0, unit.time_left)
    if unit.allocation is not None:
        weights = {k: v for k, v in unit.allocation.items() if k in tasks or k == "local_needs"}
        total = sum(weights.values()) or 1.0
        # A person's plan shares the time there is; overtime only when asked for (三: cadres
        # "busy but composed", not overloaded by a plan that did not need it).
        pool = available + (overtime_cap if unit.overtime else 0.0)
        local = pool * weights.get("local_needs", 0.0) / total + unit.local_extra
        return {t: pool * weights.get(t, 0.0) / total for t in tasks}, local
    if not game.is_bot(unit.id):
        # A person who made no plan gets a plain, even one: every task and the villagers'
        # needs an equal share of the time there is, no overtime. A better plan is theirs to
        # find (issue 8); a computer official plans by what each task needs (below).
        share = available / (len(tasks) + 1)
        return dict.fromkeys(tasks, share), share + unit.local_extra
    share = 0.4 + 0.6 * unit.main_responsibility - 0.5 * unit.pressure
    local = min(available, max(0.1, min(1.0, share)) * required_local) + unit.local_extra
    available = max(0.0, available - local)
    needs = _needs(game, unit, tasks)
    total = sum(needs.values())
    if total <= available or total == 0:
        return needs, local
    pool = available + min(total - available, overtime_cap)
    return {t: need * pool / total for t, need in needs.items()}, local


def _work(game: World, unit_id: str, tasks: list[str]) -> None:
    unit, params = game.units[unit_id], game.params
    time_by_task, local = _plan(game, unit, tasks)
    unit.spend("local", local)
    morale_factor = 0.5 + 0.7 * unit.morale
    done: list[tuple[str, float, float, dict[str, float], dict[str, float]]] = []
    for task_id in tasks:
        task, assignment = game.task_by_id[task_id], game.assignments[(unit_id, task_id)]
        needed = _needed(game, unit_id, task_id)
        time = time_by_task.get(task_id, 0.0)
        if assignment.quasi_exit:
            time *= params.quasi_exit_share
        real = time * (params.symbolic_share if assignment.symbolic else 1.0)
        unit.spend("work", real)
        unit.spend("paper", time - real)
        factor = _productivity(game, unit, unit_id, task_id)
        potential = real / task.work_per_unit * morale_factor * factor
        potential *= game.noise(params.output_noise)
        output = max(0.0, min(potential, assignment.capacity - assignment.delivered))
        levered = game.levered.pop((unit_id, task_id), 0.0) * morale_factor
        shift_capacity(game, unit_id, task_id, levered)
        assignment.delivered += output + levered
        assignment.last_output = output + levered
        data = {
            "output": round(output + levered, 3),
            "levered": round(levered, 3),
            "time": round(time, 3),
            "paper": round(time - real, 3),
            "delivered": round(assignment.delivered, 3),
            "target": round(assignment.target, 3),
            "external": round(assignment.external, 3),
        }
        hidden = {"capacity": round(assignment.capacity, 3), "potential": round(potential, 3)}
        done.append((task_id, time, real, data, {**hidden, "needed": round(needed, 3)}))
    spare = max(0.0, unit.time_left) + max(0.0, local - 1.5 * unit.local_needs * unit.cadre_time)
    for task_id, time, real, data, hidden in done:
        needed = hidden["needed"]
        # Behaviour, not labels (issue 8): work done only on paper, and effort withheld while
        # the cadres had time to spare, whether or not the unit said so.
        hidden["on_paper"] = time > 0 and (time - real) / time > 0.5
        hidden["withheld"] = (needed > 0 and real < 0.5 * needed
                              and spare >= 0.5 * (needed - real))
        game.emit("execution", actor=unit_id, task=task_id, data=data, hidden=hidden)


def _needed(game: World, unit_id: str, task_id: str) -> float:
    """Cadre-days the task needs this turn to reach what the unit can really do by the
    deadline at an even pace (its true capacity, up to its target)."""
    task, assignment = game.task_by_id[task_id], game.assignments[(unit_id, task_id)]
    turns_left = max(1, game.tasks[task_id].deadline - game.turn + 1)
    remaining = max(0.0, min(assignment.target, assignment.capacity) - assignment.delivered)
    return remaining * task.work_per_unit / turns_left


def _productivity(game: World, unit: UnitState, unit_id: str, task_id: str) -> float:
    params, assignment = game.params, game.assignments[(unit_id, task_id)]
    factor = 1.0 + assignment.productivity
    if unit.push_turn == game.turn:
        factor += params.party_push
    if (unit_id, task_id) in game.supervised:
        factor += params.supervise_productivity
    if game.task_by_id[task_id].slow_start.get(unit_id) and not assignment.prep_disrupted:
        preparing = in_preparation(game, unit_id, task_id)
        if preparing and game.turn - assignment.sanctioned_turn <= 1:
            # Pressed during its preparation, the unit starts visiting households before the
            # data are in: faster now, but it loses the fast finish (paper 三, K town).
            assignment.prep_disrupted = True
            return factor
        factor *= params.slow_start_factor if preparing else params.fast_finish_factor
    return factor


def _close_unit_turn(game: World, unit_id: str, carrier: bool) -> None:
    unit, params = game.units[unit_id], game.params
    used = sum(unit.spent.values())
    # Against the time the unit really had this turn (extra hands from an event count).
    unit.overload = used / (unit.cadre_time * unit.time_factor)
    formal = sum(unit.spent.get(k, 0.0) for k in FORMAL)
    formalism = formal / used if used else 0.0
    if unit.overload > 1.0:
        unit.morale = max(0.0, unit.morale - params.morale_overload * (unit.overload - 1.0))
    elif unit.sanctions == 0:
        unit.morale = min(1.0, unit.morale + params.morale_recovery)
    required_local = unit.local_needs * unit.cadre_time if carrier else 0.0
    given = unit.spent.get("local", 0.0)
    if required_local and given >= 0.9 * required_local:
        unit.main_responsibility = min(
            1.0, unit.main_responsibility + params.local_needs_responsibility
        )
    elif required_local and given < 0.5 * required_local:
        unit.main_responsibility = max(
            0.0, unit.main_responsibility - params.local_needs_responsibility
        )
    game.emit(
        "unit_turn",
        actor=unit_id,
        data={
            "cadre_time": unit.cadre_time,
            "spent": {k: round(v, 3) for k, v in sorted(unit.spent.items())},
            "overload": round(unit.overload, 4),
            "formalism": round(formalism, 4),
            "morale": round(unit.morale, 4),
            "funds": round(unit.funds, 3),
            "pressure": round(unit.pressure, 4),
            "main_responsibility": round(unit.main_responsibility, 4),
            "standing": round(unit.standing, 3),
            "local_required": round(required_local, 3),
            "local_given": round(given, 3),
        },
    )
