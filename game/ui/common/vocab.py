"""The game's shared terms in both languages: phases, moves, causes, styles, folders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import text_of

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.scenario.models import Scenario
    from game.workshop.directory import Directory
    from game.workshop.seat_view import SeatView

    Names = Directory | Game

register({
    "phase.directives": ("下达", "Directives"),
    "phase.plan": ("计划", "Plan"),
    "phase.report": ("汇报", "Report"),
    "phase.respond": ("答复", "Respond"),
    "phase.execute": ("执行", "Execute"),
    "phase.assess": ("考核", "Assess"),
    "phase.over": ("已结束", "Over"),
    "phase_hint.plan": (
        "计划阶段：分解指标、安排干部时间、撬动社会资源；上级可以调研、开座谈会和动员会。",
        "Plan: split quotas, share out cadre time, lever social resources; a superior may "
        "visit, hold a symposium or a mobilization meeting.",
    ),
    "phase_hint.plan.carrier": (
        "计划阶段：安排本单位干部的时间（用于任务、群众诉求和留痕），撬动社会资源。"
        "时间不够时，先想清楚哪些事做实、哪些事向上说明。",
        "Plan: share out your cadres' time (the task, villagers' needs, paperwork) and lever "
        "social resources. When time runs short, decide what to do for real and what to "
        "explain upward.",
    ),
    "phase_hint.plan.owner": (
        "计划阶段：把上级下达的指标分解给下级（本阶段不分解，就按原数平均下达）；"
        "可以下乡调研、开座谈会和动员会，了解下级的真实能力。",
        "Plan: split the quota from above among the units below (left unsplit, it goes down "
        "evenly as it came); visit, hold a symposium or a mobilization meeting to learn what "
        "they can really do.",
    ),
    "phase_hint.report": (
        "汇报阶段：向上报进度、作情况说明、请求协调、提出调整目标、请求配套政策。",
        "Report: send progress up, explain a shortfall, ask for coordination, propose a "
        "target, ask for supporting policy.",
    ),
    "phase_hint.respond": (
        "答复阶段：答复下级的来文，督导、激励、调整目标或问责。结束后进入执行和考核。",
        "Respond: answer what came up from below; supervise, reward, adjust targets or hold "
        "to account. Then the work is done and assessed.",
    ),
    "phase_hint.idle": ("{phase}阶段：本单位在这一阶段没有可办的事，结束本阶段即可。",
                        "{phase}: your unit has nothing to do in this phase; end it when "
                        "you are ready."),
    "phase_hint.over": ("对局已结束，请查看复盘。", "The game is over: see the debrief."),
    "group.up": ("向上", "Up"),
    "group.down": ("向下", "Down"),
    "group.inside": ("本单位", "Inside"),
    "group.pathology": ("变通与失范", "Pathologies"),
    "action.report_progress": ("如实报送进度", "Report progress truthfully"),
    "action.falsify_report": ("虚报进度", "Falsify the progress report"),
    "action.explain_shortfall": ("作情况说明（解释未完成原因）", "Explain a shortfall"),
    "action.request_coordination": ("请求协调", "Request coordination"),
    "action.propose_target": ("提出调整目标或时限", "Propose a target or timeline"),
    "action.cite_rule": ("援引县里规定灵活执行", "Cite a county rule"),
    "action.request_policy": ("请求配套政策", "Ask for supporting policy"),
    "action.collude": ("提议上下一起“做数据”", "Propose colluding on figures"),
    "action.shift_blame": ("推卸责任", "Shift the blame"),
    "action.answer": ("答复下级来文", "Answer a request"),
    "action.split_quota": ("分解指标", "Split the quota"),
    "action.allocate_time": ("安排干部时间", "Share out cadre time"),
    "action.lever_social": ("撬动社会资源", "Lever social resources"),
    "action.set_reporting": ("规定报送频次", "Set the reporting cadence"),
    "action.research_visit": ("下乡调研", "Research visit"),
    "action.symposium": ("召开座谈会", "Hold a symposium"),
    "action.mobilization_meeting": ("召开动员会", "Hold a mobilization meeting"),
    "action.supervise": ("参与式督导", "Participatory supervision"),
    "action.incentive": ("给予激励", "Give an incentive"),
    "action.adjust_target": ("调整下级目标", "Adjust a target"),
    "action.sanction": ("问责", "Hold to account"),
    "action.respond_local_needs": ("回应群众诉求", "Answer villagers' needs"),
    "action.symbolic_execution": ("只留痕不落实", "Do it on paper only"),
    "action.quasi_exit": ("悄悄减少投入（准退出）", "Quietly withdraw (quasi-exit)"),
    "cause.weather": ("天气等自然原因", "weather"),
    "cause.capacity_limit": ("目标超出实际能力", "target beyond real capacity"),
    "cause.overload": ("干部超负荷、中心工作过多", "cadres overloaded"),
    "cause.data_preparation": ("先摸底后推进，处在准备期", "gathering data first"),
    "cause.petition_surge": ("信访、热线激增", "petition or hotline surge"),
    "cause.funding_gap": ("经费缺口", "funding gap"),
    "incentive.economic": ("经济奖补", "economic"),
    "incentive.political": ("政治激励（提拔推荐）", "political"),
    "incentive.spiritual": ("精神激励（表彰）", "spiritual"),
    "incentive.supporting_policy": ("配套政策", "supporting policy"),
    "incentive.experiment": ("认可地方经验", "recognise a local method"),
    "sanction.notice": ("通报批评", "criticism notice"),
    "sanction.talk": ("约谈", "talk (约谈)"),
    "sanction.veto": ("一票否决", "one-vote veto"),
    "sanction.ranking": ("排名末位通报", "last-place notice"),
    "sanction.elimination": ("末位淘汰", "last-place elimination"),
    "cadence.daily": ("日报", "daily"),
    "cadence.weekly": ("周报", "weekly"),
    "cadence.monthly": ("月报", "monthly"),
    "style.default": ("按情景设定", "as the scenario says"),
    "style.communicative": ("沟通型", "communicative"),
    "style.mixed": ("混合型", "mixed"),
    "style.pressure": ("压力型", "pressure"),
    "style.honest": ("实干型", "honest"),
    "style.gaming": ("投机型", "gaming"),
    "request.explanation": ("情况说明", "explanation"),
    "request.coordination": ("协调请示", "coordination request"),
    "request.proposal": ("调整目标请示", "proposal"),
    "request.rule": ("援引规定的报告", "rule cited"),
    "request.policy": ("配套政策请示", "policy request"),
    "request.collusion": ("“做数据”的提议", "collusion proposal"),
    "request.discrepancy": ("数据不实的核查", "figures found inflated"),
    "category.all": ("全部", "All"),
    "category.directive": ("上级来文", "Directives"),
    "category.request": ("请示报告", "Requests and reports"),
    "category.reply": ("批复", "Replies"),
    "category.meeting": ("会议调研", "Meetings and visits"),
    "category.assessment": ("考核通报", "Assessments"),
    "category.accountability": ("问责核查", "Accountability"),
    "category.incentive": ("激励表彰", "Incentives"),
    "category.world": ("外部情况", "World events"),
    "category.sent": ("本单位发文", "Sent"),
    "category.internal": ("内部安排", "Internal"),
    "kind.province": ("省", "province"),
    "kind.city": ("市", "city"),
    "kind.county": ("县", "county"),
    "kind.bureau": ("县直部门", "bureau"),
    "kind.township": ("乡镇", "township"),
    "kind.subdistrict": ("街道", "subdistrict"),
    "kind.village": ("村", "village"),
    "unit.world": ("外部", "the world"),
    "unit.cadre_days": ("人日", "cadre-days"),
    "unit.funds": ("万元", "×10,000 yuan"),
})


def phase_name(phase: str) -> str:
    """The phase's name in the current language."""
    return tr(f"phase.{phase}")


