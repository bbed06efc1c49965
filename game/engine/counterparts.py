"""Computer-controlled officials: they decide, and act only through `Game.submit`.

A superior's style (0 pressure .. 1 communicative) and a subordinate's honesty (0 gaming ..
1 honest) change what they *do*: how often they visit, accept explanations, demand daily
reports, sanction, reward, inflate or cite false causes. What follows from those acts is the
world's mechanics, never the style itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from game.engine.causes import in_preparation, true_causes
from game.engine.directives import default_split
from game.engine.moves import (
    MAX_FUNDS,
    Answer,
    AnswerReason,
    CiteRule,
    Collude,
    ExplainShortfall,
    GiveIncentive,
    LeverSocial,
    MobilizationMeeting,
    ProposeTarget,
    QuasiExit,
    ReportProgress,
    RequestCoordination,
    RequestPolicy,
    ResearchVisit,
    Sanction,
    SetReporting,
    ShiftBlame,
    SplitQuota,
    Supervise,
    SymbolicExecution,
    Symposium,
)
from game.engine.reasons import (
    TOO_MANY,
    derive,
    doubt,
    plausible,
    recent_explanations,
    record_behind,
)
from game.engine.world import ratio

if TYPE_CHECKING:
    # Type-only: game.py imports this module at its top, and bots act through `Game.submit`.
    # The engine-layers contract in pyproject.toml ignores exactly this edge.
    from game.engine.game import Game
    from game.engine.state import Request


def bots_act(game: Game, phase: str) -> None:
    """Every computer seat acts for this phase, in a fixed order (determinism)."""
    on_line = _on_line(game)
    bots = [u for u in _line_units(game) if u in on_line and game.is_bot(u)]
    if phase == "plan":
        for unit_id in bots:
            _plan_as_superior(game, unit_id)
            _plan_as_carrier(game, unit_id)
    elif phase == "report":
        for unit_id in bots:
            _report_up(game, unit_id)
    elif phase == "respond":
        for unit_id in bots:
            _respond(game, unit_id)


def _line_units(game: Game) -> list[str]:
    """Units on any task's line, in scenario order (villages never act)."""
    if game.line_units is None:
        every = {u for task in game.scenario.tasks for u in (*task.owners, *task.carriers)}
        game.line_units = [u.id for u in game.scenario.units if u.id in every]
    return game.line_units


def _on_line(game: Game) -> set[str]:
    units: set[str] = set()
    for task_id in game.active_tasks():
        task = game.task_by_id[task_id]
        units.update(task.owners)
        units.update(task.carriers)
    return units


def _my_tasks(game: Game, unit_id: str) -> list[str]:
    return [t for t in game.hierarchy.tasks_of(unit_id) if game.tasks[t].active]


# ----- superiors ------------------------------------------------------------------------------


def _plan_as_superior(game: Game, unit_id: str) -> None:
    comm = game.comm[unit_id]
    visits = 0
    for task_id in _my_tasks(game, unit_id):
        subs = game.hierarchy.subordinates(unit_id, task_id)
        if not subs:
            continue
        if game.tasks[task_id].start == game.turn:
            heard = game.chance(comm * 0.8) and game.submit(unit_id, Symposium(task=task_id)).ok
            if heard:
                # Research before deployment (一.3): split again on what the symposium taught.
                shares = default_split(game, unit_id, task_id)
                game.submit(unit_id, SplitQuota(task=task_id, shares=shares))
            if game.chance(0.3 + 0.5 * comm):
                game.submit(unit_id, MobilizationMeeting(task=task_id))
        for sub in subs:
            relation = game.relations[(unit_id, sub)]
            wants = visits < 2 and game.chance(comm * 0.5 * (1 - relation.symmetry))
            if wants and game.submit(unit_id, ResearchVisit(subordinate=sub)).ok:
                visits += 1
            _set_cadence(game, unit_id, sub, task_id, comm)


def _set_cadence(game: Game, unit_id: str, sub: str, task_id: str, comm: float) -> None:
    assignment = game.assignments[(sub, task_id)]
    usual = game.task_by_id[task_id].cadence
    behind = assignment.last_ratio < 0.95
    if behind and assignment.cadence != "daily" and game.chance((1 - comm) * 0.8):
        game.submit(unit_id, SetReporting(subordinate=sub, task=task_id, cadence="daily"))
    elif assignment.cadence != usual and not behind and game.chance(comm * 0.8):
        game.submit(unit_id, SetReporting(subordinate=sub, task=task_id, cadence=usual))


