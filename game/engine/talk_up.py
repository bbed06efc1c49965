"""Moves up the hierarchy: reports, explanations, requests — and their pathologies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from game.engine.causes import true_causes
from game.engine.findings import false_cause_reason, unfounded_reason
from game.engine.state import Request
from game.engine.talk import (
    Apply,
    Check,
    need_superior,
    need_time,
    pay_time,
    refuse,
)

if TYPE_CHECKING:
    from game.engine.moves import (
        CiteRule,
        Collude,
        ExplainShortfall,
        ProposeTarget,
        ReportProgress,
        RequestCoordination,
        RequestPolicy,
        ShiftBlame,
    )
    from game.engine.world import Refusal, World


def _up_checks(game: World, seat: str, task: str, kind: str) -> Refusal | None:
    return need_superior(game, seat, task) or need_time(game, seat, kind)


def _already(game: World, seat: str, task: str, kind: str) -> Refusal | None:
    if game.requests.filed(game.turn, seat, task, kind):
        return refuse("twice", "本回合已就此事报送过。", "You already sent that this turn.")
    return None


def _inspected(game: World, seat: str, task: str) -> bool:
    """Whether a cross-level inspection of this unit's work on the task is on this turn."""
    for event_id, targets in game.inspected.items():
        inspected_task = game.event_by_id[event_id].task
        if seat in targets and inspected_task in (None, task):
            return True
    return False


def _no_explaining(game: World, seat: str, task: str) -> Refusal | None:
    if _inspected(game, seat, task):
        return refuse(
            "inspection",
            "跨级督查期间，督查组不听取解释。",
            "A cross-level inspection is on: it allows no explanation.",
        )
    return None


def open_request(
    game: World, seat: str, task: str, kind: str, data: dict[str, Any], truthful: bool = True
) -> Request:
    """File something for the superior to answer in the respond phase."""
    superior = game.hierarchy.superior(seat, task) or ""
    request = game.requests.add(game.turn, kind, seat, superior, task, data, truthful)
    pay_time(game, seat, _MOVE_OF.get(kind, kind), [superior], "talk")
    return request


_MOVE_OF = {"explanation": "explain_shortfall", "coordination": "request_coordination",
            "proposal": "propose_target", "rule": "cite_rule", "policy": "request_policy",
            "collusion": "collude"}


# ----- report_progress -----------------------------------------------------------------------


def check_report(game: World, seat: str, move: ReportProgress) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "report_progress")
    assignment = game.assignments[(seat, move.task)] if refusal is None else None
    if assignment is not None and assignment.report_turn == game.turn:
        return refuse("twice", "本回合已报过进度。", "You already filed this turn's report.")
    if assignment is not None and move.overstate > 10 * max(assignment.target, 1.0):
        return refuse("absurd", "虚报数字超过目标的十倍，无人会信。",
                      "An overstatement over ten times the target would fool no one.")
    return refusal


def apply_report(game: World, seat: str, move: ReportProgress) -> None:
    assignment = game.assignments[(seat, move.task)]
    assignment.overstate_now = move.overstate
    assignment.report_turn = game.turn
    pay_time(game, seat, "report_progress", [], "reports")
    done, length = game.elapsed(move.task)
    game.emit(
        "report_progress",
        actor=seat,
        target=assignment.superior or "",
        task=move.task,
        data={"figure": round(assignment.reported + move.overstate, 3)},
        hidden={"overstate": round(move.overstate, 3), "delivered": round(assignment.delivered, 3),
                "expected": round(assignment.target * done / length, 3)},
    )


# ----- explain_shortfall ---------------------------------------------------------------------


def check_explain(game: World, seat: str, move: ExplainShortfall) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "explain_shortfall")
    refusal = refusal or _no_explaining(game, seat, move.task)
    if refusal is None and len(set(move.causes)) != len(move.causes):
        return refuse("repeat", "同一原因列了两次。", "A cause is listed twice.")
    return refusal or _already(game, seat, move.task, "explanation")


def lowball(game: World, seat: str, task: str, proposed: float | None) -> float:
    """How far a proposed target lies below what the unit can really do, as a share of it
    (0 when it does not): an explanation that asks for much less than the unit's capacity is
    not truthful, whatever causes it cites (DOMAIN.md 5: communicative mobilization is not a
    licence to under-perform)."""
    if proposed is None:
        return 0.0
    assignment = game.assignments[(seat, task)]
    can = min(assignment.capacity, assignment.target)
    if can <= 0 or proposed >= game.params.lowball_share * can:
        return 0.0
    return (can - proposed) / can


