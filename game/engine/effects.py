"""What a seat's moves changed in one turn, as the seat may know it (the turn report's opening).

Built only from the events that reach the seat (`views.reaches`) and their visible data, plus
the rules every player reads (what a move costs, what a visit adds to information symmetry):
never a hidden field, never another unit's true capacity or output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.engine.views import Document, document, visible_events

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.world import World

#: The event each move writes, by event kind: the move kind it stands for.
MOVE_OF_EVENT: dict[str, str] = {
    **{k: k for k in (
        "report_progress", "explain_shortfall", "request_coordination", "propose_target",
        "cite_rule", "request_policy", "collude", "shift_blame", "split_quota", "allocate_time",
        "lever_social", "set_reporting", "research_visit", "symposium", "mobilization_meeting",
        "supervise", "incentive", "adjust_target", "respond_local_needs", "symbolic_execution",
        "quasi_exit")},
    "request_answered": "answer",
    "accountability": "sanction",
}
#: Events that answer or find out something the seat sent up (they name its request).
REPLY_KINDS = ("request_answered", "false_cause_detected", "request_unfounded")


@dataclass(frozen=True)
class MoveEffect:
    """One move the seat made, the replies it drew and what it changed.

    Attributes:
        move: the move as the seat's own document (what it sent or did).
        move_kind: the move's kind (answer, sanction, report_progress, ...).
        replies: documents answering it or finding it out, each with its `data["reason"]`
            when the engine gives one.
        changes: what moved, by key: "cadre_days" (the move's cost), "funds" and "standing"
            (spent, negative), "target" ([old, new] in the task's unit), "grace_until" (turn),
            "relief" (cadre-days), "capacity_added", "figure" (the cumulative figure on the record
            once assessed, else the one sent), "pace"
            (the share of the due progress on the record after assessment, 0-1), "trust"
            (change, -1..1, of the superior's trust where a rule fixes it), "symmetry"
            (information symmetry added, 0-1), "sanctions" (count), "levered", "output"
            ({task: output}), "morale_gain".
    """

    move: Document
    move_kind: str
    replies: tuple[Document, ...] = ()
    changes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RelationChange:
    """Trust and information symmetry on one of the seat's relations, before and after the
    turn (None where the seat had no reading yet)."""

    superior: str
    subordinate: str
    trust_before: float | None
    trust_after: float | None
    symmetry_before: float | None
    symmetry_after: float | None


@dataclass(frozen=True)
class TurnEffects:
    """The seat's moves of one turn and the turn's totals.

    Attributes:
        moves: each move in the order made.
        relations: the seat's relations this turn.
        funds: the seat's funds (10,000 yuan) at the end of the previous turn and of this one.
        cadre_days: cadre-days the seat's moves cost it.
        sanctions_received: accountability that fell on the seat this turn.
    """

    turn: int
    moves: tuple[MoveEffect, ...]
    relations: tuple[RelationChange, ...]
    funds: tuple[float | None, float | None]
    cadre_days: float
    sanctions_received: int


def move_effects(game: World, seat: str, turn: int) -> TurnEffects:
    """The seat's moves of `turn`, their replies and effects, and the turn's totals."""
    events = visible_events(game, seat, turn)
    moves = tuple(_effect(game, seat, event, events) for event in events if _is_move(event, seat))
    received = sum(1 for e in events if e.kind == "accountability" and e.target == seat)
    return TurnEffects(turn, moves, _relations(game, seat, turn, events),
                       (_funds(game, seat, turn - 1), _funds(game, seat, turn)),
                       round(sum(m.changes.get("cadre_days", 0.0) for m in moves), 3), received)


def _is_move(event: Event, seat: str) -> bool:
    if event.actor != seat or event.kind not in MOVE_OF_EVENT:
        return False
    if event.kind == "request_answered":
        return not event.data.get("expired")
    if event.kind == "accountability":
        return event.data.get("source") == "discretion"
    return True


def _effect(game: World, seat: str, event: Event, events: list[Event]) -> MoveEffect:
    kind = MOVE_OF_EVENT[event.kind]
    params, data = game.params, event.data
    changes: dict[str, Any] = {"cadre_days": params.move_costs[kind][0]}
    if kind == "respond_local_needs":
        changes["cadre_days"] = data.get("days", 0.0)
    replies = [e for e in events if _answers(event, e)]
    for reply in replies:
        _reply_changes(game, reply, changes)
    _own_changes(game, kind, data, changes)
    if kind == "report_progress":
        replies += [e for e in events if e.kind == "falsification_detected"
                    and e.target == seat and e.task == event.task]
        for caught in replies:
            if caught.kind == "falsification_detected":
                changes["trust"] = changes.get("trust", 0.0) - params.trust_lie
        assessed = [e for e in events if e.kind == "assessment" and e.target == seat
                    and e.task == event.task]
        changes["figure"] = assessed[-1].data.get("reported") if assessed else data.get(
            "figure")
        if assessed:
            changes["pace"] = assessed[-1].data.get("ratio")
    if kind in ("allocate_time", "symbolic_execution", "quasi_exit"):
        _work(seat, kind, event, events, changes)
    return MoveEffect(document(event, seat), kind,
                      tuple(document(r, seat) for r in replies), changes)


def _answers(move: Event, other: Event) -> bool:
    """Whether `other` answers or finds out the request `move` filed (or, for an answer the
    seat gave, the collusion it let through)."""
    if move.kind == "request_answered":  # a collusion is written just before the answer
        return other.kind == "collusion" and other.seq == move.seq - 1
    request = move.data.get("request")
    return request is not None and other.kind in REPLY_KINDS and other.seq > move.seq \
        and other.data.get("request") == request


def _reply_changes(game: World, reply: Event, changes: dict[str, Any]) -> None:
    params = game.params
    _reply_changes_of_answer(reply.data, changes)
    if reply.kind == "false_cause_detected":
        changes["trust"] = changes.get("trust", 0.0) - params.trust_lie
    elif reply.kind == "request_unfounded":
        changes["trust"] = changes.get("trust", 0.0) - params.trust_lie / 2


def _own_changes(game: World, kind: str, data: dict[str, Any], changes: dict[str, Any]) -> None:
    params = game.params
    if kind == "answer":
        _reply_changes_of_answer(data, changes)
        if data.get("accepted") and data.get("request_kind") == "policy":
            changes["funds"] = -params.policy_answer_funds
    elif kind == "adjust_target":
        changes["target"] = [data.get("old_target"), data.get("new_target")]
    elif kind == "lever_social":
        changes.update(funds=-float(data.get("funds", 0.0)), levered=data.get("levered"))
    elif kind == "incentive":
        if data.get("incentive") in ("economic", "supporting_policy"):
            changes["funds"] = -float(data.get("amount", 0.0))
        if data.get("incentive") == "political":
            changes["standing"] = -params.political_incentive_standing
        for key in ("morale_gain", "capacity_added"):
            if data.get(key):
                changes[key] = data[key]
    elif kind == "request_coordination" and data.get("party_committee"):
        changes["standing"] = -params.party_committee_standing
    elif kind == "research_visit":
        changes["symmetry"] = params.visit_symmetry
    elif kind == "symposium":
        changes["symmetry"] = params.symposium_symmetry
    elif kind == "mobilization_meeting":
        changes["symmetry"] = params.symposium_symmetry / 2
    elif kind == "supervise":
        changes["symmetry"] = params.supervise_symmetry
    elif kind == "sanction":
        changes.update(sanctions=1, trust=-params.trust_sanction)
    elif kind == "shift_blame" and data.get("seen_through"):
        changes["trust"] = -params.trust_lie / 2


def _reply_changes_of_answer(data: dict[str, Any], changes: dict[str, Any]) -> None:
    if "new_target" in data:
        changes["target"] = [data.get("old_target"), data["new_target"]]
    for key in ("grace_until", "relief", "capacity_added"):
        if data.get(key):
            changes[key] = data[key]


def _work(seat: str, kind: str, move: Event, events: list[Event],
          changes: dict[str, Any]) -> None:
    done = [e for e in events if e.kind == "execution" and e.actor == seat
            and (kind == "allocate_time" or e.task == move.task)]
    changes["output"] = {e.task: e.data.get("output") for e in done}
    if kind != "allocate_time":
        changes["paper"] = sum(float(e.data.get("paper", 0.0)) for e in done)


def _relations(game: World, seat: str, turn: int, events: list[Event]) -> tuple[
        RelationChange, ...]:
    now = {(e.actor, e.target): e.data for e in events if e.kind == "relation_turn"}
    before = {(e.actor, e.target): e.data for e in visible_events(game, seat, turn - 1)
              if e.kind == "relation_turn"} if turn > 1 else _initial_relations(game, seat)
    pairs = [p for p in now if seat in p]
    return tuple(RelationChange(
        sup, sub, before.get((sup, sub), {}).get("trust"), now[(sup, sub)].get("trust"),
        before.get((sup, sub), {}).get("symmetry"), now[(sup, sub)].get("symmetry"))
        for sup, sub in pairs)


def _initial_relations(game: World, seat: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The scenario's starting trust and symmetry on the seat's relations (the scenario file
    states them: every player may read it)."""
    defaults = game.scenario.relation_defaults
    listed = {(r.superior, r.subordinate): r for r in game.scenario.relations}
    found = {}
    for pair in game.relations:
        if seat in pair:
            spec = listed.get(pair) or defaults
            found[pair] = {"trust": spec.trust, "symmetry": spec.information_symmetry}
    return found


def _funds(game: World, seat: str, turn: int) -> float | None:
    if turn < 1:
        start = next((u for u in game.scenario.units if u.id == seat), None)
        return None if start is None else float(start.funds)
    for event in visible_events(game, seat, turn):
        if event.kind == "unit_turn" and event.actor == seat:
            return float(event.data["funds"])
    return None
