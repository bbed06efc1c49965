"""Scripted policies that play one human seat through the public engine API.

A policy is called once in every interactive phase (plan, report, respond) with a `Hand`: the
game and the seat it plays. It acts only through `Game.submit` (refused moves change nothing)
and decides from what the seat may know (views.py): its own assignments, time, funds and, for a
carrier, its own true capacity; the requests sent up to it; for a superior, the figures
reported from below and its *estimates* of its subordinates' capacities, never their truth;
and the world's public announcements. The tournament (game/tournament.py) plays them all.

Which seat a policy suits is given by its roles: "carrier" (works a task itself), "owner"
(passes a task down), "up" (has a superior on some task), "any".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from game.engine.causes import in_preparation, true_causes
from game.engine.game import INTERACTIVE, Game
from game.engine.moves import (
    CAUSES,
    DIRECTION,
    PATHOLOGIES,
    PHASE_OF,
    AdjustTarget,
    AllocateTime,
    Answer,
    CiteRule,
    Collude,
    ExplainShortfall,
    GiveIncentive,
    LeverSocial,
    MobilizationMeeting,
    Move,
    ProposeTarget,
    QuasiExit,
    ReportProgress,
    RequestCoordination,
    RequestPolicy,
    ResearchVisit,
    RespondLocalNeeds,
    Sanction,
    SetReporting,
    ShiftBlame,
    SplitQuota,
    Supervise,
    SymbolicExecution,
    Symposium,
)
from game.engine.views import PendingRequest, Stake, SubordinateStake, pending_requests, stakes
from game.scenario.models import Scenario

# ----- the seat's hand --------------------------------------------------------------------------


@dataclass(frozen=True)
class Submitted:
    """One move a policy submitted, and what the engine said (refusal code and English text)."""

    turn: int
    phase: str
    move: dict[str, Any]
    ok: bool
    refusal: str | None = None
    reason: str | None = None


@dataclass
class Hand:
    """The game and the seat a policy plays, and a record of every move it submitted."""

    game: Game
    seat: str
    submitted: list[Submitted] = field(default_factory=list)

    def submit(self, move: Move) -> bool:
        """Submit a move for the seat; whether it was accepted."""
        result = self.game.submit(self.seat, move)
        refusal = result.refusal
        self.submitted.append(Submitted(
            self.game.turn, self.game.phase, move.model_dump(mode="json"), result.ok,
            refusal.code if refusal else None, refusal.en if refusal else None))
        return result.ok

    def first(self, moves: Iterable[Move]) -> bool:
        """Submit candidates in order until one is accepted; whether one was."""
        return any(self.submit(move) for move in moves)


Policy = Callable[[Hand], None]


@dataclass(frozen=True)
class PolicySpec:
    """A named policy, the seats it suits, and the function that plays a phase."""

    name: str
    roles: frozenset[str]
    act: Policy

    @property
    def doc(self) -> str:
        """The first line of the policy's docstring."""
        return (self.act.__doc__ or "").strip().splitlines()[0]


# ----- what the seat knows ----------------------------------------------------------------------


def _active(game: Game, seat: str) -> list[str]:
    return [t for t in game.hierarchy.tasks_of(seat) if game.tasks[t].active]


def carried(game: Game, seat: str) -> list[str]:
    """Running tasks the seat works itself (it has no subordinates on them)."""
    return [t for t in _active(game, seat) if not game.hierarchy.subordinates(seat, t)]


def owned(game: Game, seat: str) -> list[str]:
    """Running tasks the seat passes down to subordinates."""
    return [t for t in _active(game, seat) if game.hierarchy.subordinates(seat, t)]


def reporting(game: Game, seat: str) -> list[str]:
    """Running tasks on which the seat has a superior to report to."""
    return [t for t in _active(game, seat) if game.hierarchy.superior(seat, t) is not None]


