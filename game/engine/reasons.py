"""Why a superior answered as it did: every reply carries a reason drawn from its state.

A reason is plain data, `{"code": ..., "zh": ..., "en": ..., **figures}`: a code from a closed
list, the sentence in both languages, and the figures it cites (the superior's estimate of the
subordinate's capacity in the task's unit, the target, its trust 0-1, the world events it knows
of). It says what the superior saw, what it believes and what it lacks — never a hidden field:
both parties of the reply may read it.

A computer official names the reason that drove its choice (`counterparts`); a person's answer
gets the reason its state supports (`derive`), or the one the person named if the state bears it
out (`misfit` refuses the rest). Nothing here draws from the world's generator: adding reasons
changes no decision.

The paper grounds the need (一.1 客观性归因: the superior, "knowing the facts", attributes a
shortfall to objective causes and adjusts the target; 一.3 制度性反馈: the lower level's feedback
is answered and the target "summarized, adjusted and guided").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from game.engine.directives import event_targets
from game.engine.moves import AnswerReason

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.state import Request
    from game.engine.world import World

#: A superior finds a target beyond a unit's capacity when its estimate is below this share.
PLAUSIBLE_SHARE = 0.95
#: More explanations than this from one unit in the last three turns are "too many".
TOO_MANY = 2

#: Each answer reason: the kinds of request it can answer, and its sentence (zh, en). The
#: templates name figures in braces; `{seen}` is what the superior knows of the world.
TEXT: dict[str, tuple[frozenset[str], str, str]] = {
    "beyond_capacity": (
        frozenset(("explanation", "proposal", "policy")),
        "我们估计你单位能力约 {estimate}{measure}，低于现目标 {target}{measure}，"
        "所请在估计范围之内。{seen}",
        "We estimate your capacity at about {estimate} {measure}, below the present target of "
        "{target}: what you ask lies within our estimate. {seen}"),
    "trusted": (
        frozenset(("explanation", "proposal", "policy")),
        "我们的估计（{estimate}{measure}）并未显示现目标 {target}{measure} 超出你单位能力，"
        "但出于信任（{trust}）予以同意。{seen}",
        "Our estimate ({estimate} {measure}) does not show the target of {target} beyond your "
        "capacity, but we agree on trust ({trust}). {seen}"),
    "time_granted": (
        frozenset(("proposal",)),
        "进度上给予宽限 {grace} 个回合，目标不变。{seen}",
        "The pace is tolerated for {grace} turns; the target stays. {seen}"),
    "coordination_granted": (
        frozenset(("coordination",)),
        "问题超出你单位能力范围，由我们出面协调（组织化协调）。{seen}",
        "The problem is beyond your reach: we coordinate (organizational coordination). {seen}"),
    "rule_recognised": (
        frozenset(("rule",)),
        "所援引的规定适用，认可你单位的灵活做法（合理性认可）。",
        "The rule you cite applies: your flexible method is recognised."),
    "record_at_stake": (
        frozenset(("collusion", "discrepancy")),
        "我们自己在该任务上的账面进度也落后（{reported}{measure}，应达 {expected}），数据照报。",
        "Our own record on this task is behind too ({reported} {measure} against {expected} "
        "due): the figure goes up as it stands."),
    "let_stand": (
        frozenset(("collusion", "discrepancy")),
        "不予深究，数据照报。",
        "We do not pursue it: the figure goes up as it stands."),
    "despite_finding": (
        frozenset(("explanation", "proposal", "coordination", "policy", "rule", "collusion")),
        "虽经核实所报不实，仍予同意。",
        "Agreed, although our check found it untrue."),
    "caught_false": (
        frozenset(("explanation", "proposal")),
        "经核实，{finding}。",
        "On checking, {finding}."),
    "unfounded": (
        frozenset(("proposal", "coordination", "policy", "rule")),
        "经核实，所请缺乏事实依据。",
        "On checking, the request has no grounds in the facts."),
    "within_capacity": (
        frozenset(("explanation", "proposal", "policy")),
        "我们估计你单位能力约 {estimate}{measure}，足以完成现目标 {target}{measure}。{seen}",
        "We estimate your capacity at about {estimate} {measure}: enough for the present target "
        "of {target}. {seen}"),
    "no_estimate": (
        frozenset(("explanation", "proposal", "policy")),
        "我们尚不掌握你单位的实际能力（未作调研），目标 {target}{measure} 维持不变。{seen}",
        "We do not know your real capacity (no research yet): the target of {target} {measure} "
        "stands. {seen}"),
    "target_stands": (
        frozenset(("explanation", "proposal", "policy")),
        "我们的估计（约 {estimate}{measure}）虽低于目标 {target}{measure}，但目标仍须完成"
        "（信任 {trust}）。{seen}",
        "Although our estimate (about {estimate} {measure}) is below the target of {target}, "
        "the target stands (trust {trust}). {seen}"),
    "too_many": (
        frozenset(("explanation", "proposal")),
        "近三个回合你单位已报来 {recent} 份情况说明，不再调整。",
        "You have sent {recent} explanations in the last three turns: no more adjustments."),
    "no_false_figures": (
        frozenset(("collusion", "discrepancy")),
        "数据必须真实，虚高部分不予上报。",
        "Figures must be true: nothing inflated goes up."),
    "own_reach": (
        frozenset(("coordination",)),
        "属地管理：此事应先在你单位职责范围内解决。{seen}",
        "Whose territory, whose job: solve it within your own remit first. {seen}"),
    "standard_method": (
        frozenset(("rule",)),
        "仍按统一方式推进。",
        "Keep to the standard method."),
    "lacks_funds": (
        frozenset(("policy",)),
        "配套资金不足：需 {price} 万元，现有 {funds} 万元。",
        "Too little money for supporting policy: it takes {price}, we have {funds} (10,000 "
        "yuan)."),
    # Expiry only: nobody names these in a move.
    "no_time": (
        frozenset(("explanation", "proposal", "coordination", "policy", "rule", "collusion")),
        "本回合干部时间已用尽，未及答复，按不同意处理。",
        "Our cadre time ran out this turn before we could answer: treated as refused."),
    "unanswered": (
        frozenset(("explanation", "proposal", "coordination", "policy", "rule", "collusion")),
        "答复阶段未作答复，按不同意处理。",
        "No answer was given in the respond phase: treated as refused."),
}
#: "trusted" when the superior has no estimate at all.
TRUSTED_BLIND = ("我们尚不掌握你单位的实际能力，出于信任（{trust}）予以同意。{seen}",
                 "We do not know your real capacity yet; we agree on trust ({trust}). {seen}")
ACCEPT = frozenset(("beyond_capacity", "trusted", "time_granted", "coordination_granted",
                    "rule_recognised", "record_at_stake", "let_stand", "despite_finding"))
EXPIRY = frozenset(("no_time", "unanswered", "lacks_funds"))
MOVE_CODES = frozenset(get_args(AnswerReason))

#: What a superior found untrue of each false cause (zh, en).
CAUSE_FACTS: dict[str, tuple[str, str]] = {
    "weather": ("近两个回合没有天气事件影响你单位的工作", "no weather touched your work in the "
                "last two turns"),
    "capacity_limit": ("目标并未超出你单位的实际能力", "the target does not exceed your real "
                       "capacity"),
    "overload": ("你单位干部并未超负荷，也未同时承担过多中心工作", "your cadres were neither "
                 "overloaded nor carrying too many central tasks"),
    "data_preparation": ("你单位并不处在数据准备期", "you are not in a data-first preparation "
                         "period"),
    "petition_surge": ("近两个回合你单位没有信访、热线激增", "no petition or hotline surge hit "
                       "you in the last two turns"),
    "funding_gap": ("你单位经费并未用尽", "your funds are not used up"),
}


# ----- what the superior believes ------------------------------------------------------------


def estimate(game: World, request: Request) -> float | None:
    """The superior's estimate of the sender's capacity on the task (None before any)."""
    relation = game.relations.get((request.receiver, request.sender))
    return relation.estimates.get(request.task) if relation else None


def plausible(game: World, request: Request) -> bool:
    """The superior's own estimate says the target is beyond the sender's capacity."""
    known = estimate(game, request)
    target = game.assignments[(request.sender, request.task)].target
    return known is not None and known < PLAUSIBLE_SHARE * target


def record_behind(game: World, superior: str, task: str) -> bool:
    """The superior's own record on the task lags what is due by last turn's assessment
    (what makes a false figure from below welcome: linked interests, paper 二.1)."""
    own = game.assignments[(superior, task)]
    done, length = game.elapsed(task)
    expected = own.target * (done - 1) / length
    return bool(expected) and own.reported < game.params.pace_notice * expected


def recent_explanations(game: World, request: Request) -> int:
    """Explanations the sender filed in the last three turns (this one included)."""
    return game.requests.count_since(request.sender, "explanation", game.turn - 3)


def finding(game: World, request: Request) -> Event | None:
    """The false_cause_detected or request_unfounded event that found the request out (it
    comes in the request's own turn: the log is read backwards to there)."""
    log = game.log
    for index in range(len(log) - 1, -1, -1):
        event: Event = log[index]
        if event.turn < request.turn:
            break
        if event.kind in ("false_cause_detected", "request_unfounded") and \
                event.data.get("request") == request.id:
            return event
    return None


def _lacks_funds(game: World, request: Request) -> bool:
    return game.units[request.receiver].funds < game.params.policy_answer_funds


def doubt(game: World, request: Request) -> str:
    """Why a superior that found nothing false keeps the target: its estimate."""
    if plausible(game, request):
        return "target_stands"
    return "no_estimate" if estimate(game, request) is None else "within_capacity"


# ----- choosing and checking a reason ------------------------------------------------------


def derive(game: World, request: Request, accept: bool) -> str:
    """The reason the superior's state supports for a person's answer."""
    kind = request.kind
    if kind != "discrepancy" and request.detected:
        if accept:
            return "despite_finding"
        found = finding(game, request)
        return "caught_false" if found and found.kind == "false_cause_detected" else "unfounded"
    if kind in ("collusion", "discrepancy"):
        if not accept:
            return "no_false_figures"
        return "record_at_stake" if record_behind(game, request.receiver, request.task) \
            else "let_stand"
    if kind in ("coordination", "rule"):
        pair = ("coordination_granted", "own_reach") if kind == "coordination" else (
            "rule_recognised", "standard_method")
        return pair[0] if accept else pair[1]
    if accept:
        if kind == "proposal" and _asked(request) is None:
            return "time_granted"
        return "beyond_capacity" if plausible(game, request) else "trusted"
    if kind == "policy" and _lacks_funds(game, request):
        return "lacks_funds"
    return doubt(game, request)


def misfit(game: World, request: Request, accept: bool, code: str) -> str | None:
    """Why `code` cannot be the reason of this answer (None when the state bears it out)."""
    kinds = TEXT[code][0] if code in TEXT else frozenset()
    if code not in MOVE_CODES or request.kind not in kinds:
        return "kind"
    if (code in ACCEPT) != accept:
        return "verdict"
    detected = request.detected and request.kind != "discrepancy"
    if detected != (code in ("despite_finding", "caught_false", "unfounded")):
        return "finding"
    if detected and not accept and code != derive(game, request, False):
        return "finding"
    checks = {
        "beyond_capacity": lambda: plausible(game, request),
        "target_stands": lambda: plausible(game, request),
        "trusted": lambda: not plausible(game, request),
        "within_capacity": lambda: estimate(game, request) is not None and not plausible(
            game, request),
        "no_estimate": lambda: estimate(game, request) is None,
        "time_granted": lambda: bool(request.data.get("grace_turns")),
        "too_many": lambda: recent_explanations(game, request) > TOO_MANY,
        "record_at_stake": lambda: record_behind(game, request.receiver, request.task),
        "lacks_funds": lambda: _lacks_funds(game, request),
    }
    return None if checks.get(code, lambda: True)() else "state"


# ----- the reason as data ------------------------------------------------------------------


def answer_reason(game: World, request: Request, code: str) -> dict[str, Any]:
    """The reason `code` for an answer to `request`, with the figures it cites.

    Returns:
        {"code", "zh", "en", "trust" (0-1), "estimate" (task unit or None), "target",
        "seen" (ids of world events the superior knows touched the sender lately), ...}.
    """
    superior, sender, task = request.receiver, request.sender, request.task
    relation = game.relations.get((superior, sender))
    assignment = game.assignments[(sender, task)]
    known = estimate(game, request)
    figures: dict[str, Any] = {
        "trust": round(relation.trust, 3) if relation else None,
        "estimate": None if known is None else round(known, 3),
        "target": round(assignment.target, 3),
        "seen": seen(game, sender, task),
    }
    asked = _asked(request)
    if asked is not None:
        figures["asked"] = round(float(asked), 3)
    values: dict[str, Any] = {"grace": request.data.get("grace_turns") or 0}
    if code == "too_many":
        figures["recent"] = recent_explanations(game, request)
    if code == "lacks_funds":
        figures["funds"] = round(game.units[superior].funds, 3)
        figures["price"] = game.params.policy_answer_funds
    if code == "record_at_stake":
        own = game.assignments[(superior, task)]
        done, length = game.elapsed(task)
        figures["reported"] = round(own.reported, 3)
        figures["expected"] = round(own.target * (done - 1) / length, 3)
    if code == "caught_false":
        found = finding(game, request)
        figures["causes"] = list(found.data.get("causes", ())) if found else []
        figures["target_too_low"] = bool(found and found.data.get("target_too_low"))
    templates = (TEXT[code][1], TEXT[code][2])
    if code == "trusted" and known is None:
        templates = TRUSTED_BLIND
    return render(game, code, templates, task, {**figures, **values}, figures)


def expiry_reason(game: World, request: Request) -> dict[str, Any]:
    """Why a request went unanswered: the money or the time the superior lacked, or no
    answer at all (a person who let it lapse)."""
    if request.kind == "policy" and _lacks_funds(game, request):
        code = "lacks_funds"
    elif game.units[request.receiver].time_left < game.params.move_costs["answer"][0]:
        code = "no_time"
    else:
        code = "unanswered"
    return answer_reason(game, request, code)


def seen(game: World, unit: str, task: str) -> list[str]:
    """World events of the last two turns the superior knows touched the unit on the task
    (every unit hears the world's announcements)."""
    found = []
    for event in game.scenario.events:
        if event.id not in game.fired_events or event.task not in (None, task):
            continue
        if game.turn - game.fired_turns.get(event.id, -99) > 2:
            continue
        if event.kind != "new_central_task" and unit in event_targets(game, event):
            found.append(event.id)
    return found


def _asked(request: Request) -> float | None:
    asked = request.data.get("proposed_target")
    return request.data.get("target") if asked is None else asked


def render(game: World, code: str, templates: tuple[str, str], task: str,
           values: dict[str, Any], figures: dict[str, Any]) -> dict[str, Any]:
    """A reason as data: its code, its (zh, en) templates filled with `values` as players
    read them (figures grouped, shares as percentages, the task's unit), and `figures`."""
    reason: dict[str, Any] = {"code": code}
    for template, lang in zip(templates, ("zh", "en"), strict=True):
        text = template.format_map(_Words(game, task, lang, values)).strip()
        reason[lang] = text[:1].upper() + text[1:]
    reason.update(figures)
    return reason


class _Words(dict[str, str]):
    """A template's values in one language: figures as players read them."""

    def __init__(self, game: World, task: str, lang: str, values: dict[str, Any]) -> None:
        super().__init__()
        self.game, self.task, self.lang, self.given = game, task, lang, values

    def __missing__(self, key: str) -> str:
        value = self.given.get(key)
        spec = self.game.task_by_id.get(self.task)
        if key == "measure":
            return spec.unit_label.get(self.lang) if spec else ""
        if key == "trust":
            return "—" if value is None else f"{100 * float(value):.0f}%"
        if key == "seen":
            return _seen_text(self.game, self.given.get("seen", []), self.lang)
        if key == "finding":
            return _finding_text(self.given, self.lang)
        if key in ("symmetry", "share"):
            return f"{100 * float(value or 0.0):.0f}%"
        if isinstance(value, dict):
            return str(value.get(self.lang, ""))
        if value is None:
            return "—"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return number(float(value))
        return str(value)


def number(value: float) -> str:
    """A figure as players read it: grouped thousands, one decimal below 100."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


def _seen_text(game: World, ids: list[str], lang: str) -> str:
    names = [game.event_by_id[i].name.get(lang) for i in ids if i in game.event_by_id]
    if not names:
        return ""
    if lang == "zh":
        return f"已知情况：{'、'.join(names)}。"
    return f"Known to us: {', '.join(names)}."


def _finding_text(values: dict[str, Any], lang: str) -> str:
    index = 0 if lang == "zh" else 1
    facts = [CAUSE_FACTS[c][index] for c in values.get("causes", ()) if c in CAUSE_FACTS]
    if values.get("target_too_low"):
        facts.append("所提目标明显低于你单位的实际能力" if lang == "zh" else
                     "the target proposed is far below what you can really do")
    if not facts:
        facts.append("所述情况与实际不符" if lang == "zh" else "what you state did not happen")
    return ("；" if lang == "zh" else "; ").join(facts)
