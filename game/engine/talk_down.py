"""Moves down the hierarchy: answers, splits, research, meetings, incentives, sanctions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.accountability import sanction
from game.engine.directives import cascade
from game.engine.findings import sanction_reason
from game.engine.reasons import answer_reason, derive, misfit
from game.engine.setup import shift_capacity
from game.engine.talk import (
    Apply,
    Check,
    mark_once,
    need_funds,
    need_once,
    need_subordinate,
    need_task,
    need_time,
    pay_time,
    refuse,
)

#: A split may pass down at most this many times the target owed (a markup of 400%).
MAX_MARKUP = 5.0

if TYPE_CHECKING:
    from game.engine.moves import (
        AdjustTarget,
        Answer,
        GiveIncentive,
        MobilizationMeeting,
        ResearchVisit,
        Sanction,
        SetReporting,
        SplitQuota,
        Supervise,
        Symposium,
    )
    from game.engine.state import Request
    from game.engine.world import Refusal, World


def _contact(game: World, superior: str, sub: str, symmetry: float) -> None:
    relation = game.relations[(superior, sub)]
    relation.symmetry = min(1.0, relation.symmetry + symmetry)
    relation.familiarity = min(1.0, relation.familiarity + game.params.familiarity_gain)


def _refresh_estimates(game: World, superior: str, sub: str) -> None:
    for task in game.hierarchy.tasks_of(sub):
        if game.hierarchy.adjacent(superior, sub, task) and game.tasks[task].active:
            game.estimate(superior, sub, task)


# ----- answer --------------------------------------------------------------------------------


def check_answer(game: World, seat: str, move: Answer) -> Refusal | None:
    if move.request >= len(game.requests):
        return refuse("request", "没有这份来文。", "There is no such request.")
    request = game.requests[move.request]
    if request.receiver != seat:
        return refuse("not_yours", "这份来文不是报给本单位的。", "That request is not yours.")
    if request.answered is not None:
        return refuse("answered", "这份来文已答复。", "That request has been answered.")
    if move.reason is not None and misfit(game, request, move.accept, move.reason):
        return refuse("reason", "所给理由与本单位掌握的情况或答复不符。",
                      "That reason does not fit the answer or what you know.")
    if move.accept and request.kind == "policy":
        price = game.params.policy_answer_funds
        return need_funds(game, seat, price) or need_time(game, seat, "answer")
    return need_time(game, seat, "answer")


def apply_answer(game: World, seat: str, move: Answer) -> None:
    """Answer a request; the reply says why, from the superior's state before the answer
    changes it (the reason named in the move, else the one that state supports)."""
    request = game.requests[move.request]
    code = move.reason or derive(game, request, move.accept)
    reason = answer_reason(game, request, code)
    request.answered = move.accept
    pay_time(game, seat, "answer", [], "talk")
    effect = _ANSWERS[request.kind](game, request, move) if move.accept else {}
    if not move.accept:
        _rejected(game, request)
    game.emit(
        "request_answered",
        actor=seat,
        target=request.sender,
        task=request.task,
        data={"request": request.id, "request_kind": request.kind, "accepted": move.accept,
              **effect, "reason": reason},
        hidden={"truthful": request.truthful, "detected": request.detected},
    )


def _rejected(game: World, request: Request) -> None:
    unit = game.units[request.sender]
    if request.kind == "discrepancy":
        assignment = game.assignments[(request.sender, request.task)]
        assignment.inflation = assignment.own_inflation = 0.0
        assignment.on_record = min(assignment.on_record, assignment.delivered)
        return
    unit.pressure = min(1.0, unit.pressure + 0.05)
    unit.morale = max(0.0, unit.morale - 0.01)


def _accept_target(game: World, request: Request, move: Answer) -> dict[str, float]:
    assignment = game.assignments[(request.sender, request.task)]
    asked = request.data.get("proposed_target")
    if asked is None:  # a proposal names "target"; 0 is a proposal too, not a missing one
        asked = request.data.get("target")
    estimate = game.relations[(request.receiver, request.sender)].estimates.get(request.task)
    # A proposal that only asks for time keeps its target; an explanation with no figure lets
    # the superior set the target from what it knows (its estimate).
    fallback = None if request.kind == "proposal" else estimate
    new = move.target if move.target is not None else (asked if asked is not None else fallback)
    if new is None or new >= assignment.target:
        new = assignment.target
    new = max(new, assignment.delivered)
    old = assignment.target
    assignment.target = new
    grace = int(request.data.get("grace_turns") or 0)
    if grace:
        assignment.grace_until = max(assignment.grace_until, game.turn + grace)
    unit = game.units[request.sender]
    unit.morale = min(1.0, unit.morale + game.params.morale_accept)
    relation = game.relations[(request.receiver, request.sender)]
    if request.truthful:
        relation.trust = min(1.0, relation.trust + game.params.trust_honest)
    relation.memory.append((game.turn, 0.5))
    return {"old_target": round(old, 3), "new_target": round(new, 3), "grace_until":
            assignment.grace_until}


def _accept_coordination(game: World, request: Request, move: Answer) -> dict[str, float]:
    del move
    unit = game.units[request.sender]
    relief = unit.outside_problem * game.params.coordination_relief
    unit.outside_problem -= relief
    game.units[request.receiver].spend("talk", 1.0)
    if request.data.get("party_committee"):
        unit.push_turn = game.turn
    return {"relief": round(relief, 3)}


def _accept_rule(game: World, request: Request, move: Answer) -> dict[str, float]:
    del move
    assignment = game.assignments[(request.sender, request.task)]
    if not assignment.flexible:
        assignment.flexible = True
        assignment.productivity += game.params.experiment_productivity
    return {}


def _accept_policy(game: World, request: Request, move: Answer) -> dict[str, float]:
    del move
    amount = game.params.policy_answer_funds
    return _support(game, request.receiver, request.sender, request.task, amount)


def _accept_collusion(game: World, request: Request, move: Answer) -> dict[str, float]:
    del move
    assignment = game.assignments[(request.sender, request.task)]
    gap = float(request.data.get("gap", 0.0))
    assignment.inflation += gap
    game.emit("collusion", actor=request.receiver, target=request.sender, task=request.task,
              data={"amount": round(gap, 3), "how": "proposed"})
    return {}


def _condone(game: World, request: Request, move: Answer) -> dict[str, float]:
    del move
    assignment = game.assignments[(request.sender, request.task)]
    game.emit("collusion", actor=request.receiver, target=request.sender, task=request.task,
              data={"amount": round(assignment.inflation, 3), "how": "condoned"})
    return {}


def _support(game: World, superior: str, sub: str, task: str, amount: float) -> dict[str, float]:
    assignment = game.assignments[(sub, task)]
    game.units[superior].funds -= amount
    added = assignment.capacity0 * game.params.policy_capacity * amount
    shift_capacity(game, sub, task, added)
    return {"capacity_added": round(added, 3)}


_ANSWERS = {
    "explanation": _accept_target,
    "proposal": _accept_target,
    "coordination": _accept_coordination,
    "rule": _accept_rule,
    "policy": _accept_policy,
    "collusion": _accept_collusion,
    "discrepancy": _condone,
}


# ----- split_quota ---------------------------------------------------------------------------


def check_split(game: World, seat: str, move: SplitQuota) -> Refusal | None:
    refusal = need_task(game, seat, move.task)
    if refusal is not None:
        return refusal
    subs = game.hierarchy.subordinates(seat, move.task)
    if not subs:
        return refuse("no_subs", "本单位在该任务上没有下级。", "You have no subordinates on it.")
    if game.tasks[move.task].start != game.turn:
        return refuse(
            "late",
            "指标只能在任务下达的回合分解；之后请用“调整目标”。",
            "Quotas are split in the turn the task arrives; later, adjust a target instead.",
        )
    if set(move.shares) != set(subs):
        return refuse("shares", "须为每个直接下级各定一个指标。",
                      "Give a quota to each subordinate, and only to them.")
    if any(v < 0 for v in move.shares.values()):
        return refuse("negative", "指标不能为负。", "A quota cannot be negative.")
    owed = game.assignments[(seat, move.task)].target
    total = sum(move.shares.values())
    if total <= 0:
        return refuse("zero", "指标合计为零等于撤销任务，不能这样分解。",
                      "Quotas adding up to nothing would cancel the task; that is no split.")
    if owed > 0 and total > MAX_MARKUP * owed:
        return refuse("absurd", f"分解合计超过承担目标的 {MAX_MARKUP:g} 倍，不合常理。",
                      f"The quotas add up to more than {MAX_MARKUP:g} times the target owed.")
    return need_time(game, seat, "split_quota")


def apply_split(game: World, seat: str, move: SplitQuota) -> None:
    pay_time(game, seat, "split_quota", [], "talk")
    subs = game.hierarchy.subordinates(seat, move.task)
    game.emit("split_quota", actor=seat, task=move.task,
              data={"shares": {s: round(move.shares[s], 3) for s in subs}})
    cascade(game, move.task, seat, {s: move.shares[s] for s in subs})


# ----- research, meetings, supervision -------------------------------------------------------


def check_visit(game: World, seat: str, move: ResearchVisit) -> Refusal | None:
    if move.subordinate not in game.units or not game.hierarchy.adjacent(seat, move.subordinate):
        return refuse("not_adjacent", "只能走访相邻层级的直接下级。",
                      "You can only visit a subordinate one level down.")
    return need_once(game, "research_visit", seat, move.subordinate, "") or need_time(
        game, seat, "research_visit")


def apply_visit(game: World, seat: str, move: ResearchVisit) -> None:
    mark_once(game, "research_visit", seat, move.subordinate, "")
    pay_time(game, seat, "research_visit", [move.subordinate], "meetings")
    _contact(game, seat, move.subordinate, game.params.visit_symmetry)
    _refresh_estimates(game, seat, move.subordinate)
    relation = game.relations[(seat, move.subordinate)]
    game.emit("research_visit", actor=seat, target=move.subordinate,
              data={"symmetry": round(relation.symmetry, 3)})


def _meeting_check(game: World, seat: str, task: str, kind: str) -> Refusal | None:
    refusal = need_task(game, seat, task)
    if refusal is None and not game.hierarchy.subordinates(seat, task):
        return refuse("no_subs", "本单位在该任务上没有下级。", "You have no subordinates on it.")
    return refusal or need_once(game, kind, seat, "", task) or need_time(game, seat, kind)


def check_symposium(game: World, seat: str, move: Symposium) -> Refusal | None:
    return _meeting_check(game, seat, move.task, "symposium")


def apply_symposium(game: World, seat: str, move: Symposium) -> None:
    mark_once(game, "symposium", seat, "", move.task)
    subs = game.hierarchy.subordinates(seat, move.task)
    pay_time(game, seat, "symposium", subs, "meetings")
    for sub in subs:
        _contact(game, seat, sub, game.params.symposium_symmetry)
        game.estimate(seat, sub, move.task)
    game.emit("symposium", actor=seat, task=move.task, data={"heard": subs})


def check_meeting(game: World, seat: str, move: MobilizationMeeting) -> Refusal | None:
    return _meeting_check(game, seat, move.task, "mobilization_meeting")


def apply_meeting(game: World, seat: str, move: MobilizationMeeting) -> None:
    mark_once(game, "mobilization_meeting", seat, "", move.task)
    subs = game.hierarchy.subordinates(seat, move.task)
    pay_time(game, seat, "mobilization_meeting", subs, "meetings")
    for sub in subs:
        unit = game.units[sub]
        unit.morale = min(1.0, unit.morale + game.params.meeting_consensus)
        _contact(game, seat, sub, game.params.symposium_symmetry / 2)
    game.emit("mobilization_meeting", actor=seat, task=move.task, data={"attended": subs})


def check_supervise(game: World, seat: str, move: Supervise) -> Refusal | None:
    return (need_subordinate(game, seat, move.subordinate, move.task)
            or need_once(game, "supervise", seat, move.subordinate, move.task)
            or need_time(game, seat, "supervise"))


def apply_supervise(game: World, seat: str, move: Supervise) -> None:
    mark_once(game, "supervise", seat, move.subordinate, move.task)
    pay_time(game, seat, "supervise", [move.subordinate], "meetings")
    _contact(game, seat, move.subordinate, game.params.supervise_symmetry)
    game.supervised.add((move.subordinate, move.task))
    game.emit("supervise", actor=seat, target=move.subordinate, task=move.task)


# ----- reporting, targets, incentives, sanctions ------------------------------------------


def check_reporting(game: World, seat: str, move: SetReporting) -> Refusal | None:
    return need_subordinate(game, seat, move.subordinate, move.task) or need_time(
        game, seat, "set_reporting"
    )


def apply_reporting(game: World, seat: str, move: SetReporting) -> None:
    assignment = game.assignments[(move.subordinate, move.task)]
    old = assignment.cadence
    assignment.cadence = move.cadence
    pay_time(game, seat, "set_reporting", [], "talk")
    game.emit("set_reporting", actor=seat, target=move.subordinate, task=move.task,
              data={"cadence": move.cadence, "was": old})


def check_adjust(game: World, seat: str, move: AdjustTarget) -> Refusal | None:
    return need_subordinate(game, seat, move.subordinate, move.task) or need_time(
        game, seat, "adjust_target"
    )


def apply_adjust(game: World, seat: str, move: AdjustTarget) -> None:
    assignment = game.assignments[(move.subordinate, move.task)]
    old = assignment.target
    assignment.target = move.target
    pay_time(game, seat, "adjust_target", [], "talk")
    game.emit("adjust_target", actor=seat, target=move.subordinate, task=move.task,
              data={"old_target": round(old, 3), "new_target": round(move.target, 3)})


def check_incentive(game: World, seat: str, move: GiveIncentive) -> Refusal | None:
    refusal = need_subordinate(game, seat, move.subordinate, move.task) or need_once(
        game, "incentive", seat, move.subordinate, move.task)
    if refusal is None and move.incentive in ("economic", "supporting_policy"):
        refusal = need_funds(game, seat, move.amount)
    price = game.params.political_incentive_standing
    if refusal is None and move.incentive == "political" and game.units[seat].standing < price:
        refusal = refuse("standing", "政治资本不足。", "Too little standing for that.")
    return refusal or need_time(game, seat, "incentive")


def apply_incentive(game: World, seat: str, move: GiveIncentive) -> None:
    mark_once(game, "incentive", seat, move.subordinate, move.task)
    sub = game.units[move.subordinate]
    relation = game.relations[(seat, move.subordinate)]
    effect: dict[str, float] = {}
    if move.incentive == "economic":
        game.units[seat].funds -= move.amount
        sub.funds += move.amount
    elif move.incentive == "political":
        game.units[seat].standing -= game.params.political_incentive_standing
        sub.standing += game.params.political_incentive_standing
    elif move.incentive == "supporting_policy":
        effect = _support(game, seat, move.subordinate, move.task, move.amount)
    elif move.incentive == "experiment":
        assignment = game.assignments[(move.subordinate, move.task)]
        if not assignment.flexible:
            assignment.flexible = True
            assignment.productivity += game.params.experiment_productivity
    gain = game.params.incentive_morale[move.incentive] * (0.7 + 0.6 * relation.familiarity)
    sub.morale = min(1.0, sub.morale + gain)
    relation.memory.append((game.turn, 0.5))
    pay_time(game, seat, "incentive", [], "talk")
    game.emit("incentive", actor=seat, target=move.subordinate, task=move.task,
              data={"incentive": move.incentive, "amount": move.amount,
                    "morale_gain": round(gain, 4), **effect})


def check_sanction(game: World, seat: str, move: Sanction) -> Refusal | None:
    return (need_subordinate(game, seat, move.subordinate, move.task)
            or need_once(game, "sanction", seat, move.subordinate, move.task)
            or need_time(game, seat, "sanction"))


def apply_sanction(game: World, seat: str, move: Sanction) -> None:
    mark_once(game, "sanction", seat, move.subordinate, move.task)
    pay_time(game, seat, "sanction", [], "talk")
    why = sanction_reason(game, seat, move.subordinate, move.task)
    sanction(game, seat, move.subordinate, move.task, move.sanction, "discretion", why)


HANDLERS: dict[str, tuple[Check, Apply]] = {
    "answer": (check_answer, apply_answer),
    "split_quota": (check_split, apply_split),
    "research_visit": (check_visit, apply_visit),
    "symposium": (check_symposium, apply_symposium),
    "mobilization_meeting": (check_meeting, apply_meeting),
    "supervise": (check_supervise, apply_supervise),
    "set_reporting": (check_reporting, apply_reporting),
    "adjust_target": (check_adjust, apply_adjust),
    "incentive": (check_incentive, apply_incentive),
    "sanction": (check_sanction, apply_sanction),
}
