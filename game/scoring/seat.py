"""The seat's own score: how a player played, from the outcomes of the seat's own conduct.

The county's report says how the county did; this says how *one seat* did, measured after the
game with what the final reveal knows (true capacities, which figures and causes were false).
Nothing here counts how often a move was made: every part is an outcome — output against the
seat's own true capacity, the time its cadres really had, the truth of what it sent up, the fit of
the targets it split and answered, the trust and morale it left below it.

A part with nothing to measure is "not applicable" (`value` None, shown as —) and leaves the
composite; no part is ever NaN or infinite.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.game import Game


@dataclass(frozen=True)
class Part:
    """One part of a seat's score: what it measures, its weight and the paper's passage."""

    key: str
    weight: float
    zh: str
    en: str
    section: str
    quote: str
    #: A faithful English translation of `quote`.
    quote_en: str = ""


#: Shared by both roles (a middle bureau reports up too), weighted 2 for a township.
CREDIBILITY = Part("credibility", 2.0, "上报的可信度", "Credibility of what was sent up", "二.1",
                   "对于上级来说,下级“实际上做没做以及做了多少,我都是知道的”。",
                   quote_en=("For the superior, \"whether the subordinate actually did it, and "
                             "how much it did — I know all of that.\""))

TOWNSHIP_PARTS = (
    Part("own_output", 3.0, "尽其所能", "Output against own capacity", "二.2",
         "主体责任是指,基层政权是基层政策执行的第一责任主体,应当把政策任务的有效落实作为自身的行动取向。",
         quote_en=("Main responsibility means that the grassroots regime is the first "
                   "responsible subject of grassroots policy implementation and should take "
                   "the effective implementation of policy tasks as the orientation of its "
                   "own action.")),
    CREDIBILITY,
    Part("target_fit", 1.0, "目标回到实际能力", "Target brought to real capacity", "一",
         "上级对下级层层加码的空间,留有下级与上级讨价还价的余地,只要保证加码的部分能够弥补下级讨价还价的部分,则依然能够达成上级政策目标(见图1)。",
         quote_en=("The room the superior keeps by escalating layer by layer leaves the "
                   "subordinate room to bargain with the superior; as long as the part added"
                   " by escalation makes up for the part the subordinates bargain away, the "
                   "superior's policy target can still be achieved (see Figure 1).")),
    Part("local_needs", 1.0, "对内负责", "Local needs answered", "二.2",
         "对内负责是指,基层政府在完成上级行政化任务的同时还要回应下级的内生性需求",
         quote_en=("Being responsible inward means that the grassroots government, while "
                   "completing the administrative tasks from above, must also respond to the"
                   " endogenous needs of those below it")),
    Part("overload", 1.0, "干部不超负荷", "Cadres not overloaded", "三（第二）",
         "而不会动不动就“一票否决”或“末位淘汰”,进而减少干部的超负荷程度和体制的刚性程度。",
         quote_en=("…and would not readily resort to the \"one-vote veto\" or \"elimination of "
                   "the last-ranked\", thereby reducing the degree of cadres' overload and "
                   "the rigidity of the system.")),
    Part("paperwork", 1.0, "少做纸面文章", "Little time on paper", "三（第一）",
         "随着对政策过程管理的加强,建立了日报表、周考核、月通报等工作进度体系,在任何时间点上落后都可能会被通报批评。",
         quote_en=("With the strengthening of policy-process management, a work-progress "
                   "system of daily reports, weekly assessments and monthly notices was set "
                   "up; falling behind at any point in time may bring a notice of criticism.")),
    Part("social_leverage", 1.0, "横向动员", "Social resources levered", "二.2",
         "其三,横向动员是指,在政策执行中强调内部动员,依据自身的能力把上级安排的政策任务落实下去。",
         quote_en=("Third, horizontal mobilization means stressing internal mobilization in "
                   "policy implementation and carrying out the policy tasks arranged from "
                   "above according to one's own capacity.")),
)

BUREAU_PARTS = (
    Part("real_target", 3.0, "完成所欠的真实目标", "The real target it owed", "一（图1）",
         "只要保证加码的部分能够弥补下级讨价还价的部分,则依然能够达成上级政策目标(见图1)。",
         quote_en=("As long as the part added by escalation makes up for the part the "
                   "subordinates bargain away, the superior's policy target can still be "
                   "achieved (see Figure 1).")),
    Part("judgment", 2.0, "判断下级来文", "Judging what was sent up", "一.1",
         "上级政府在充分了解情况的基础上进行客观性归因,即认为政策执行不力不是由下级工作态度或工作能力导致的,而是源于不可控的客观因素。",
         quote_en=("The superior government, on the basis of fully understanding the "
                   "situation, makes an objective attribution: it holds that poor policy "
                   "implementation is caused not by the subordinate's work attitude or "
                   "ability but by uncontrollable objective factors.")),
    Part("split_fit", 1.5, "指标切合实际能力", "Targets fitted to real capacities", "一.3",
         "了解和评估政策实施环境,征询下级的政策实施意见,制定相对合理的政策。",
         quote_en=("…learns about and assesses the environment in which the policy will be "
                   "implemented, solicits the subordinates' views on implementation, and "
                   "formulates a relatively reasonable policy.")),
    replace(CREDIBILITY, weight=1.5),
    Part("integrity", 1.5, "不共谋、不转报虚数", "No collusion, no false figures passed up", "二.2",
         "如果仅考虑层级间的责任连带,上下级之间的政策共同体就会因为内部利益一致产生基层共谋。",
         quote_en=("If only the joint responsibility between levels is considered, the "
                   "policy community of superior and subordinate will, because their "
                   "internal interests coincide, give rise to grassroots collusion.")),
    Part("burden", 1.0, "不给下级添负担", "Burden put on the townships", "三（第一）",
         "随着对政策过程管理的加强,建立了日报表、周考核、月通报等工作进度体系,在任何时间点上落后都可能会被通报批评。",
         quote_en=("With the strengthening of policy-process management, a work-progress "
                   "system of daily reports, weekly assessments and monthly notices was set "
                   "up; falling behind at any point in time may bring a notice of criticism.")),
    Part("trust_morale", 1.0, "下级的信任与士气", "Trust and morale below", "三（第二）",
         "上级能够真实地掌握下级的情况,下级具有解释和协商的机会,这样政策执行的松紧度就可以把握",
         quote_en=("The superior can truly grasp the subordinate's situation and the "
                   "subordinate has the chance to explain and negotiate, so that how tight "
                   "or loose policy implementation should be can be judged")),
)


def _scale(measured: float, zero: float, full: float) -> float:
    """Map `measured` onto 0-100: `zero` -> 0, `full` -> 100, clipped (zero > full inverts)."""
    if not math.isfinite(measured) or zero == full:
        return 0.0
    value = 100.0 * (measured - zero) / (full - zero)
    return max(0.0, min(100.0, value))


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole > 0 and math.isfinite(part) and math.isfinite(whole) else None


class _Log:
    """The log's events indexed for one seat's measures, and each task's cycles."""

    def __init__(self, game: Game) -> None:
        self.game = game
        self.by_kind: dict[str, list[Event]] = defaultdict(list)
        self.starts: dict[str, list[int]] = defaultdict(list)
        for event in game.log:
            self.by_kind[event.kind].append(event)
            if event.kind == "task_started":
                self.starts[event.task].append(event.seq)

    def cycle(self, event: Event) -> int:
        """Which run of its task an event belongs to (0 for the first)."""
        return max(0, sum(1 for seq in self.starts.get(event.task, ()) if seq <= event.seq) - 1)

    def of(self, kind: str, actor: str = "", target: str = "") -> list[Event]:
        return [e for e in self.by_kind.get(kind, ())
                if (not actor or e.actor == actor) and (not target or e.target == target)]

    def last_execution(self, unit: str) -> dict[tuple[str, int], Event]:
        """The unit's last execution event of each (task, cycle): its figures at the end."""
        last: dict[tuple[str, int], Event] = {}
        for event in self.of("execution", actor=unit):
            last[(event.task, self.cycle(event))] = event
        return last