def _respond(game: Game, unit_id: str) -> None:
    for request in game.pending_for(unit_id):
        _answer(game, unit_id, request)
    comm = game.comm[unit_id]
    for task_id in _my_tasks(game, unit_id):
        subs = game.hierarchy.subordinates(unit_id, task_id)
        if not subs:
            continue
        for sub in subs:
            _oversee(game, unit_id, sub, task_id, comm)
        _reward(game, unit_id, subs, task_id, comm)


def _answer(game: Game, unit_id: str, request: Request) -> None:
    """Answer one request; the reason named is the one that drove the choice."""
    comm = game.comm[unit_id]
    if request.kind in ("explanation", "proposal"):
        accept, target, reason = _judge_explanation(game, unit_id, request, comm)
        game.submit(unit_id, Answer(request=request.id, accept=accept, target=target,
                                    reason=reason))
        return
    if request.kind in ("collusion", "discrepancy"):
        accept = game.chance(_collusion_appetite(game, unit_id, request.task))
        behind = record_behind(game, unit_id, request.task)
        reason = ("record_at_stake" if behind else "let_stand") if accept else "no_false_figures"
        game.submit(unit_id, Answer(request=request.id, accept=accept, reason=reason))
        if not accept and request.kind == "discrepancy" and game.chance(1 - comm):
            game.submit(unit_id, Sanction(subordinate=request.sender, task=request.task,
                                          sanction="talk"))
        return
    if request.detected:  # found unfounded: not granted
        game.submit(unit_id, Answer(request=request.id, accept=False,
                                    reason=derive(game, request, False)))
        return
    believed = plausible(game, request)
    probability = {
        "coordination": 0.15 + 0.75 * comm,
        "rule": 0.2 + 0.6 * comm,
        "policy": comm * 0.7 if believed else comm * 0.15,
    }[request.kind]
    accept = game.chance(probability)
    game.submit(unit_id, Answer(request=request.id, accept=accept,
                                reason=_granted(game, request, accept, believed)))


def _granted(game: Game, request: Request, accept: bool, believed: bool) -> AnswerReason:
    """A coordination, rule or policy answer's reason: the kind's stance, and for policy
    what the superior's estimate says."""
    if request.kind == "coordination":
        return "coordination_granted" if accept else "own_reach"
    if request.kind == "rule":
        return "rule_recognised" if accept else "standard_method"
    if accept:
        return "beyond_capacity" if believed else "trusted"
    return cast("AnswerReason", doubt(game, request))


def _judge_explanation(
    game: Game, unit_id: str, request: Request, comm: float
) -> tuple[bool, float | None, AnswerReason]:
    if request.detected:
        return False, None, cast("AnswerReason", derive(game, request, False))
    relation = game.relations[(unit_id, request.sender)]
    believed = plausible(game, request)
    plausibility = 1.0 if believed else 0.0
    if request.data.get("grace_turns"):
        plausibility = max(plausibility, 0.7)
    recent = recent_explanations(game, request)
    chance = comm * (0.3 + 0.4 * relation.trust + 0.3 * plausibility)
    chance += (1 - comm) * 0.1 * (1 + relation.trust)
    if recent > TOO_MANY:
        chance *= 0.5
    if not game.chance(chance):
        return False, None, "too_many" if recent > TOO_MANY else cast(
            "AnswerReason", doubt(game, request))
    asked = request.data.get("proposed_target") or request.data.get("target")
    estimate = relation.estimates.get(request.task)
    why: AnswerReason = "beyond_capacity" if believed else (
        "time_granted" if request.data.get("grace_turns") else "trusted")
    if request.kind == "proposal" and asked is None:
        return True, None, why  # it asks only for time: the target stays
    current = game.assignments[(request.sender, request.task)].target
    floor = max(asked or 0.0, estimate or 0.0)
    return True, min(current, floor) if floor else None, why


def _collusion_appetite(game: Game, unit_id: str, task_id: str) -> float:
    """Linked interests without main responsibility: the drift into collusion (paper 二.2)."""
    at_stake = 1.0 if record_behind(game, unit_id, task_id) else 0.4
    return float(at_stake * (1 - game.units[unit_id].main_responsibility) ** 1.5 * 0.8)