def seat_roles(game: Game, seat: str) -> set[str]:
    """The roles the seat holds on any task of the scenario (running or not)."""
    roles = {"any"}
    for task in game.hierarchy.tasks_of(seat):
        roles.add("owner" if game.hierarchy.subordinates(seat, task) else "carrier")
        if game.hierarchy.superior(seat, task) is not None:
            roles.add("up")
    return roles


def _recent_world(game: Game, seat: str, turns: int = 2) -> Iterator[dict[str, Any]]:
    """The data of the public world events of the last `turns` turns, newest first."""
    log = game.log
    for index in range(len(log) - 1, -1, -1):
        event = log[index]
        if event.turn < game.turn - turns:
            return
        if event.kind == "world_event" and event.visible_to(seat):
            yield event.data


def _touched(game: Game, seat: str, unit: str, kind: str) -> bool:
    """Whether a public world event of `kind` named `unit` in the last two turns."""
    return any(d.get("event_kind") == kind and unit in d["targets"]
               for d in _recent_world(game, seat))


def _beyond_reach(game: Game, seat: str, unit: str) -> bool:
    """Whether a public event beyond the unit's reach (beyond_unit) touched it lately."""
    return any(d.get("beyond_unit") and unit in d["targets"] for d in _recent_world(game, seat))


def known_causes(game: Game, seat: str, task: str) -> set[str]:
    """The causes the seat can honestly cite for a shortfall on the task.

    A carrier knows its own situation (capacity, time, funds, what hit it): the world's true
    causes. An owner knows its own time and funds and the public events, but judges its
    capacity from what it heard below (an honest mistake is possible), so it claims a
    capacity limit only with a margin.
    """
    if task in carried(game, seat):
        return true_causes(game, seat, task)
    unit, own = game.units[seat], game.assignments[(seat, task)]
    subs = game.hierarchy.subordinates(seat, task)
    causes = set()
    if any(_touched(game, seat, u, "weather") for u in (seat, *subs)):
        causes.add("weather")
    if _touched(game, seat, seat, "petition_surge"):
        causes.add("petition_surge")
    if own.target > 1.1 * _estimated(game, seat, task):
        causes.add("capacity_limit")
    if unit.overload > 1.1:
        causes.add("overload")
    if unit.funds < 1.0:
        causes.add("funding_gap")
    if in_preparation(game, seat, task, margin=1):
        causes.add("data_preparation")
    return causes


def _estimated(game: Game, seat: str, task: str) -> float:
    """What the seat believes it can deliver: its capacity if it carries the task, else the
    sum over its subordinates of the target each negotiated down to (what it said it can
    do), or the seat's estimate where it did not (its target where there is no estimate)."""
    if not game.hierarchy.subordinates(seat, task):
        return game.assignments[(seat, task)].capacity
    believed = 0.0
    for sub in _stake(game, seat, task).subordinates:
        negotiated = sub.target < sub.external - 1e-6
        guess = sub.estimate if sub.estimate is not None else sub.target
        believed += sub.target if negotiated else guess
    return believed


def _stake(game: Game, seat: str, task: str) -> Stake:
    return next(s for s in stakes(game, seat) if s.task == task)


def _expected(game: Game, seat: str, task: str, turns_done: int) -> float:
    own = game.assignments[(seat, task)]
    length = game.tasks[task].deadline - game.tasks[task].start + 1
    return own.target * turns_done / length


def _sent_lately(game: Game, seat: str, task: str, kind: str, turns: int = 1) -> bool:
    return any(game.requests.filed(game.turn - k, seat, task, kind) for k in range(turns + 1))


# ----- thoughtful play --------------------------------------------------------------------------


def thoughtful(hand: Hand) -> None:
    """Honest, careful communicative play at either level (paper 一 and 二).

    A township works to its real capacity and gives villagers their due (主体责任, 对内负责),
    levers social resources (横向动员), reports truthfully, explains a shortfall by true causes
    with a target at its real capacity, and hands up only problems beyond its reach (一.2). A
    bureau researches before it deploys and splits its quota by its estimates with a modest
    markup (一.3), visits where it knows little, keeps reporting weekly, accepts explanations
    its knowledge supports and rejects detected lies and collusion (二.1, 二.2), grants
    supporting policy where targets exceed its estimates, rewards by difficulty (一.4) and
    sanctions only real shirking.
    """
    {"plan": _plan_thoughtful, "report": _report_honestly,
     "respond": _respond_thoughtful}[hand.game.phase](hand)


