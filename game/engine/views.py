"""What one seat may know: its documents, its stakes, the requests before it, the moves open to it.

A seat sees the events it took part in, the world's announcements, and the meetings and
rankings that name it; it knows its own true capacity and output but only the reported figures
and its own estimates of the units below it. Hidden fields of events never leave this module.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from game.engine.directives import default_split
from game.engine.moves import DIRECTION, PHASE_OF

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.world import World

#: Event kinds that are statistics, not documents (they feed the turn report and the charts).
STATISTICS = ("turn_started", "execution", "unit_turn", "relation_turn", "split_quota",
              "negotiation_space")

#: The inbox's folders: which event kinds file under which category.
CATEGORY: dict[str, str] = {
    **dict.fromkeys(("task_started", "directive_issued", "set_reporting", "adjust_target",
                     "ratchet", "quota_forwarded"), "directive"),
    **dict.fromkeys(("report_progress", "explain_shortfall", "request_coordination",
                     "propose_target", "cite_rule", "request_policy", "collude", "shift_blame"),
                    "request"),
    "request_answered": "reply",
    **dict.fromkeys(("research_visit", "symposium", "mobilization_meeting", "supervise"),
                    "meeting"),
    **dict.fromkeys(("assessment", "ranking_published", "inspection", "task_closed"),
                    "assessment"),
    **dict.fromkeys(("accountability", "false_cause_detected", "falsification_detected",
                     "collusion", "report_missing", "request_unfounded"), "accountability"),
    "incentive": "incentive",
    **dict.fromkeys(("world_event", "game_over", "facilitator_notice"), "world"),
    **dict.fromkeys(("quota_split", "allocate_time", "lever_social", "respond_local_needs",
                     "symbolic_execution", "quasi_exit"), "internal"),
}
CATEGORIES = ("directive", "request", "reply", "meeting", "assessment", "accountability",
              "incentive", "world", "sent", "internal")

#: Funds and standing some moves take, as the engine's checks ask for them
#: (talk_up.check_coordination, talk_down.check_answer and check_incentive).

#: The composer's actions: move kinds, plus falsifying a report (a report_progress with an
#: overstatement), which the composer files under the pathologies.
ACTIONS: tuple[str, ...] = (*PHASE_OF, "falsify_report")
PATHOLOGY_ACTIONS = ("falsify_report", "collude", "shift_blame", "symbolic_execution",
                     "quasi_exit")
_NEEDS_SUPERIOR = {k for k, d in DIRECTION.items() if d == "up"} | {"falsify_report"}
_NEEDS_SUBORDINATES = {k for k, d in DIRECTION.items() if d == "down"} - {"answer"}
_CARRIER_ONLY = {"allocate_time", "lever_social", "symbolic_execution", "quasi_exit"}


@dataclass(frozen=True)
class Document:
    """One piece of paper in a seat's inbox, built from a visible event (never its hidden part).

    Attributes:
        direction: "in" (addressed to the seat or about it), "out" (the seat's own act),
            or "world" (an announcement to everyone).
    """

    seq: int
    turn: int
    phase: str
    kind: str
    category: str
    direction: str
    sender: str
    recipient: str
    task: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Resources:
    """A seat's means this turn."""

    cadre_time: float
    time_left: float
    funds: float
    standing: float
    morale: float


@dataclass(frozen=True)
class SubordinateStake:
    """A unit below the seat on a task, as the seat knows it: records and estimates."""

    unit: str
    external: float
    target: float
    reported: float
    cadence: str
    estimate: float | None
    trust: float
    symmetry: float
    familiarity: float
    suggested: float = 0.0


@dataclass(frozen=True)
class Stake:
    """The seat's own assignment on a task. `capacity` and `delivered` are known to a carrier
    (its own work); an owner knows only what was reported from below."""

    task: str
    superior: str | None
    external: float
    target: float
    passed_down: float
    reported: float
    delivered: float | None
    capacity: float | None
    cadence: str
    grace_until: int
    deadline: int
    active: bool
    subordinates: list[SubordinateStake] = field(default_factory=list)


@dataclass(frozen=True)
class PendingRequest:
    """Something sent up to the seat and not yet answered (never whether it was truthful)."""

    id: int
    turn: int
    kind: str
    sender: str
    task: str
    data: dict[str, Any]
    detected: bool


@dataclass(frozen=True)
class MoveOption:
    """An action the seat may take in this phase, with its price and its possible objects.

    `funds` and `standing` give what the action takes at most in its usual form; None means
    the player chooses the sum (levering, economic incentives).
    """

    action: str
    move_kind: str
    group: str
    cadre_days: float
    addressee_days: float
    funds: float | None
    standing: float
    tasks: list[str]
    subordinates: list[str]
    addressees: list[str]
    requests: list[int] = field(default_factory=list)


# ----- events and documents -----------------------------------------------------------------


def reaches(event: Event, seat: str) -> bool:
    """Whether the seat may see the event: it took part, it is named, or the world was told."""
    return event.visible_to(seat)


def visible_events(game: World, seat: str, turn: int | None = None) -> list[Event]:
    """The events that reach the seat (of one turn, or all). The log is in turn order, so
    one turn's events are found by bisection, not by reading the whole log (a workshop host
    builds the turn's report after every move at fifteen tables)."""
    log = game.log
    if turn is None:
        return [e for e in log if reaches(e, seat)]
    found = []
    for index in range(bisect_left(log, turn, key=_turn_of), len(log)):
        event = log[index]
        if event.turn != turn:
            break
        if reaches(event, seat):
            found.append(event)
    return found


def _turn_of(event: Event) -> int:
    return event.turn


def document(event: Event, seat: str) -> Document:
    """The event as the seat's document: only its visible data. What the seat itself sent
    files under "sent" (but assessments it made stay under "assessment")."""
    if event.actor == seat:
        direction = "out"
    elif event.target == seat or event.actor:
        direction = "in"
    else:
        direction = "world"
    category = CATEGORY.get(event.kind, "world")
    if direction == "out" and category not in ("internal", "assessment", "world"):
        category = "sent"
    return Document(event.seq, event.turn, event.phase, event.kind, category,
                    direction, event.actor, event.target, event.task, dict(event.data))


def documents(game: World, seat: str, events: list[Event] | None = None) -> list[Document]:
    """The seat's inbox, oldest first (from `events` when given, else from the whole log)."""
    chosen = visible_events(game, seat) if events is None else [
        e for e in events if reaches(e, seat)]
    return [_arrival(game, document(e, seat)) for e in chosen if e.kind in CATEGORY]


def _arrival(game: World, doc: Document) -> Document:
    """A task's first directive comes from the top owner's own government, not from itself."""
    if doc.kind != "task_started":
        return doc
    parent = game.hierarchy.parent(doc.sender) or ""
    return replace(doc, sender=parent, recipient=doc.sender, direction="in",
                   category="directive")


# ----- the seat's stakes ---------------------------------------------------------------------


def resources(game: World, seat: str) -> Resources:
    """The seat's time, money, standing and morale now."""
    unit = game.units[seat]
    return Resources(unit.cadre_time, unit.time_left, unit.funds, unit.standing, unit.morale)


def stakes(game: World, seat: str) -> list[Stake]:
    """The seat's assignments on every task of its line, in scenario order."""
    result = []
    for task in game.hierarchy.tasks_of(seat):
        own, state = game.assignments[(seat, task)], game.tasks[task]
        subs = [_sub_stake(game, seat, s, task) for s in game.hierarchy.subordinates(seat, task)]
        carrier = not subs
        result.append(Stake(
            task, own.superior, own.external, own.target, own.passed_down, own.reported,
            own.delivered if carrier else None, own.capacity if carrier else None,
            own.cadence, own.grace_until, state.deadline, state.active, subs,
        ))
    return result


def _sub_stake(game: World, seat: str, sub: str, task: str) -> SubordinateStake:
    assignment, relation = game.assignments[(sub, task)], game.relations[(seat, sub)]
    suggested = assignment.external
    if (task, seat) in game.unsplit:
        # Not split yet: the window offers the seat's own estimate-weighted split, with the
        # task's markup (never a computer style's), for the player to change.
        suggested = default_split(game, seat, task).get(sub, 0.0)
    return SubordinateStake(sub, assignment.external, assignment.target, assignment.reported,
                            assignment.cadence, relation.estimates.get(task), relation.trust,
                            relation.symmetry, relation.familiarity, suggested)


def pending_requests(game: World, seat: str) -> list[PendingRequest]:
    """Requests addressed to the seat that await its answer."""
    return [PendingRequest(r.id, r.turn, r.kind, r.sender, r.task, dict(r.data), r.detected)
            for r in game.pending_for(seat)]


def request_to(game: World, seat: str, request_id: int) -> PendingRequest | None:
    """A request addressed to the seat, answered or not (None if there is no such request or it
    is not the seat's); never whether it was truthful."""
    if not 0 <= request_id < len(game.requests):
        return None
    r = game.requests[request_id]
    if r.receiver != seat:
        return None
    return PendingRequest(r.id, r.turn, r.kind, r.sender, r.task, dict(r.data), r.detected)


# ----- moves ---------------------------------------------------------------------------------


def _running(game: World, seat: str) -> list[str]:
    return [t for t in game.hierarchy.tasks_of(seat) if game.tasks[t].active]


def _tasks_for(game: World, seat: str, action: str) -> list[str]:
    running = _running(game, seat)
    subs = game.hierarchy.subordinates
    if action in _NEEDS_SUPERIOR:
        return [t for t in running if game.hierarchy.superior(seat, t) is not None]
    if action == "split_quota":
        return [t for t in running if subs(seat, t) and game.tasks[t].start == game.turn]
    if action in _NEEDS_SUBORDINATES:
        return [t for t in running if subs(seat, t)]
    if action in _CARRIER_ONLY:
        tasks = [t for t in running if not subs(seat, t)]
        if action == "lever_social":
            tasks = [t for t in tasks if game.task_by_id[t].social_leverage]
        return tasks
    return running


def _addressees(game: World, seat: str, action: str, tasks: list[str]) -> list[str]:
    group = DIRECTION.get(action, "up")
    found: dict[str, None] = {}
    for task in tasks:
        if group == "up":
            found[game.hierarchy.superior(seat, task) or ""] = None
        elif group == "down":
            found.update(dict.fromkeys(game.hierarchy.subordinates(seat, task)))
    if action == "answer":
        found = dict.fromkeys(r.sender for r in game.pending_for(seat))
    return [u for u in found if u]


def _option(game: World, seat: str, action: str) -> MoveOption | None:
    kind = "report_progress" if action == "falsify_report" else action
    if action == "answer":
        if not game.pending_for(seat):
            return None
        tasks = sorted({r.task for r in game.pending_for(seat)})
    elif action in ("respond_local_needs",):
        tasks = []
    else:
        tasks = _tasks_for(game, seat, action)
        if not tasks:
            return None
    actor_days, each = game.params.move_costs[kind]
    subs = sorted({s for t in tasks for s in game.hierarchy.subordinates(seat, t)},
                  key=list(game.units).index)
    group = "pathology" if action in PATHOLOGY_ACTIONS else DIRECTION[kind]
    funds, standing = _price(game, action)
    requests = [r.id for r in game.pending_for(seat)] if action == "answer" else []
    return MoveOption(action, kind, group, actor_days, each, funds, standing, tasks, subs,
                      _addressees(game, seat, kind, tasks), requests)


def _price(game: World, action: str) -> tuple[float | None, float]:
    params = game.params
    if action in ("lever_social", "incentive"):
        return None, params.political_incentive_standing if action == "incentive" else 0.0
    if action == "answer":
        return params.policy_answer_funds, 0.0
    if action == "request_coordination":
        return 0.0, params.party_committee_standing
    return 0.0, 0.0


def move_options(game: World, seat: str) -> list[MoveOption]:
    """The actions open to the seat in the current phase (the engine still checks each one)."""
    if game.over:
        return []
    actions = [a for a in ACTIONS if PHASE_OF.get(a, "report") == game.phase]
    options = (_option(game, seat, a) for a in actions)
    return [o for o in options if o is not None]


def moves_made(game: World, seat: str) -> list[dict[str, Any]]:
    """The seat's accepted moves in the current turn and phase, as submitted."""
    return [r.move for r in game.recorded
            if r.seat == seat and (r.turn, r.phase) == (game.turn, game.phase)]


# ----- the seat's own judgment of a request ---------------------------------------------------

#: Requests a seat never agrees to by default: a collusion offer, and condoning inflated figures.
NEVER_BY_DEFAULT = ("collusion", "discrepancy")
#: A unit "cannot" reach its target, in the seat's estimate, below this share of it (the same
#: margin the computer superiors use in counterparts._plausible).
SHORTFALL_MARGIN = 0.95


@dataclass(frozen=True)
class SuggestedAnswer:
    """The answer the seat's own knowledge points to, offered as the window's default.

    Attributes:
        request: the request's number.
        accept: agree (True) or not.
        target: for an agreed explanation or proposal, the new target (in the task's unit,
            e.g. mu); None keeps the target (or lets the engine use what was asked).
        why: the ground, one of "collusion", "discrepancy", "found_false", "estimate_supports",
            "estimate_refutes", "no_estimate", "grace_only", "funds_short", "help".
        estimate: the seat's estimate of the sender's capacity on the task, if it has one.
        current: the sender's current target on the task.
    """

    request: int
    accept: bool
    target: float | None
    why: str
    estimate: float | None
    current: float


def suggested_answer(game: World, seat: str, request: PendingRequest) -> SuggestedAnswer:
    """What the seat, judging by what it knows, would answer to a pending request.

    Only the seat's view enters: the request as sent, whether its causes were already found
    false, the sender's current target, and the seat's own estimate of the sender's capacity
    (raised by research visits). Never agrees to collusion or to condoning inflated figures
    (paper 二.2 on collusion). An explanation or a proposal is agreed when the estimate says
    the current target is out of reach (below `SHORTFALL_MARGIN` of it); the new target is
    what was asked, but not below the estimate: min(current, max(asked, estimate)). A request
    for supporting policy is agreed on the same ground if the seat has the funds; coordination
    and a cited rule are agreed unless found unfounded.

    Args:
        game: the world.
        seat: the unit answering.
        request: one of `pending_requests(game, seat)`.

    Returns:
        The suggested answer and its ground.
    """
    current = game.assignments[(request.sender, request.task)].target
    estimate = game.relations[(seat, request.sender)].estimates.get(request.task)

    def answer(accept: bool, why: str, target: float | None = None) -> SuggestedAnswer:
        return SuggestedAnswer(request.id, accept, target, why, estimate, current)

    if request.kind in NEVER_BY_DEFAULT:
        return answer(False, request.kind)
    if request.detected:
        return answer(False, "found_false")
    short = estimate is not None and estimate < SHORTFALL_MARGIN * current
    if request.kind in ("explanation", "proposal"):
        return _judge_target(request, estimate, current, short, answer)
    if request.kind == "policy":
        if not short:
            return answer(False, "estimate_refutes" if estimate is not None else "no_estimate")
        enough = game.units[seat].funds >= game.params.policy_answer_funds
        return answer(enough, "estimate_supports" if enough else "funds_short")
    return answer(True, "help")


def _judge_target(request: PendingRequest, estimate: float | None, current: float, short: bool,
                  answer: Callable[..., SuggestedAnswer]) -> SuggestedAnswer:
    asked = request.data.get("proposed_target")
    if asked is None:  # a proposal names "target"; 0 is a figure too, not a missing one
        asked = request.data.get("target")
    if not short:
        return answer(False, "estimate_refutes" if estimate is not None else "no_estimate")
    if asked is None and request.kind == "proposal":
        return answer(True, "grace_only")
    floor = max(float(asked) if asked is not None else 0.0, estimate or 0.0)
    return answer(True, "estimate_supports", round(min(current, floor), 1))