def apply_explain(game: World, seat: str, move: ExplainShortfall) -> None:
    truth = true_causes(game, seat, move.task)
    false = [c for c in move.causes if c not in truth]
    superior = game.hierarchy.superior(seat, move.task) or ""
    fuzz = game.task_by_id[move.task].fuzziness
    detected = any(game.chance(game.detect_chance(superior, seat, fuzz)) for _ in false)
    short = lowball(game, seat, move.task, move.proposed_target)
    if short and not detected:
        detected = game.chance(game.lie_chance(superior, seat, short, fuzz))
    truthful = not false and not short
    data = {"causes": list(move.causes), "proposed_target": move.proposed_target}
    request = open_request(game, seat, move.task, "explanation", data, truthful=truthful)
    request.detected = detected
    game.emit(
        "explain_shortfall",
        actor=seat,
        target=superior,
        task=move.task,
        data={**data, "request": request.id},
        hidden={"truthful": truthful, "false_causes": false, "true_causes": sorted(truth),
                "lowball": round(short, 4)},
    )
    if detected:
        _caught(game, superior, seat, move.task, request.id, false, bool(short))


def _caught(game: World, superior: str, seat: str, task: str, request: int,
            false: Sequence[str], too_low: bool) -> None:
    relation = game.relations[(superior, seat)]
    relation.trust = max(0.0, relation.trust - game.params.trust_lie)
    relation.memory.append((game.turn, -1.0))
    game.emit("false_cause_detected", actor=superior, target=seat, task=task,
              data={"request": request, "causes": false, "target_too_low": too_low,
                    "reason": false_cause_reason(game, superior, seat, task, list(false),
                                                 too_low)})


def _check_founded(game: World, seat: str, task: str, request: Request, founded: bool) -> None:
    """An unfounded request may be found out: the more such requests lately, the likelier.
    Found out, it costs trust and will not be granted (every grant earned by the world's
    facts, or paid for)."""
    if founded:
        return
    superior = request.receiver
    recent = sum(1 for r in game.requests.recent_from(seat, game.turn - 3)
                 if not r.truthful and r.id != request.id)
    chance = min(1.0, game.detect_chance(superior, seat) * (1.0 + 0.5 * recent))
    if not game.chance(chance):
        return
    request.detected = True
    relation = game.relations[(superior, seat)]
    relation.trust = max(0.0, relation.trust - game.params.trust_lie / 2)
    relation.memory.append((game.turn, -0.5))
    game.emit("request_unfounded", actor=superior, target=seat, task=task,
              data={"request": request.id, "request_kind": request.kind,
                    "reason": unfounded_reason(game, request)},
              hidden={"recent_unfounded": recent})


# ----- requests of other kinds ----------------------------------------------------------------


def check_coordination(game: World, seat: str, move: RequestCoordination) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "request_coordination")
    price = game.params.party_committee_standing
    if refusal is None and move.party_committee and game.units[seat].standing < price:
        return refuse("standing", "政治资本不足以请党委出面。", "Too little standing to ask "
                      "the party committee.")
    return refusal or _already(game, seat, move.task, "coordination")


def apply_coordination(game: World, seat: str, move: RequestCoordination) -> None:
    unit = game.units[seat]
    beyond = unit.outside_problem > 0 or "outside" in unit.spent
    if move.party_committee:
        unit.standing -= game.params.party_committee_standing
    data = {"party_committee": move.party_committee}
    request = open_request(game, seat, move.task, "coordination", data, truthful=beyond)
    game.emit(
        "request_coordination",
        actor=seat,
        target=request.receiver,
        task=move.task,
        data={**data, "request": request.id},
        hidden={"beyond_unit": beyond},
    )
    _check_founded(game, seat, move.task, request, beyond)


def check_proposal(game: World, seat: str, move: ProposeTarget) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "propose_target")
    refusal = refusal or _no_explaining(game, seat, move.task)
    if refusal is None and move.target is None and move.grace_turns == 0:
        return refuse("empty", "请提出新目标或宽限期。", "Propose a target or grace turns.")
    return refusal or _already(game, seat, move.task, "proposal")