def _plan_thoughtful(hand: Hand) -> None:
    game, seat = hand.game, hand.seat
    starting = [t for t in owned(game, seat) if game.tasks[t].start == game.turn]
    for task in starting:
        hand.submit(Symposium(task=task))
    _visit_where_unknown(hand)  # learn before splitting
    for task in owned(game, seat):
        if task in starting:
            split_by_estimates(hand, task)
            hand.submit(MobilizationMeeting(task=task))
        for sub in _stake(game, seat, task).subordinates:
            if sub.cadence == "daily":
                hand.submit(SetReporting(subordinate=sub.unit, task=task, cadence="weekly"))
    _plan_work(hand)


def split_by_estimates(hand: Hand, task: str, extra: float = 0.0, cap: float = 0.2,
                       shrink: bool = True) -> bool:
    """Split the seat's target by its estimates (drawn toward their mean by how little each is
    worth when `shrink`, else taken at face value) with the scenario's customary markup (at
    most `cap`) plus `extra`; whether the split was accepted."""
    game, seat = hand.game, hand.seat
    spec = game.task_by_id[task]
    markup = min(cap, spec.markup_by_unit.get(seat, spec.markup)) + extra
    subs = _stake(game, seat, task).subordinates
    weights = (shrunk_estimates(game, seat, task) if shrink else
               [s.estimate or 0.0 for s in subs])
    if sum(weights) <= 0:
        weights = [1.0] * len(subs)
    to_pass = game.assignments[(seat, task)].target * (1.0 + markup)
    shares = {s.unit: round(to_pass * w / sum(weights), 3) for s, w in zip(subs, weights,
                                                                         strict=True)}
    return hand.submit(SplitQuota(task=task, shares=shares))


def shrunk_estimates(game: Game, seat: str, task: str) -> list[float]:
    """The seat's estimates of its subordinates' capacities on the task, each drawn toward
    their common (geometric) mean by how little it is worth (empirical Bayes, log scale).

    An estimate is the truth times a log-normal error whose spread the seat knows from its
    information symmetry and familiarity (the rule of `estimate_error`); the spread of the
    estimates around their mean is that error plus the real differences between the units.
    Keeping of each estimate's distance from the mean only the share the real differences
    explain fits the split to the capacities better than trusting noisy guesses at face value
    (了解和评估政策实施环境, paper 一.3). Units without an estimate get 0.
    """
    subs = _stake(game, seat, task).subordinates
    logs = {s.unit: math.log(s.estimate) for s in subs if s.estimate and s.estimate > 0}
    if len(logs) < 2:
        return [s.estimate or 0.0 for s in subs]
    centre = sum(logs.values()) / len(logs)
    observed = sum((v - centre) ** 2 for v in logs.values()) / (len(logs) - 1)
    noise = {s.unit: _spread(game, seat, s.unit) ** 2 for s in subs if s.unit in logs}
    shrunk = []
    for sub in subs:
        if sub.unit not in logs:
            shrunk.append(0.0)
            continue
        real = max(0.0, observed - sum(noise.values()) / len(noise))
        keep = real / (real + noise[sub.unit]) if real + noise[sub.unit] > 0 else 0.0
        shrunk.append(math.exp(centre + keep * (logs[sub.unit] - centre)))
    return shrunk


def _visit_where_unknown(hand: Hand, most: int = 2) -> None:
    game, seat = hand.game, hand.seat
    subs: dict[str, float] = {}
    for task in owned(game, seat):
        for sub in _stake(game, seat, task).subordinates:
            subs[sub.unit] = min(sub.symmetry, subs.get(sub.unit, 1.0))
    low = sorted((sym, unit) for unit, sym in subs.items() if sym < 0.6)
    for _, unit in low[:most]:
        hand.submit(ResearchVisit(subordinate=unit))