def _oversee(game: Game, unit_id: str, sub: str, task_id: str, comm: float) -> None:
    assignment = game.assignments[(sub, task_id)]
    if game.turn <= assignment.grace_until:
        return
    done, length = game.elapsed(task_id)
    estimate = game.relations[(unit_id, sub)].estimates.get(task_id, assignment.target)
    feasible = min(assignment.target, estimate) * (done - 1) / length
    shirking = assignment.reported < 0.7 * feasible
    chance = (1 - comm) * 0.7 * (assignment.last_ratio < 0.9) + comm * 0.5 * shirking
    if game.chance(chance):
        kind = "talk" if assignment.lagging >= 2 else "notice"
        if assignment.lagging >= 3 and game.chance((1 - comm) * 0.3):
            kind = "veto"
        game.submit(unit_id, Sanction(subordinate=sub, task=task_id, sanction=kind))
    elif assignment.last_ratio < 1.0 and game.chance(comm * 0.35):
        game.submit(unit_id, Supervise(subordinate=sub, task=task_id))


def _reward(game: Game, unit_id: str, subs: list[str], task_id: str, comm: float) -> None:
    me = game.units[unit_id]
    if game.chance(comm * 0.6):
        _differentiated(game, unit_id, subs, task_id)
    elif game.chance((1 - comm) * 0.5) and me.funds >= 1.0:
        best = max(subs, key=lambda s: (game.assignments[(s, task_id)].last_ratio, s))
        game.submit(unit_id, GiveIncentive(subordinate=best, task=task_id,
                                           incentive="economic", amount=1.0))


def _differentiated(game: Game, unit_id: str, subs: list[str], task_id: str) -> None:
    """Larger where the task is harder, of the kind that fits (paper 一.4)."""
    me = game.units[unit_id]

    def difficulty(sub: str) -> float:
        estimate = game.relations[(unit_id, sub)].estimates.get(task_id) or 1.0
        return ratio(game.assignments[(sub, task_id)].target, estimate)

    sub = max(subs, key=lambda s: (difficulty(s), s))
    relation = game.relations[(unit_id, sub)]
    assignment = game.assignments[(sub, task_id)]
    if difficulty(sub) > 1.1 and me.funds >= 3.0:
        move = GiveIncentive(subordinate=sub, task=task_id, incentive="supporting_policy",
                             amount=2.0)
    elif assignment.last_ratio >= 1.0:
        move = GiveIncentive(subordinate=sub, task=task_id, incentive="spiritual")
    elif game.task_by_id[task_id].fuzziness >= 0.5 and not assignment.flexible:
        move = GiveIncentive(subordinate=sub, task=task_id, incentive="experiment")
    elif me.standing >= 2.0 and relation.familiarity > 0.6:
        move = GiveIncentive(subordinate=sub, task=task_id, incentive="political")
    else:
        move = GiveIncentive(subordinate=sub, task=task_id, incentive="spiritual")
    game.submit(unit_id, move)


# ----- subordinates ---------------------------------------------------------------------------


def _plan_as_carrier(game: Game, unit_id: str) -> None:
    unit, honesty = game.units[unit_id], game.honesty[unit_id]
    for task_id in _my_tasks(game, unit_id):
        if game.hierarchy.subordinates(unit_id, task_id):
            continue
        task = game.task_by_id[task_id]
        if task.social_leverage and unit.funds >= 2.0 and unit.social_resources > 0:
            amount = unit.funds * (0.2 + 0.4 * unit.main_responsibility) * (0.5 + 0.5 * honesty)
            amount = min(amount, MAX_FUNDS)  # a move names at most MAX_FUNDS
            game.submit(unit_id, LeverSocial(task=task_id, funds=round(amount, 2)))
        if task.fuzziness >= 0.4 and game.chance((1 - honesty) * task.fuzziness * unit.pressure):
            game.submit(unit_id, SymbolicExecution(task=task_id))
        if unit.morale < 0.35 and game.chance((1 - honesty) * 0.5):
            game.submit(unit_id, QuasiExit(task=task_id))


def _report_up(game: Game, unit_id: str) -> None:
    for task_id in _my_tasks(game, unit_id):
        superior = game.hierarchy.superior(unit_id, task_id)
        if superior is None:
            continue
        _report_task(game, unit_id, superior, task_id)