def _entry(part: Part, measured: float | None, value: float | None, evidence: Iterable[int],
           zh: str, en: str) -> dict[str, Any]:
    ok = measured is not None and value is not None and math.isfinite(value)
    return {
        "key": part.key,
        "label": {"zh": part.zh, "en": part.en},
        "weight": part.weight,
        "measured": round(measured, 4) if ok and measured is not None else None,
        "value": round(value, 2) if ok and value is not None else None,
        "explanation": ({"zh": zh, "en": en} if ok else
                        {"zh": "本局没有可供衡量的事件（不适用）。",
                         "en": "Nothing in this game to measure (not applicable)."}),
        "evidence": sorted(set(evidence))[:50],
        "citation": {"section": part.section, "quote": part.quote, "quote_en": part.quote_en},
    }


# ----- township ----------------------------------------------------------------------------


def _own_output(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    last = log.last_execution(unit)
    delivered = sum(float(e.data["delivered"]) for e in last.values())
    possible = sum(min(float(e.hidden["capacity"]), float(e.data["external"]))
                   for e in last.values())
    ratio = _ratio(delivered, possible)
    value = None if ratio is None else _scale(ratio, 0.4, 1.0)
    pct = 100 * (ratio or 0.0)
    return _entry(part, ratio, value, (e.seq for e in last.values()),
                  f"实际完成 {delivered:.0f}，占本单位真实能力（不超过下达指标）的 {pct:.0f}%。",
                  f"Delivered {delivered:.0f}, {pct:.0f}% of what the unit could really do "
                  f"(up to its quota).")


def _credibility(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    """Truthful items sent up against all, each false one weighted by its size."""
    true_w = false_w = 0.0
    evidence: list[int] = []
    false_items: list[str] = []
    for event in log.of("report_progress", actor=unit):
        over = float(event.hidden.get("overstate", 0.0))
        if over > 0:
            base = max(1.0, float(event.hidden.get("expected", 0.0)) or 1.0)
            false_w += 1.0 + min(3.0, over / base * 4.0)
            false_items.append(f"#{event.seq}")
            evidence.append(event.seq)
        else:
            true_w += 1.0
    checks = {"explain_shortfall": "truthful", "propose_target": "honest",
              "request_coordination": "beyond_unit", "request_policy": "capacity_short"}
    for kind, flag in checks.items():
        for event in log.of(kind, actor=unit):
            if event.hidden.get(flag, True):
                true_w += 1.0
            else:
                false_w += 1.5
                evidence.append(event.seq)
    for kind in ("collude", "shift_blame", "report_missing"):
        for event in log.of(kind, actor=unit):
            false_w += 1.5 if kind != "report_missing" else 1.0
            evidence.append(event.seq)
    ratio = _ratio(true_w, true_w + false_w)
    value = None if ratio is None else _scale(ratio, 0.5, 1.0)
    pct = 100 * (ratio or 0.0)
    return _entry(part, ratio, value, evidence,
                  f"上报的内容按分量计 {pct:.0f}% 属实；"
                  "虚报、编造的原因、无据的请求和缺报拉低了可信度。",
                  f"{pct:.0f}% of what went up was true, by weight; false figures, invented "
                  "causes, unfounded requests and missing reports lower it.")


def _target_fit(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    last = log.last_execution(unit)
    gaps: list[float] = []
    for event in last.values():
        ideal = min(float(event.hidden["capacity"]), float(event.data["external"]))
        if ideal > 0:
            gaps.append(abs(float(event.data["target"]) - ideal) / ideal)
    gap = sum(gaps) / len(gaps) if gaps else None
    value = None if gap is None else _scale(gap, 0.3, 0.0)
    pct = 100 * (gap or 0.0)
    return _entry(part, gap, value, (e.seq for e in last.values()),
                  f"最终目标与实际能力相差 {pct:.0f}%（既非加码后的指标，也非压低的数）。",
                  f"The final target stood {pct:.0f}% from the unit's real capacity (neither the "
                  f"escalated quota nor a lowball).")


def _turn_means(log: _Log, unit: str) -> tuple[list[Event], dict[str, float]]:
    turns = log.of("unit_turn", actor=unit)
    if not turns:
        return turns, {}
    count = float(len(turns))
    return turns, {
        "overload": sum(float(e.data["overload"]) for e in turns) / count,
        "formalism": sum(float(e.data["formalism"]) for e in turns) / count,
    }


def _local_needs(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    shares = [min(1.0, float(e.data["local_given"]) / float(e.data["local_required"]))
              for e in log.of("unit_turn", actor=unit) if float(e.data["local_required"]) > 0]
    share = sum(shares) / len(shares) if shares else None
    value = None if share is None else _scale(share, 0.5, 1.0)
    pct = 100 * (share or 0.0)
    return _entry(part, share, value, (), f"村民自身的诉求平均得到 {pct:.0f}% 的回应。",
                  f"Villagers' own needs were answered {pct:.0f}% on average.")


def _overload(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    turns, means = _turn_means(log, unit)
    load = means.get("overload")
    value = None if load is None else _scale(load, 1.4, 1.0)
    return _entry(part, load, value, (e.seq for e in turns),
                  f"干部平均工作量为可用时间的 {100 * (load or 0):.0f}%。",
                  f"Cadres worked {100 * (load or 0):.0f}% of the time they had, on average.")


def _paperwork(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    turns, means = _turn_means(log, unit)
    share = means.get("formalism")
    value = None if share is None else _scale(share, 0.5, 0.1)
    return _entry(part, share, value, (e.seq for e in turns),
                  f"干部时间有 {100 * (share or 0):.0f}% 花在报表、返工、会议和纸面上。",
                  f"{100 * (share or 0):.0f}% of cadre time went on reports, rework, meetings "
                  f"and paper.")


def _social_leverage(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    game = log.game
    state = game.units[unit]
    spec = next(u for u in game.scenario.units if u.id == unit)
    levering = [t for t in game.hierarchy.tasks_of(unit)
                if game.task_by_id[t].social_leverage and not game.hierarchy.subordinates(unit, t)]
    potential = float(spec.funds) * float(state.social_resources)
    if not levering or potential <= 0:
        return _entry(part, None, None, (), "", "")
    events = [e for e in log.of("lever_social", actor=unit)]
    levered = sum(float(e.data["levered"]) for e in events)
    share = min(1.0, levered / potential)
    return _entry(part, share, _scale(share, 0.0, 0.6), (e.seq for e in events),
                  f"用公共资金撬动社会资源 {levered:.1f}，为可撬动量的 {100 * share:.0f}%。",
                  f"Public money levered {levered:.1f} of social resources, {100 * share:.0f}% of "
                  f"what could be levered.")


# ----- bureau ------------------------------------------------------------------------------


def _descendant_carriers(game: Game, unit: str, task: str) -> list[str]:
    found: list[str] = []
    stack = list(game.hierarchy.subordinates(unit, task))
    while stack:
        sub = stack.pop()
        below = game.hierarchy.subordinates(sub, task)
        if below:
            stack.extend(below)
        else:
            found.append(sub)
    return found


def _owed(log: _Log, unit: str) -> dict[tuple[str, int], float]:
    """What the unit owed on each (task, cycle): the quota it received, or the original."""
    owed: dict[tuple[str, int], float] = {}
    for event in log.of("directive_issued", target=unit):
        owed.setdefault((event.task, log.cycle(event)), float(event.data["quota"]))
    for event in log.by_kind.get("task_started", ()):
        if event.actor == unit:
            owed.setdefault((event.task, log.cycle(event)), float(event.data["original"]))
    return owed


def _real_target(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    owed = _owed(log, unit)
    delivered = 0.0
    evidence: list[int] = []
    for (task, cycle) in owed:
        for carrier in _descendant_carriers(log.game, unit, task):
            event = log.last_execution(carrier).get((task, cycle))
            if event is not None:
                delivered += float(event.data["delivered"])
                evidence.append(event.seq)
    total = sum(owed.values())
    ratio = _ratio(delivered, total)
    value = None if ratio is None else _scale(ratio, 0.5, 1.0)
    pct = 100 * (ratio or 0.0)
    return _entry(part, ratio, value, evidence,
                  f"下级实际完成 {delivered:.0f}，占本单位所欠真实目标 {total:.0f} 的 {pct:.0f}%。",
                  f"The units below really delivered {delivered:.0f}, {pct:.0f}% of the "
                  f"{total:.0f} this unit owed.")


def _split_fit(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    """Distance between the shares of the final targets and of the true capacities."""
    game = log.game
    distances: list[float] = []
    evidence: list[int] = []
    cycles = {(t, c) for (t, c) in _owed(log, unit)}
    for task, cycle in sorted(cycles):
        rows = []
        for sub in game.hierarchy.subordinates(unit, task):
            event = log.last_execution(sub).get((task, cycle))
            if event is not None:
                rows.append((float(event.data["target"]), float(event.hidden["capacity"])))
                evidence.append(event.seq)
        targets, capacities = sum(r[0] for r in rows), sum(r[1] for r in rows)
        if len(rows) >= 2 and targets > 0 and capacities > 0:
            distances.append(0.5 * sum(abs(t / targets - c / capacities) for t, c in rows))
    distance = sum(distances) / len(distances) if distances else None
    value = None if distance is None else _scale(distance, 0.2, 0.0)
    pct = 100 * (distance or 0.0)
    return _entry(part, distance, value, evidence,
                  f"各下级最终目标的分配与其实际能力的分配相差 {pct:.1f}%。",
                  f"The final targets were shared out {pct:.1f}% away from the units' real "
                  f"capacities.")


_SHOULD_REJECT = ("collusion", "discrepancy")


def _informed(log: _Log, unit: str, sender: str, turn: int) -> float:
    """How far a right answer was an informed one: 0.75 to 1 with the information symmetry
    the superior had with the sender before answering (一.1: 在充分了解情况的基础上)."""
    relation = log.game.scenario.relation_defaults
    symmetry = float(relation.information_symmetry)
    for event in log.of("relation_turn", actor=unit, target=sender):
        if event.turn <= turn:  # the turn's own visits and meetings come before the answer
            symmetry = float(event.data["symmetry"])
    return 0.75 + 0.25 * max(0.0, min(1.0, (symmetry - 0.2) / 0.4))


def _judgment(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    """Right calls on what was sent up, by balanced accuracy: the share of true requests
    granted and the share of false ones (and collusion, condoned discrepancies) refused, each
    where some exist, averaged — so granting everything is no better than a coin when lies
    are rare; each right call credited by how informed it was. Expired requests count as
    refused. The final reveal knows which were true."""
    credit = {True: 0.0, False: 0.0}
    count = {True: 0, False: 0}
    evidence: list[int] = []
    answers = {int(e.data["request"]): e for e in log.of("request_answered", actor=unit)}
    for request in log.game.requests:
        if request.receiver != unit or request.answered is None:
            continue
        should = request.truthful and request.kind not in _SHOULD_REJECT
        count[should] += 1
        if bool(request.answered) == should:
            credit[should] += _informed(log, unit, request.sender, request.turn)
        elif request.id in answers:
            evidence.append(answers[request.id].seq)
    rates = [credit[k] / count[k] for k in (True, False) if count[k]]
    share = sum(rates) / len(rates) if rates else None
    value = None if share is None else _scale(share, 0.5, 1.0)
    pct = 100 * (share or 0.0)
    total = count[True] + count[False]
    return _entry(part, share, value, evidence,
                  f"对下级来文的 {total} 次答复（{count[True]} 份属实、"
                  f"{count[False]} 份不实或共谋）判断的均衡准确率为 {pct:.0f}%"
                  "（按当时对下级的了解程度计）。",
                  f"Of {total} answers ({count[True]} to true requests, {count[False]} to false "
                  f"ones or collusion) the balanced accuracy was {pct:.0f}%, weighed by how well "
                  f"the superior knew the unit at the time.")


def _burden(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    subs = {s for t in log.game.hierarchy.tasks_of(unit)
            for s in log.game.hierarchy.subordinates(unit, t)}
    shares: list[float] = []
    evidence: list[int] = []
    for event in log.by_kind.get("unit_turn", ()):
        if event.actor in subs and float(event.data["cadre_time"]) > 0:
            spent = event.data["spent"]
            imposed = sum(float(spent.get(k, 0.0)) for k in ("reports", "rework", "meetings"))
            shares.append(imposed / float(event.data["cadre_time"]))
            evidence.append(event.seq)
    share = sum(shares) / len(shares) if shares else None
    value = None if share is None else _scale(share, 0.3, 0.05)
    pct = 100 * (share or 0.0)
    return _entry(part, share, value, evidence[-30:],
                  f"下级干部时间有 {pct:.0f}% 用于报表、整改返工和开会。",
                  f"{pct:.0f}% of the subordinates' cadre time went on reports, rework and "
                  f"meetings.")


def _trust_morale(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    trust: dict[str, Event] = {e.target: e for e in log.of("relation_turn", actor=unit)}
    subs = set(trust)
    morale: dict[str, Event] = {e.actor: e for e in log.by_kind.get("unit_turn", ())
                                if e.actor in subs}
    if not trust:
        return _entry(part, None, None, (), "", "")
    mean_trust = sum(float(e.data["trust"]) for e in trust.values()) / len(trust)
    mean_morale = (sum(float(e.data["morale"]) for e in morale.values()) / len(morale)
                   if morale else mean_trust)
    measured = 0.5 * (mean_trust + mean_morale)
    return _entry(part, measured, _scale(measured, 0.2, 0.8),
                  [e.seq for e in trust.values()] + [e.seq for e in morale.values()],
                  f"期末下级对本单位的信任 {mean_trust:.2f}，士气 {mean_morale:.2f}。",
                  f"At the end, trust with the units below stood at {mean_trust:.2f}, their "
                  f"morale at {mean_morale:.2f}.")


def _integrity(log: _Log, unit: str, part: Part) -> dict[str, Any]:
    owed = sum(_owed(log, unit).values())
    colluded = log.of("collusion", actor=unit)
    amount = sum(float(e.data.get("amount", 0.0)) for e in colluded)
    passed = sum(max(0.0, log.game.assignments[(unit, t)].inflation)
                 for t in log.game.hierarchy.tasks_of(unit) if (unit, t) in log.game.assignments)
    share = _ratio(amount + passed, owed)
    value = None if share is None else _scale(share, 0.1, 0.0)
    pct = 100 * (share or 0.0)
    return _entry(part, share, value, (e.seq for e in colluded),
                  f"纵容或转报的虚假数字相当于所欠目标的 {pct:.1f}%。",
                  f"False figures condoned or passed up came to {pct:.1f}% of the target owed.")


_TOWNSHIP = {
    "own_output": _own_output, "credibility": _credibility, "target_fit": _target_fit,
    "local_needs": _local_needs, "overload": _overload, "paperwork": _paperwork,
    "social_leverage": _social_leverage,
}
_BUREAU = {
    "real_target": _real_target, "judgment": _judgment, "split_fit": _split_fit,
    "integrity": _integrity, "burden": _burden, "trust_morale": _trust_morale,
    "credibility": _credibility,  # a middle bureau reports up too; the top one: not applicable
}


def seat_role(game: Game, unit: str) -> str:
    """'bureau' when the unit splits a task for units below it, else 'township'."""
    owns = any(game.hierarchy.subordinates(unit, t) for t in game.hierarchy.tasks_of(unit))
    return "bureau" if owns else "township"


def score_seat(game: Game, unit: str, log: _Log | None = None) -> dict[str, Any]:
    """How the unit's holder played: a 0-100 score and its parts.

    Args:
        game: a game (finished, or running: the parts measure what has happened so far).
        unit: the seat's unit id.

    Returns:
        {"unit", "role" ('bureau' | 'township'), "score" (0-100, or None when no part
        applies), "indicators": {key: {label, weight, measured, value (0-100 or None = not
        applicable), explanation {zh, en}, evidence [event seq], citation {section, quote,
        quote_en}}}}.

    Raises:
        KeyError: `unit` is not a unit of the game.
    """
    if unit not in game.units:
        raise KeyError(unit)
    log = log or _Log(game)
    role = seat_role(game, unit)
    parts, measures = (BUREAU_PARTS, _BUREAU) if role == "bureau" else (TOWNSHIP_PARTS, _TOWNSHIP)
    indicators = {p.key: measures[p.key](log, unit, p) for p in parts}
    used = [(i["weight"], i["value"]) for i in indicators.values() if i["value"] is not None]
    total = sum(w for w, _ in used)
    score = round(sum(w * v for w, v in used) / total, 2) if total else None
    return {"unit": unit, "role": role, "score": score, "indicators": indicators}


def score_seats(game: Game, seats: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every human seat's score (or those named), keyed by unit id, in scenario order."""
    wanted = set(seats) if seats is not None else set(game.humans) | set(game.initial_humans)
    log = _Log(game)
    order = [u.id for u in game.scenario.units if u.id in wanted]
    return {unit: score_seat(game, unit, log) for unit in order}