def _plan_work(hand: Hand) -> None:
    """Share the carrier's time by what each task still needs to reach its real capacity,
    the rest to villagers, and lever a part of the funds where society can help."""
    game, seat = hand.game, hand.seat
    tasks = carried(game, seat)
    if not tasks:
        return
    unit = game.units[seat]
    weights: dict[str, float] = {}
    for task in tasks:
        own, spec = game.assignments[(seat, task)], game.task_by_id[task]
        left = max(1, game.tasks[task].deadline - game.turn + 1)
        remaining = max(0.0, own.capacity - own.delivered)
        weights[task] = round(1.1 * remaining * spec.work_per_unit / left, 3)
    local = unit.local_needs * unit.cadre_time
    levering = [t for t in tasks if game.task_by_id[t].social_leverage and unit.funds >= 3.0]
    for task in levering:
        hand.submit(LeverSocial(task=task, funds=round(0.3 * unit.funds, 2)))
    # The plain plan shares the time there is evenly and draws no overtime; where that share
    # covers every task's need and the villagers', a plan of one's own would only add hours.
    even = unit.time_left / (len(tasks) + 1)
    if all(need <= even for need in weights.values()) and local <= even:
        return
    slack = unit.time_left - sum(weights.values())
    weights["local_needs"] = round(max(local, slack, 0.0), 3)
    if sum(weights.values()) > 0:
        hand.submit(AllocateTime(weights=weights))


def _report_honestly(hand: Hand, explain: bool = True) -> None:
    game, seat = hand.game, hand.seat
    unit = game.units[seat]
    for task in reporting(game, seat):
        hand.submit(ReportProgress(task=task))
        if unit.outside_problem > 0:
            big = unit.outside_problem > 0.2 * unit.cadre_time and unit.standing >= 2.0
            hand.submit(RequestCoordination(task=task, party_committee=big))
        if explain:
            _explain_truly(hand, task)


def _explain_truly(hand: Hand, task: str) -> None:
    game, seat = hand.game, hand.seat
    own = game.assignments[(seat, task)]
    done = game.turn - game.tasks[task].start + 1
    if in_preparation(game, seat, task) and not _sent_lately(game, seat, task, "proposal", 9):
        prep = game.task_by_id[task].slow_start[seat] - done + 2
        hand.submit(ProposeTarget(task=task, grace_turns=max(1, min(6, prep))))
        return
    causes = known_causes(game, seat, task)
    capable = _estimated(game, seat, task)
    behind = own.reported + own.last_output < 0.9 * _expected(game, seat, task, done)
    if not causes or not (behind or "capacity_limit" in causes):
        return
    if not _sent_lately(game, seat, task, "explanation"):
        proposed = round(capable, 3) if "capacity_limit" in causes else None
        hand.submit(ExplainShortfall(task=task, causes=sorted(causes)[:4],
                                     proposed_target=proposed))
    if "capacity_limit" in causes and not _sent_lately(game, seat, task, "policy", 2):
        hand.submit(RequestPolicy(task=task))
    if (game.task_by_id[task].fuzziness >= 0.5 and not own.flexible
            and not _sent_lately(game, seat, task, "rule", 2)):
        hand.submit(CiteRule(task=task))


def _respond_thoughtful(hand: Hand) -> None:
    game, seat = hand.game, hand.seat
    for request in pending_requests(game, seat):
        accept, target = judge(game, seat, request)
        hand.submit(Answer(request=request.id, accept=accept, target=target))
    for task in owned(game, seat):
        _oversee(hand, task)
        _reward_by_difficulty(hand, task)