def apply_proposal(game: World, seat: str, move: ProposeTarget) -> None:
    assignment = game.assignments[(seat, move.task)]
    short = lowball(game, seat, move.task, move.target)
    # Time is earned too: a pace tolerance needs a cause the world confirms.
    time_earned = move.grace_turns == 0 or bool(true_causes(game, seat, move.task))
    honest = not short and time_earned
    data = {"target": move.target, "grace_turns": move.grace_turns}
    request = open_request(game, seat, move.task, "proposal", data, truthful=honest)
    game.emit(
        "propose_target",
        actor=seat,
        target=request.receiver,
        task=move.task,
        data={**data, "request": request.id},
        hidden={"capacity": round(assignment.capacity, 3), "honest": honest,
                "lowball": round(short, 4)},
    )
    if short:
        fuzz = game.task_by_id[move.task].fuzziness
        if game.chance(game.lie_chance(request.receiver, seat, short, fuzz)):
            request.detected = True
            _caught(game, request.receiver, seat, move.task, request.id, [], True)
    else:
        _check_founded(game, seat, move.task, request, time_earned)


def check_rule(game: World, seat: str, move: CiteRule) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "cite_rule")
    return refusal or _already(game, seat, move.task, "rule")


def apply_rule(game: World, seat: str, move: CiteRule) -> None:
    request = open_request(game, seat, move.task, "rule", {})
    game.emit("cite_rule", actor=seat, target=request.receiver, task=move.task,
              data={"request": request.id})


def check_policy(game: World, seat: str, move: RequestPolicy) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "request_policy")
    return refusal or _already(game, seat, move.task, "policy")


def apply_policy(game: World, seat: str, move: RequestPolicy) -> None:
    assignment = game.assignments[(seat, move.task)]
    needed = assignment.target > assignment.capacity * 1.05
    request = open_request(game, seat, move.task, "policy", {}, truthful=needed)
    game.emit("request_policy", actor=seat, target=request.receiver, task=move.task,
              data={"request": request.id}, hidden={"capacity_short": needed})
    _check_founded(game, seat, move.task, request, needed)


def check_collude(game: World, seat: str, move: Collude) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "collude")
    return refusal or _already(game, seat, move.task, "collusion")


def apply_collude(game: World, seat: str, move: Collude) -> None:
    assignment = game.assignments[(seat, move.task)]
    done, length = game.elapsed(move.task)
    gap = max(0.0, assignment.target * done / length - assignment.reported)
    request = open_request(game, seat, move.task, "collusion", {"gap": round(gap, 3)})
    game.emit("collude", actor=seat, target=request.receiver, task=move.task,
              data={"request": request.id}, hidden={"gap": round(gap, 3)})


# ----- shift_blame ---------------------------------------------------------------------------


def check_blame(game: World, seat: str, move: ShiftBlame) -> Refusal | None:
    refusal = _up_checks(game, seat, move.task, "shift_blame")
    if refusal is None and not _recently_sanctioned(game, seat, move.task):
        return refuse("no_sanction", "没有需要推卸的问责。", "No sanction to deflect.")
    if refusal is None and _blamed(game, seat, move.task):
        return refuse("twice", "已经推过责了。", "You already shifted the blame.")
    return refusal


def _recently_sanctioned(game: World, seat: str, task: str) -> bool:
    return game.turn - game.assignments[(seat, task)].sanctioned_turn <= 1


def _blamed(game: World, seat: str, task: str) -> bool:
    return game.assignments[(seat, task)].blamed_turn == game.turn


def apply_blame(game: World, seat: str, move: ShiftBlame) -> None:
    superior = game.hierarchy.superior(seat, move.task) or ""
    detected = game.chance(game.detect_chance(superior, seat))
    unit = game.units[seat]
    game.assignments[(seat, move.task)].blamed_turn = game.turn
    pay_time(game, seat, "shift_blame", [], "talk")
    if detected:
        relation = game.relations[(superior, seat)]
        relation.trust = max(0.0, relation.trust - game.params.trust_lie / 2)
    else:
        unit.morale = min(1.0, unit.morale + game.params.morale_sanction / 2)
        unit.pressure = max(0.0, unit.pressure - 0.1)
    game.emit("shift_blame", actor=seat, target=superior, task=move.task,
              data={"seen_through": detected})


HANDLERS: dict[str, tuple[Check, Apply]] = {
    "report_progress": (check_report, apply_report),
    "explain_shortfall": (check_explain, apply_explain),
    "request_coordination": (check_coordination, apply_coordination),
    "propose_target": (check_proposal, apply_proposal),
    "cite_rule": (check_rule, apply_rule),
    "request_policy": (check_policy, apply_policy),
    "collude": (check_collude, apply_collude),
    "shift_blame": (check_blame, apply_blame),
}