def _report_task(game: Game, unit_id: str, superior: str, task_id: str) -> None:
    unit, honesty = game.units[unit_id], game.honesty[unit_id]
    assignment = game.assignments[(unit_id, task_id)]
    done, length = game.elapsed(task_id)
    expected = assignment.target * done / length
    projected = assignment.reported + assignment.last_output
    behind = expected > 0 and projected < 0.9 * expected
    if game.turn - assignment.sanctioned_turn <= 1 and game.chance((1 - honesty) * 0.7):
        game.submit(unit_id, ShiftBlame(task=task_id))
    if unit.outside_problem > 0:
        _hand_up(game, unit_id, task_id)
    if not behind:
        game.submit(unit_id, ReportProgress(task=task_id))
        return
    _inflate(game, unit_id, superior, task_id, expected - projected)
    truth = true_causes(game, unit_id, task_id)
    if in_preparation(game, unit_id, task_id) and honesty > 0.5:
        grace = game.task_by_id[task_id].slow_start[unit_id] - done + 2
        game.submit(unit_id, ProposeTarget(task=task_id, grace_turns=max(1, min(6, grace))))
    elif not _explained_lately(game, unit_id, task_id):
        _explain(game, unit_id, task_id, truth, honesty)
    _ask_for_help(game, unit_id, task_id, truth, honesty)
    if game.chance((1 - honesty) * (1 - unit.main_responsibility) * 0.6):
        game.submit(unit_id, Collude(task=task_id))


def _hand_up(game: Game, unit_id: str, task_id: str) -> None:
    """A problem beyond the unit's reach goes up, whether or not the work is behind (一.2)."""
    unit = game.units[unit_id]
    big = unit.outside_problem > 0.2 * unit.cadre_time and unit.standing >= 2.0
    game.submit(unit_id, RequestCoordination(task=task_id, party_committee=big))


def _inflate(game: Game, unit_id: str, superior: str, task_id: str, gap: float) -> None:
    unit, honesty = game.units[unit_id], game.honesty[unit_id]
    fear = game.detect_chance(superior, unit_id, game.task_by_id[task_id].fuzziness)
    temptation = (1 - honesty) * (0.3 + 0.7 * unit.pressure) * (1 - 0.6 * unit.main_responsibility)
    if game.chance(temptation * (1 - fear)):
        amount = gap * (0.6 + 0.4 * game.rng.random())
        game.submit(unit_id, ReportProgress(task=task_id, overstate=round(amount, 3)))
    else:
        game.submit(unit_id, ReportProgress(task=task_id))


def _explained_lately(game: Game, unit_id: str, task_id: str) -> bool:
    return any(game.requests.filed(turn, unit_id, task_id, "explanation")
               for turn in (game.turn - 1, game.turn))


def _explain(game: Game, unit_id: str, task_id: str, truth: set[str], honesty: float) -> None:
    causes = sorted(truth)
    if not causes and game.chance((1 - honesty) * 0.8):
        causes = ["weather" if game.rng.random() < 0.5 else "capacity_limit"]
    elif causes and game.chance((1 - honesty) * 0.4):
        causes = sorted({*causes, "weather", "capacity_limit"})[:4]
    if not causes:
        return
    assignment = game.assignments[(unit_id, task_id)]
    if honesty > 0.5:
        proposed = assignment.capacity
    else:
        proposed = assignment.capacity * (0.7 + 0.15 * game.rng.random())
    proposed = round(min(assignment.target, proposed), 3)
    game.submit(unit_id, ExplainShortfall(task=task_id, causes=causes, proposed_target=proposed))


def _ask_for_help(game: Game, unit_id: str, task_id: str, truth: set[str], honesty: float) -> None:
    unit = game.units[unit_id]
    if unit.outside_problem <= 0 and game.chance((1 - honesty) * 0.25):
        game.submit(unit_id, RequestCoordination(task=task_id))
    if "capacity_limit" in truth and game.chance(0.4):
        game.submit(unit_id, RequestPolicy(task=task_id))
    task = game.task_by_id[task_id]
    flexible = game.assignments[(unit_id, task_id)].flexible
    if task.fuzziness >= 0.5 and not flexible and game.chance(0.3 + 0.3 * unit.main_responsibility):
        game.submit(unit_id, CiteRule(task=task_id))