def judge(game: Game, seat: str, request: PendingRequest) -> tuple[bool, float | None]:
    """Accept what the seat's knowledge supports; reject detected lies and collusion.

    A cited cause must fit what the seat knows: the public events for weather and petitions,
    the task's data-first plan, its estimate (within its error) for a capacity limit, and its
    trust for what it cannot see. An accepted target is the one asked for unless that lies
    below the low end of the estimate's error band (a lowball), which sets the floor.

    Returns:
        (accept, new target or None).
    """
    if request.detected or request.kind in ("collusion", "discrepancy"):
        return False, None
    sub, task = request.sender, request.task
    target = game.assignments[(sub, task)].target
    low = _low_estimate(game, seat, sub, task)
    if request.kind == "coordination":
        return _beyond_reach(game, seat, sub), None
    if request.kind == "rule":
        return game.task_by_id[task].fuzziness >= 0.5, None
    if request.kind == "policy":
        return low < target and game.units[seat].funds >= game.params.policy_answer_funds, None
    if request.data.get("grace_turns") and request.data.get("target") is None:
        return sub in game.task_by_id[task].slow_start, None
    causes = request.data.get("causes") or ["capacity_limit"]
    if not all(_credible(game, seat, sub, task, c, low, target) for c in causes):
        return False, None
    asked = request.data.get("proposed_target")
    asked = request.data.get("target") if asked is None else asked
    if asked is None:
        return True, None
    return True, round(min(target, max(asked, low)), 3)


def _low_estimate(game: Game, seat: str, sub: str, task: str) -> float:
    """The low end of the seat's estimate of the unit's capacity: two spreads below it, the
    spread shrinking with information symmetry and familiarity (0 without an estimate)."""
    estimate = game.relations[(seat, sub)].estimates.get(task)
    if estimate is None:
        return 0.0
    return estimate * math.exp(-2 * _spread(game, seat, sub))


def _spread(game: Game, seat: str, sub: str) -> float:
    """The log-scale spread of the seat's estimates of the unit (the rule of
    `estimate_error`: it shrinks with information symmetry and familiarity)."""
    relation = game.relations[(seat, sub)]
    spread = game.params.estimate_error * (1 - 0.8 * relation.symmetry)
    return spread * (1 - 0.3 * relation.familiarity)


def _credible(game: Game, seat: str, sub: str, task: str, cause: str, low: float,
              target: float) -> bool:
    if cause in ("weather", "petition_surge"):
        return _touched(game, seat, sub, cause)
    if cause == "capacity_limit":
        return low < target
    if cause == "data_preparation":
        return sub in game.task_by_id[task].slow_start
    return game.relations[(seat, sub)].trust >= 0.5  # overload, funds: on trust


def _oversee(hand: Hand, task: str) -> None:
    """Sanction only a unit whose report lies far below what it could feasibly have done."""
    game, seat = hand.game, hand.seat
    done = game.turn - game.tasks[task].start  # reports run to last turn's assessment
    length = game.tasks[task].deadline - game.tasks[task].start + 1
    for sub in _stake(game, seat, task).subordinates:
        if done < 1 or game.turn <= game.assignments[(sub.unit, task)].grace_until:
            continue
        feasible = min(sub.target, sub.estimate or sub.target) * done / length
        if sub.reported < 0.6 * feasible:
            hand.submit(Sanction(subordinate=sub.unit, task=task, sanction="notice"))
        elif sub.reported < 0.9 * feasible:
            hand.submit(Supervise(subordinate=sub.unit, task=task))