def _directory(names: Names) -> Directory:
    """The directory to read names from: the seat view's (`SeatSession.directory`).

    Raises:
        TypeError: `names` is not a Directory (a screen reads names from the seat's view,
            never from a `Game`: issue 11, item 1).
    """
    from game.workshop.directory import Directory as _Directory

    if not isinstance(names, _Directory):
        raise TypeError(f"names come from the seat view's Directory, not {type(names).__name__}")
    return names


def unit_name(names: Names, unit_id: str) -> str:
    """A unit's name in the current language, or 'the world' for the empty actor."""
    if not unit_id:
        return tr("unit.world")
    return _directory(names).unit_name(unit_id, language())


def unit_name_in(scenario: Scenario, unit_id: str) -> str:
    """A unit's name from a scenario not yet played."""
    return text_of(scenario.unit(unit_id).name)


def task_name(names: Names, task_id: str) -> str:
    """A task's name in the current language (empty for none)."""
    return _directory(names).task_name(task_id, language())


def task_measure(names: Names, task_id: str) -> str:
    """What a task's target counts (亩 / mu)."""
    return _directory(names).task_measure(task_id, language())


def phase_hint(view: SeatView) -> str:
    """What the seat can do in the phase it is in: in the plan phase a unit that carries a
    task out hears about its cadres' time, one that only passes quotas down about splitting."""
    if view.over:
        return tr("phase_hint.over")
    if not view.options and not view.ended:
        return tr("phase_hint.idle", phase=phase_name(view.phase))
    if view.phase == "plan" and view.directory is not None:
        carries = any(view.seat in task.carriers for task in view.directory.tasks)
        owns = any(view.seat in task.owners for task in view.directory.tasks)
        if carries != owns:
            return tr("phase_hint.plan.carrier" if carries else "phase_hint.plan.owner")
    return tr(f"phase_hint.{view.phase}")
