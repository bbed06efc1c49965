"""Documents in the register officials use: 通知, 请示, 情况说明, 批复, 约谈通知, 督查通报.

A paper is drawn from one of the seat's documents and the seat's view alone
(`game.workshop.seat_view.SeatView`): names from its directory, a task's deadline from its
stakes, a world event's headline and text from its notes. The same view comes from a local game
or a remote table, so the papers read the same at a workshop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from game.engine.views import Document
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import number, text_of
from game.ui.common.vocab import task_measure, task_name, unit_name
from game.workshop.directory import Directory
from game.workshop.seat_view import SeatView

_DOCS: dict[str, tuple[str, str, str, str]] = {
    "task_started": (
        "关于下达{task}任务的通知", "Notice: the {task} task",
        "现将{task}任务下达给你单位：目标 {original}{measure}，第 {deadline} 回合前完成。",
        "The {task} task is assigned to you: {original} {measure}, due by turn {deadline}."),
    "directive_issued": (
        "关于下达{task}目标任务的通知", "Notice: the {task} quota",
        "根据上级部署，现将{task}目标任务下达给{recipient}：{quota}{measure}，第 {deadline} 回合前"
        "完成，按要求报送进度。（本级在所承担指标基础上加码 {markup}%）",
        "As instructed from above, {recipient} is assigned {quota} {measure} of {task}, due by "
        "turn {deadline}; report progress as required. (Marked up {markup}% on what this level "
        "owes.)"),
    "quota_split": (
        "{task}任务分解方案", "How the {task} quota was split",
        "本单位承担 {owed}{measure}，向下分解合计 {passed}{measure}，"
        "留出加码空间 {space}{measure}。分解：{shares}。",
        "This unit owes {owed} {measure} and passed down {passed} {measure}, keeping {space} "
        "{measure} of markup. Shares: {shares}."),
    "split_quota": (
        "{task}指标分解方案", "Quota split: {task}",
        "将{task}指标分解下达：{shares}。", "{task} is split among the units below: {shares}."),
    "set_reporting": (
        "关于调整{task}进度报送频次的通知", "Notice: reporting cadence for {task}",
        "自即日起，{recipient}{task}工作进度实行{cadence}（原为{was}）。",
        "From now on {recipient} reports on {task} {cadence} (was {was})."),
    "adjust_target": (
        "关于调整{task}目标任务的通知", "Notice: the {task} target revised",
        "经研究，{recipient}{task}目标由 {old_target}{measure} 调整为 {new_target}{measure}。",
        "{recipient}'s {task} target is changed from {old_target} to {new_target} {measure}."),
    "ratchet": (
        "关于下一周期{task}目标的通知", "Notice: the next {task} target",
        "本周期完成 {result}{measure}，下一周期目标定为 {next}{measure}。",
        "This cycle delivered {result} {measure}; the next target is {next} {measure}."),
    "report_progress": (
        "{task}工作进度报表", "Progress report: {task}",
        "{sender}报送本期{task}工作进度：累计完成 {figure}{measure}，数据在考核时入账。",
        "{sender} files this period's progress on {task}: {figure} {measure} done so far; the "
        "figure is recorded at assessment."),
    "quota_forwarded": (
        "关于转发{task}任务的通知", "Directive passed on: {task}",
        "{sender}未作分解，将{task}指标 {owed}{measure} 原样平均转发给各下级。",
        "{sender} did not split {task}: its quota of {owed} {measure} goes down as it came, "
        "in equal parts."),
    "report_missing": (
        "关于{task}进度未按时报送的提醒", "Reminder: {task} report missing",
        "{sender}未按要求（{cadence}）报送{task}进度；"
        "上级账上仍是上次报送的 {on_record}{measure}。",
        "{sender} did not file the {cadence} report on {task}; the superior's record still "
        "shows the last figure sent, {on_record} {measure}."),
    "request_unfounded": (
        "关于请求缺乏事实依据的核查意见", "Finding: a request without grounds",
        "经核实，{recipient}就{task}提出的请求缺乏事实依据，不予支持。",
        "On checking, {recipient}'s request on {task} has no grounds in the facts and is not "
        "supported."),
    "explain_shortfall": (
        "关于{task}工作进度滞后的情况说明", "Statement on the {task} shortfall",
        "{sender}{task}工作进度滞后，主要原因：{causes}。{proposal}特此说明。",
        "{sender} is behind on {task}. Causes: {causes}. {proposal}"),
    "request_coordination": (
        "关于请求协调解决{task}有关问题的请示", "Request for coordination on {task}",
        "{task}推进中遇到的问题超出{sender}能力范围，恳请{recipient}协调解决。{party}",
        "A problem with {task} lies beyond {sender}'s reach; {recipient} is asked to "
        "coordinate. {party}"),
    "propose_target": (
        "关于调整{task}目标任务的请示", "Request to revise the {task} target",
        "结合实际，{sender}{proposal}妥否，请批示。",
        "In view of the facts, {sender} proposes: {proposal}"),
    "cite_rule": (
        "关于按县有关规定灵活推进{task}的报告", "Report: a county rule for {task}",
        "根据县里有关规定，{sender}拟采取灵活方式推进{task}，请予认可。",
        "Under a county rule, {sender} means to carry out {task} by a flexible method and "
        "asks for it to be recognised."),
    "request_policy": (
        "关于请求出台{task}配套政策的请示", "Request for supporting policy on {task}",
        "{task}目标超出{sender}实际能力，请求出台配套支持政策（如补贴）。",
        "The {task} target exceeds what {sender} can really do; it asks for supporting "
        "policy (such as subsidies)."),
    "collude": (
        "关于{task}数据报送的沟通（口头）", "An informal word on the {task} figures",
        "{sender}私下提议：本期{task}数据“做得好看一些”，上下一起往上报。",
        "{sender} suggests in private that this period's {task} figures be 'made to look "
        "better' and passed up by both levels."),
    "shift_blame": (
        "关于{task}被通报问题的情况说明", "Statement on the sanction over {task}",
        "{sender}称问题主要出在村里、天气或其他单位。{seen}",
        "{sender} says the fault lay with the villages, the weather or another unit. {seen}"),
    "request_answered": (
        "关于{request_kind}的批复", "Reply: {request_kind}",
        "{verdict}{effect}", "{verdict}{effect}"),
    "research_visit": (
        "调研通知", "Notice of a research visit",
        "{sender}到{recipient}开展调研，摸清实际情况。", "{sender} visits {recipient} to "
        "learn how things really stand."),
    "symposium": (
        "关于召开{task}工作座谈会的通知", "Notice: symposium on {task}",
        "召开{task}工作座谈会，听取{heard}的意见。", "A symposium on {task} hears {heard}."),
    "mobilization_meeting": (
        "关于召开{task}工作动员会的通知", "Notice: mobilization meeting on {task}",
        "召开{task}工作动员会，讲清政策、凝聚共识。参会单位：{attended}。",
        "A mobilization meeting explains {task} and builds consensus. Attending: {attended}."),
    "supervise": (
        "{task}工作督导情况", "Supervision on site: {task}",
        "{sender}深入{recipient}，在工作过程中督导，帮助发现和解决问题。",
        "{sender} joins {recipient} during the work to catch and solve problems early."),
    "assessment": (
        "{task}工作进度考核情况反馈", "Assessment: {task}",
        "{recipient}本期{task}：上报累计 {reported}{measure}，目标 {target}，按进度应完成 "
        "{expected}，进度比 {ratio}%。{grace}",
        "{recipient} on {task}: {reported} {measure} on the record against a target of "
        "{target}; {expected} due by now, a pace of {ratio}%. {grace}"),
    "ranking_published": (
        "{task}工作进度排名通报", "Ranking: {task}",
        "按上报进度排名：{order}。", "Ranked by reported pace: {order}."),
    "inspection": (
        "督查通报", "Inspection report",
        "{sender}对{recipient}{task}工作开展跨级督查，不听取解释：实地核实完成 {delivered}"
        "{measure}，应完成 {expected}，进度比 {ratio}%。{found}",
        "{sender} inspects {recipient} on {task} across levels, hearing no explanation: "
        "{delivered} {measure} found on the ground, {expected} due, a pace of {ratio}%. {found}"),
    "task_closed": (
        "{task}任务完成情况通报", "Closing report: {task}",
        "真实目标 {original}{measure}；逐级加码后 {escalated}；协商后 {negotiated}；实际完成 "
        "{delivered}，上报 {reported}。",
        "Original target {original} {measure}; escalated level by level {escalated}; "
        "negotiated {negotiated}; delivered {delivered}, reported {reported}."),
    "accountability": (
        "{sanction_title}", "{sanction_title}",
        "{source}，对{recipient}{task}工作予以{sanction}。须整改落实，约占用干部 {rework} 人日。",
        "{source}, {recipient} receives a {sanction} over {task}. Rectification will take "
        "about {rework} cadre-days."),
    "false_cause_detected": (
        "关于情况说明所述原因不实的核查意见", "Finding: causes cited did not happen",
        "经核实，{recipient}情况说明所列原因（{causes}）与实际不符。",
        "On checking, the causes {recipient} cited ({causes}) did not happen."),
    "falsification_detected": (
        "关于{task}进度数据不实的核查通报", "Finding: {task} figures inflated",
        "经核实，{recipient}上报的{task}数据虚高约 {amount}{measure}。",
        "On checking, {recipient}'s {task} figures are about {amount} {measure} too high."),
    "collusion": (
        "关于{task}数据的处理意见", "Decision on the {task} figures",
        "{sender}对{recipient}虚高的数据（约 {amount}{measure}）不予追究，照报上级。",
        "{sender} lets {recipient}'s inflated figure (about {amount} {measure}) stand and "
        "passes it up."),
    "incentive": (
        "{incentive_title}", "{incentive_title}",
        "为激励先进、鼓励攻坚，对{recipient}{task}工作给予{incentive}。{extra}",
        "To reward the work on {task}, {recipient} receives an incentive: {incentive}. {extra}"),
    "world_event": ("{event_name}", "{event_name}", "{event_text}", "{event_text}"),
    "facilitator_notice": ("主持人通知", "From the facilitator", "{notice}", "{notice}"),
    "game_over": (
        "年度工作结束", "The year's work is done",
        "全部 {turns} 个回合已结束。请查看复盘。", "All {turns} turns are over. See the debrief."),
    "allocate_time": (
        "本周干部力量安排", "This week's cadre rota",
        "干部时间按以下比重安排：{weights}。", "Cadre time is shared by these weights: {weights}."),
    "lever_social": (
        "关于动员社会力量参与{task}的安排", "Levering social resources for {task}",
        "投入公共资金 {funds} 万元，撬动社会资源约 {levered}{measure}。",
        "{funds} (10,000 yuan) of public money levers about {levered} {measure} from society."),
    "respond_local_needs": (
        "关于办理群众诉求的安排", "Time for villagers' own needs",
        "本周另安排 {days} 人日回应群众诉求。", "{days} more cadre-days go to villagers' needs."),
    "symbolic_execution": (
        "{task}：本周以台账留痕为主（内部）", "{task}: on paper this week (internal)",
        "本周{task}只做台账、照片和报表，实际推进很少。",
        "This week {task} is done in ledgers, photos and forms; little real work."),
    "quasi_exit": (
        "{task}：本周暂缓推进（内部）", "{task}: effort withdrawn this week (internal)",
        "本周悄悄减少在{task}上的投入。", "This week effort on {task} is quietly withdrawn."),
}
register({f"doc.{k}.title": (v[0], v[1]) for k, v in _DOCS.items()})
register({f"doc.{k}.body": (v[2], v[3]) for k, v in _DOCS.items()})
register({
    "doc.turn": ("第 {turn} 回合", "Turn {turn}"),
    "doc.to": ("{recipient}：", "To {recipient}:"),
    "doc.proposal_target": ("建议将目标调整为 {target}{measure}。", "Proposed target: {target} "
                            "{measure}. "),
    "doc.proposal_grace": ("请求给予 {grace} 个回合的宽限期。", "Grace of {grace} turns. "),
    "doc.party": ("并提请县委出面推动。", "The party committee is asked to push."),
    "doc.seen": ("上级看出了推诿。", "The superior saw through it."),
    "doc.accepted": ("经研究，同意。", "Agreed. "),
    "doc.rejected": ("经研究，不予同意。", "Not agreed. "),
    "doc.expired": ("未获答复，按不同意处理。", "No answer came: treated as refused. "),
    "doc.reason": ("理由：{reason}", "Why: {reason}"),
    "doc.new_target": ("目标由 {old} 调整为 {new}{measure}。", "Target {old} → {new} {measure}. "),
    "doc.grace_until": ("进度宽限至第 {turn} 回合。", "Pace tolerated until turn {turn}. "),
    "doc.relief": ("已协调解决，减轻负担约 {days} 人日。", "Coordinated: about {days} cadre-days "
                   "relieved. "),
    "doc.capacity": ("配套政策落实，新增完成能力约 {amount}{measure}。", "Support adds about "
                     "{amount} {measure} of capacity. "),
    "doc.amount": ("金额 {amount} 万元。", "Amount: {amount} (10,000 yuan). "),
    "doc.in_grace": ("（在宽限期内）", "(within the grace period)"),
    "doc.found": ("发现虚报数据。", "Inflated figures were found."),
    "doc.source.regime": ("按考核办法", "Under the assessment rules"),
    "doc.source.discretion": ("经研究决定", "By decision"),
    "doc.source.inspection": ("经跨级督查", "After a cross-level inspection"),
    "doc.sanction.notice": ("关于对{recipient}{task}工作的通报批评",
                            "Criticism notice to {recipient}: {task}"),
    "doc.sanction.talk": ("约谈通知", "Summons to a talk (约谈)"),
    "doc.sanction.veto": ("关于实行一票否决的决定", "Decision: one-vote veto"),
    "doc.sanction.ranking": ("{task}排名末位通报", "Last-place notice: {task}"),
    "doc.sanction.elimination": ("末位淘汰决定", "Decision: last-place elimination"),
    "doc.incentive.economic": ("关于拨付{task}工作奖补资金的通知", "Notice: a grant for {task}"),
    "doc.incentive.political": ("关于推荐{recipient}优秀干部的通知", "Notice: "
                                "{recipient}'s cadres recommended for promotion"),
    "doc.incentive.spiritual": ("关于表扬{recipient}的通报", "Commendation of {recipient}"),
    "doc.incentive.supporting_policy": ("关于给予{task}配套政策支持的通知", "Notice: "
                                        "supporting policy for {task}"),
    "doc.incentive.experiment": ("关于认可推广{recipient}经验做法的通知", "Notice: "
                                 "{recipient}'s method recognised"),
    "doc.list_sep": ("、", ", "),
    "doc.event_default": ("外部情况发生变化。", "Something happened in the world."),
    "doc.event.weather": ("天气影响了{targets}的工作。", "The weather hit the work of {targets}."),
    "doc.event.petition_surge": ("{targets}信访和热线诉求激增，占用大量干部时间。",
                                 "Petitions and hotline calls surge in {targets}, eating "
                                 "cadre time."),
    "doc.event.new_central_task": ("新的中心工作下达：{task}。", "A new central task arrives: "
                                   "{task}."),
    "doc.event.cross_level_inspection": ("{inspector}对{targets}开展跨级督查，不听取解释。",
                                         "{inspector} inspects {targets} directly, hearing no "
                                         "explanation."),
    "doc.event.leader_attention": ("领导高度关注{task}，{targets}压力加大。",
                                   "The leadership watches {task}; pressure on {targets} rises."),
})


@dataclass(frozen=True)
class _Context:
    """What a paper reads beside the document: names, deadlines, world events."""

    names: Directory
    deadline: Callable[[str], int | None]
    event: Callable[[str], Any]  # an EventNote: kind, name, text


_last: tuple[object, object, _Context] | None = None


def _context(source: SeatView, names: Directory | None = None) -> _Context:
    """The paper's context from the seat's view (kept for the last view asked: a list of
    papers asks for every row).

    Raises:
        TypeError: `source` is not a SeatView (no screen reads a `Game`: issue 11, item 1).
        ValueError: neither the view nor the caller gives a directory to name from.
    """
    global _last
    if _last is not None and _last[0] is source and _last[1] is names:
        return _last[2]
    if not isinstance(source, SeatView):
        raise TypeError(f"a paper is read from the seat's view, not {type(source).__name__}")
    directory = names if names is not None else source.directory
    if directory is None:
        raise ValueError("this view came without the game's directory: pass the "
                         "session's (SeatSession.directory)")
    deadlines = {s.task: s.deadline for s in source.stakes}
    notes = source.notes
    found = _Context(directory, deadlines.get,
                     notes.event if notes is not None else lambda _: None)
    _last = (source, names, found)
    return found


def _values(doc: Document, ctx: _Context) -> dict[str, Any]:
    known = ctx.names
    data, names = doc.data, lambda ids: tr("doc.list_sep").join(unit_name(known, u) for u in ids)
    deadline = ctx.deadline(doc.task) if doc.task else None
    values: dict[str, Any] = {
        "sender": unit_name(known, doc.sender), "recipient": unit_name(known, doc.recipient),
        "task": task_name(known, doc.task), "measure": task_measure(known, doc.task),
        "deadline": deadline if deadline is not None else "",
        "turns": data.get("turns", ""), "heard": names(data.get("heard", ())),
        "attended": names(data.get("attended", ())),
    }
    for key, value in data.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            values.setdefault(key, number(float(value)))
    values.update(_SPECIAL.get(doc.kind, lambda *_: {})(doc, ctx, values))
    return values


def _split(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    shares = doc.data.get("shares", {})
    listed = tr("doc.list_sep").join(f"{unit_name(ctx.names, u)} {number(v)}"
                                    for u, v in shares.items())
    return {"passed": number(doc.data.get("passed_down")), "shares": listed}


def _markup(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    return {"markup": number(100 * float(doc.data.get("markup", 0.0)))}


def _causes(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    causes = tr("doc.list_sep").join(tr(f"cause.{c}") for c in doc.data.get("causes", ()))
    return {"causes": causes, "proposal": _proposal(doc.data, values)}


def _proposal(data: dict[str, Any], values: dict[str, Any]) -> str:
    parts = []
    target = data.get("proposed_target", data.get("target"))
    if target is not None:
        whole = float(target).is_integer()  # a target of 0 reads "0", not "0.0"
        parts.append(tr("doc.proposal_target", target=number(target, 0 if whole else 1),
                        measure=values["measure"]))
    if data.get("grace_turns"):
        parts.append(tr("doc.proposal_grace", grace=data["grace_turns"]))
    return "".join(parts)


def _answered(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    data, measure = doc.data, values["measure"]
    verdict = tr("doc.expired") if data.get("expired") else tr(
        "doc.accepted" if data.get("accepted") else "doc.rejected")
    effect = ""
    if "new_target" in data and data.get("new_target") != data.get("old_target"):
        effect += tr("doc.new_target", old=number(data["old_target"]),
                     new=number(data["new_target"]), measure=measure)
    if data.get("grace_until") and data["grace_until"] >= doc.turn:
        effect += tr("doc.grace_until", turn=data["grace_until"])
    if data.get("relief"):
        effect += tr("doc.relief", days=number(data["relief"]))
    if data.get("capacity_added"):
        effect += tr("doc.capacity", amount=number(data["capacity_added"]), measure=measure)
    return {"verdict": verdict, "effect": effect,
            "request_kind": tr(f"request.{data.get('request_kind', 'explanation')}")}


def _sanction(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    kind = doc.data.get("sanction", "notice")
    return {"sanction_title": tr(f"doc.sanction.{kind}", recipient=values["recipient"],
                                 task=values["task"]),
            "sanction": tr(f"sanction.{kind}"),
            "source": tr(f"doc.source.{doc.data.get('source', 'regime')}")}


def _incentive(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    kind = doc.data.get("incentive", "spiritual")
    extra = ""
    if kind in ("economic", "supporting_policy"):
        extra += tr("doc.amount", amount=number(doc.data.get("amount")))
    if doc.data.get("capacity_added"):
        extra += tr("doc.capacity", amount=number(doc.data["capacity_added"]),
                    measure=values["measure"])
    return {"incentive_title": tr(f"doc.incentive.{kind}", recipient=values["recipient"],
                                  task=values["task"]),
            "incentive": tr(f"incentive.{kind}"), "extra": extra}


def _world(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    event = ctx.event(str(doc.data.get("event", "")))
    if event is None:
        return {"event_name": doc.data.get("event", ""), "event_text": tr("doc.event_default")}
    if event.text is not None:
        return {"event_name": text_of(event.name), "event_text": text_of(event.text)}
    targets = tr("doc.list_sep").join(unit_name(ctx.names, u)
                                         for u in doc.data.get("targets", ()))
    text = tr(f"doc.event.{event.kind}", targets=targets, task=values["task"],
              inspector=unit_name(ctx.names, doc.data.get("inspector", "")))
    return {"event_name": text_of(event.name), "event_text": text}


def _misc(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    data = doc.data
    order = data.get("order", ())
    ratios = data.get("ratios", {})
    return {
        "cadence": tr(f"cadence.{data.get('cadence', 'weekly')}"),
        "was": tr(f"cadence.{data.get('was', 'weekly')}"),
        "ratio": number(100 * float(data.get("ratio", 0.0))),
        "grace": tr("doc.in_grace") if data.get("grace") else "",
        "found": tr("doc.found") if data.get("falsification_found") else "",
        "seen": tr("doc.seen") if data.get("seen_through") else "",
        "party": tr("doc.party") if data.get("party_committee") else "",
        "order": tr("doc.list_sep").join(
            f"{i}. {unit_name(ctx.names, u)} {number(100 * ratios.get(u, 0.0))}%"
            for i, u in enumerate(order, 1)),
        "escalated": " → ".join(number(v) for v in data.get("escalated", ())),
        "weights": tr("doc.list_sep").join(
            f"{task_name(ctx.names, k) or tr('action.respond_local_needs')} {number(v)}"
            for k, v in data.get("weights", {}).items()),
        "causes": tr("doc.list_sep").join(tr(f"cause.{c}") for c in data.get("causes", ())),
        "proposal": _proposal(data, values),
    }


def _notice(doc: Document, ctx: _Context, values: dict[str, Any]) -> dict[str, Any]:
    return {"notice": str(doc.data.get("zh" if language() == "zh" else "en", ""))}


_SPECIAL = {
    "quota_split": _split, "split_quota": _split, "directive_issued": _markup,
    "explain_shortfall": _causes,
    "request_answered": _answered, "accountability": _sanction, "incentive": _incentive,
    "world_event": _world, "facilitator_notice": _notice,
}
for _kind in _DOCS:
    _SPECIAL.setdefault(_kind, _misc)


def title(doc: Document, view: SeatView, names: Directory | None = None) -> str:
    """The document's title in the current language.

    Args:
        doc: one of the seat's documents.
        view: the seat's view it belongs to (deadlines, world events).
        names: the directory to name units and tasks from; the view's own by default (a
            session's `directory` when the view came without one).
    """
    return tr(f"doc.{doc.kind}.title", **_values(doc, _context(view, names)))


def body(doc: Document, view: SeatView, names: Directory | None = None) -> str:
    """The document's text in the current language, with the reason it gives, if any
    (arguments as for `title`)."""
    text = tr(f"doc.{doc.kind}.body", **_values(doc, _context(view, names)))
    why = reason(doc)
    if not why:
        return text
    return f"{text}{why}" if language() == "zh" else f"{text.rstrip()} {why}"


def reason(doc: Document) -> str:
    """Why the sender decided as it did (game.engine.reasons), in the current language; ""
    when the document gives no reason."""
    given = doc.data.get("reason")
    if not isinstance(given, dict) or not given.get(language()):
        return ""
    return tr("doc.reason", reason=str(given[language()]))


def _reason_html(doc: Document) -> str:
    why = reason(doc)
    return f"<p style='text-indent:2em;font-weight:600'>{escape(why)}</p>" if why else ""


def html(doc: Document, view: SeatView, names: Directory | None = None) -> str:
    """The document laid out as official paper: issuing unit in red, title, addressee, text
    (arguments as for `title`)."""
    values = _values(doc, _context(view, names))
    issuer = values["sender"] if doc.sender else tr("unit.world")
    salutation = tr("doc.to", recipient=values["recipient"]) if doc.recipient else ""
    return (
        f"<p align='center' style='color:#b3261e;font-size:15pt;font-weight:600'>"
        f"{escape(issuer)}</p><hr style='color:#b3261e'/>"
        f"<p align='center' style='font-size:13pt;font-weight:600'>"
        f"{escape(tr(f'doc.{doc.kind}.title', **values))}</p>"
        f"<p>{escape(salutation)}</p>"
        f"<p style='text-indent:2em'>{escape(tr(f'doc.{doc.kind}.body', **values))}</p>"
        f"{_reason_html(doc)}"
        f"<p align='right'>{escape(issuer)}<br/>{escape(tr('doc.turn', turn=doc.turn))}</p>"
    )