def _reward_by_difficulty(hand: Hand, task: str) -> None:
    """One incentive a task a turn, larger where the target is harder (paper 一.4)."""
    game, seat = hand.game, hand.seat
    subs = _stake(game, seat, task).subordinates

    def difficulty(sub: SubordinateStake) -> tuple[float, str]:
        return sub.target / (sub.estimate or sub.target or 1.0), sub.unit

    hardest = max(subs, key=difficulty)
    # Support only a target still above what the unit is believed to manage and never
    # negotiated down: once a unit has said what it can do and the target follows, money that
    # raises its capacity would leave the target behind it.
    # Keep money for the supporting policies the units themselves may still ask for.
    negotiated = hardest.target < hardest.external - 1e-6
    reserve = game.params.policy_answer_funds * sum(1 for s in subs if difficulty(s)[0] > 1.0)
    if (difficulty(hardest)[0] > 1.1 and not negotiated
            and game.units[seat].funds >= 2.0 + reserve):
        move = GiveIncentive(subordinate=hardest.unit, task=task,
                             incentive="supporting_policy", amount=2.0)
    elif game.task_by_id[task].fuzziness >= 0.5 and not game.assignments[
            (hardest.unit, task)].flexible:
        move = GiveIncentive(subordinate=hardest.unit, task=task, incentive="experiment")
    else:
        move = GiveIncentive(subordinate=hardest.unit, task=task, incentive="spiritual")
    hand.submit(move)


# ----- township-side degenerate play ------------------------------------------------------------


def do_nothing(hand: Hand) -> None:
    """Only ends phases: the seat leaves everything to the engine's defaults (准退出 at its
    limit, paper 二.3)."""
    del hand


def falsify(hand: Hand) -> None:
    """Thoughtful play, but behind pace it overstates its progress instead of explaining
    (数字造假, paper 二.1): the table shows what the lie itself wins or costs."""
    if hand.game.phase != "report":
        thoughtful(hand)
        return
    game, seat = hand.game, hand.seat
    for task in reporting(game, seat):
        own = game.assignments[(seat, task)]
        done = game.turn - game.tasks[task].start + 1
        gap = _expected(game, seat, task, done) - own.reported - own.last_output
        hand.submit(ReportProgress(task=task, overstate=round(max(0.0, gap), 3)))


def symbolic(hand: Hand) -> None:
    """Does every carried task on paper only, every turn, and nothing else (象征性执行,
    paper 二.3)."""
    if hand.game.phase == "plan":
        for task in carried(hand.game, hand.seat):
            hand.submit(SymbolicExecution(task=task))


def false_causes(hand: Hand) -> None:
    """Thoughtful play, but every turn it explains with invented causes and proposes half its
    real capacity (虚假归因 and bargaining down, paper 二.1)."""
    if hand.game.phase != "report":
        thoughtful(hand)
        return
    _report_honestly(hand, explain=False)
    game, seat = hand.game, hand.seat
    for task in reporting(game, seat):
        truth = known_causes(game, seat, task) | true_causes(game, seat, task)
        invented = [c for c in CAUSES if c not in truth][:2] or ["weather"]
        low = round(0.5 * _estimated(game, seat, task), 3)
        hand.submit(ExplainShortfall(task=task, causes=invented, proposed_target=low))


def cheap_spam(hand: Hand) -> None:
    """Every move open in the phase that is not a pathology, on every object, with its
    cheapest valid arguments, every turn: ritual volume without judgement (形式主义,
    paper 二.3)."""
    for kind in PHASE_OF:
        if PHASE_OF[kind] == hand.game.phase and kind not in PATHOLOGIES:
            for group in cheapest(hand.game, hand.seat, kind):
                hand.first(group)


# ----- bureau-side degenerate play --------------------------------------------------------------


def _split_plainly(hand: Hand, extra: float = 0.0) -> None:
    for task in owned(hand.game, hand.seat):
        if hand.game.tasks[task].start == hand.game.turn:
            split_by_estimates(hand, task, extra=extra, cap=1.0, shrink=False)


def pressure(hand: Hand) -> None:
    """Pressure-type command (压力型体制, paper 二.2): its own extra markup, daily reports,
    every request rejected, every laggard sanctioned, a veto for those far behind."""
    game, seat = hand.game, hand.seat
    if game.phase == "plan":
        _split_plainly(hand, extra=0.1)
        for task in owned(game, seat):
            for sub in _stake(game, seat, task).subordinates:
                if sub.cadence != "daily":
                    hand.submit(SetReporting(subordinate=sub.unit, task=task, cadence="daily"))
    elif game.phase == "respond":
        for request in pending_requests(game, seat):
            hand.submit(Answer(request=request.id, accept=False))
        for task in owned(game, seat):
            done = game.turn - game.tasks[task].start
            length = game.tasks[task].deadline - game.tasks[task].start + 1
            for sub in _stake(game, seat, task).subordinates:
                pace = sub.target * done / length
                if done >= 1 and sub.reported < 0.95 * pace:
                    kind = "veto" if sub.reported < 0.6 * pace and 2 * done > length else (
                        "talk" if sub.reported < 0.8 * pace else "notice")
                    hand.submit(Sanction(subordinate=sub.unit, task=task, sanction=kind))


def zero_targets(hand: Hand) -> None:
    """Splits every quota to nothing and holds every target at zero (目标虚置)."""
    game, seat = hand.game, hand.seat
    for task in owned(game, seat):
        subs = _stake(game, seat, task).subordinates
        if game.phase == "plan" and game.tasks[task].start == game.turn:
            hand.submit(SplitQuota(task=task, shares={s.unit: 0.0 for s in subs}))
        elif game.phase == "respond":
            for sub in subs:
                if game.assignments[(sub.unit, task)].target > 0:
                    hand.submit(AdjustTarget(subordinate=sub.unit, task=task, target=0.0))


def veto_all(hand: Hand) -> None:
    """Splits plainly, then vetoes every subordinate every turn (一票否决 as routine)."""
    game, seat = hand.game, hand.seat
    if game.phase == "plan":
        _split_plainly(hand)
    elif game.phase == "respond":
        for task in owned(game, seat):
            for sub in _stake(game, seat, task).subordinates:
                hand.submit(Sanction(subordinate=sub.unit, task=task, sanction="veto"))


def accept_all(hand: Hand) -> None:
    """Splits plainly, then accepts every request, collusion and discrepancies included
    (共谋, paper 二.2)."""
    game, seat = hand.game, hand.seat
    if game.phase == "plan":
        _split_plainly(hand)
    elif game.phase == "respond":
        for request in pending_requests(game, seat):
            hand.submit(Answer(request=request.id, accept=True))


# ----- generated: one move kind, repeated -------------------------------------------------------


def cheapest(game: Game, seat: str, kind: str) -> list[list[Move]]:
    """Candidate moves of one kind, one group per object (task, subordinate, request), each
    group cheapest first: the policy submits a group's candidates until one is accepted."""
    subs = [(s.unit, st.task) for st in stakes(game, seat) if st.active for s in st.subordinates]
    up, mine = reporting(game, seat), carried(game, seat)
    makers: dict[str, Callable[[], list[list[Move]]]] = {
        "report_progress": lambda: [[ReportProgress(task=t)] for t in up],
        "explain_shortfall": lambda: [[ExplainShortfall(task=t, causes=[c]) for c in CAUSES]
                                      for t in up],
        "request_coordination": lambda: [[RequestCoordination(task=t)] for t in up],
        "propose_target": lambda: [[ProposeTarget(task=t, grace_turns=1)] for t in up],
        "cite_rule": lambda: [[CiteRule(task=t)] for t in up],
        "request_policy": lambda: [[RequestPolicy(task=t)] for t in up],
        "collude": lambda: [[Collude(task=t)] for t in up],
        "shift_blame": lambda: [[ShiftBlame(task=t)] for t in up],
        "answer": lambda: [[Answer(request=r.id, accept=False), Answer(request=r.id, accept=True)]
                           for r in pending_requests(game, seat)],
        "split_quota": lambda: [[SplitQuota(task=t, shares={
            s: round(game.assignments[(s, t)].target, 3)
            for s in game.hierarchy.subordinates(seat, t)})] for t in owned(game, seat)],
        "allocate_time": lambda: [[AllocateTime(weights=dict.fromkeys(mine, 1.0))]] if mine
        else [],
        "lever_social": lambda: [[LeverSocial(task=t, funds=0.1)] for t in mine],
        "set_reporting": lambda: [[SetReporting(subordinate=s, task=t, cadence=game.assignments[
            (s, t)].cadence)] for s, t in subs],
        "research_visit": lambda: [[ResearchVisit(subordinate=s)] for s in dict.fromkeys(
            s for s, _ in subs)],
        "symposium": lambda: [[Symposium(task=t)] for t in owned(game, seat)],
        "mobilization_meeting": lambda: [[MobilizationMeeting(task=t)] for t in owned(game,
                                                                                       seat)],
        "supervise": lambda: [[Supervise(subordinate=s, task=t)] for s, t in subs],
        "incentive": lambda: [[GiveIncentive(subordinate=s, task=t, incentive="spiritual")]
                              for s, t in subs],
        "adjust_target": lambda: [[AdjustTarget(subordinate=s, task=t, target=round(
            game.assignments[(s, t)].target, 3))] for s, t in subs],
        "sanction": lambda: [[Sanction(subordinate=s, task=t, sanction="notice")]
                             for s, t in subs],
        "respond_local_needs": lambda: [[RespondLocalNeeds(days=1.0)]],
        "symbolic_execution": lambda: [[SymbolicExecution(task=t)] for t in mine],
        "quasi_exit": lambda: [[QuasiExit(task=t)] for t in mine],
    }
    return makers[kind]()


def repeat(kind: str) -> Policy:
    """The generated policy that repeats one move kind every turn on every object."""

    def act(hand: Hand) -> None:
        if hand.game.phase == PHASE_OF[kind]:
            for group in cheapest(hand.game, hand.seat, kind):
                hand.first(group)

    act.__doc__ = (f"Repeats {kind} every turn on every object with its cheapest valid "
                   "arguments: can one move, made often enough, win?")
    return act


_CARRIER_KINDS = {"allocate_time", "lever_social", "symbolic_execution", "quasi_exit"}


def _repeat_roles(kind: str) -> frozenset[str]:
    if kind in _CARRIER_KINDS:
        return frozenset({"carrier"})
    return frozenset({{"up": "up", "down": "owner"}.get(DIRECTION[kind], "any")})


POLICIES: dict[str, PolicySpec] = {
    spec.name: spec for spec in (
        PolicySpec("thoughtful", frozenset({"any"}), thoughtful),
        PolicySpec("falsify", frozenset({"up"}), falsify),
        PolicySpec("do_nothing", frozenset({"any"}), do_nothing),
        PolicySpec("symbolic", frozenset({"carrier"}), symbolic),
        PolicySpec("false_causes", frozenset({"up"}), false_causes),
        PolicySpec("cheap_spam", frozenset({"any"}), cheap_spam),
        PolicySpec("pressure", frozenset({"owner"}), pressure),
        PolicySpec("zero_targets", frozenset({"owner"}), zero_targets),
        PolicySpec("veto_all", frozenset({"owner"}), veto_all),
        PolicySpec("accept_all", frozenset({"owner"}), accept_all),
        *(PolicySpec(f"repeat:{kind}", _repeat_roles(kind), repeat(kind)) for kind in PHASE_OF),
    )
}


def policies_for(game: Game, seat: str) -> list[str]:
    """The names of the policies that suit the seat, thoughtful first."""
    roles = seat_roles(game, seat)
    return [name for name, spec in POLICIES.items() if spec.roles & roles]


# ----- playing ----------------------------------------------------------------------------------


def play_policy(scenario: Scenario, seat: str, policy: str, seed: int = 0,
                superior: str | None = None, subordinate: str | None = None) -> Hand:
    """Play a whole game with `policy` in `seat` and the computer everywhere else.

    Raises:
        KeyError: no such policy.
        ValueError: the unit is not a seat of the scenario.
    """
    act = POLICIES[policy].act
    game = Game(scenario, seed, humans=[seat], superior_style=superior,  # type: ignore[arg-type]
                subordinate_style=subordinate)  # type: ignore[arg-type]
    hand = Hand(game, seat)
    while not game.over:
        if game.phase in INTERACTIVE:
            act(hand)
        game.advance()
    return hand
