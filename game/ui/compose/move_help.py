"""What each move does, in a sentence or two, with the paper's section where it has one."""

from __future__ import annotations

from game.ui.common.i18n import register

register({
    "help.report_progress": (
        "向上级报送本期进度。数字在考核时按实际完成入账。每份报表都要花干部时间。",
        "Send this period's progress up. The figure on the record is what was really done. "
        "Every report costs cadre time."),
    "help.falsify_report": (
        "在实际完成之外多报一个数。上级的信息越对称，越容易查出；查出后信任大跌，还可能被约谈。",
        "Claim more than was done. The better your superior knows you (information symmetry), "
        "the likelier it is caught; then trust falls and a talk may follow."),
    "help.explain_shortfall": (
        "说明进度滞后的客观原因，可提出新目标。只有真实发生的原因经得起核实（客观性归因，论文一.1）。",
        "Explain a shortfall by objective causes and perhaps ask for a new target. Only causes "
        "that really happened stand up to checking (objective attribution, paper 1.1)."),
    "help.request_coordination": (
        "把超出本单位能力的问题交给上级协调，必要时请县委出面推动（组织化协调，论文一.2）。",
        "Hand a problem beyond your reach to the superior, or ask the party committee to push "
        "from high up (organizational coordination, paper 1.2)."),
    "help.propose_target": (
        "通过正式渠道提出更低的目标或更长的时限（制度性反馈，论文一.3）。",
        "Through the formal channel, propose a lower target or more time (institutional "
        "feedback, paper 1.3)."),
    "help.cite_rule": (
        "援引县里的规定，请求认可本单位的灵活做法（政策规则援引，论文二.3）。",
        "Invoke a county rule so that your flexible method is recognised (citing policy "
        "rules, paper 2.3)."),
    "help.request_policy": (
        "请求出台补贴等配套政策，让目标变得可以完成（论文一.1）。",
        "Ask for subsidies or a matching rule that make the target reachable (paper 1.1)."),
    "help.collude": (
        "私下提议上下一起把数据“做好看”。有了连带责任却没有主体责任，就会滑向基层共谋（论文二.2）。",
        "Suggest in private that both levels pass up inflated figures. Joint responsibility "
        "without main responsibility drifts into collusion (paper 2.2)."),
    "help.shift_blame": (
        "被问责后把责任推给村里、天气或别的单位。上级可能看穿。",
        "After a sanction, blame the villages, the weather or a peer. The superior may see "
        "through it."),
    "help.answer": (
        "答复下级报上来的情况说明、请示和提议：同意可以下调目标、给予宽限或出台配套政策。",
        "Answer what came up from below: agreeing can lower a target, give grace or issue "
        "supporting policy."),
    "help.split_quota": (
        "把本单位承担的指标分解给下级。加码越多，下级讨价还价的空间越大（论文图1）。只能在任务下达的回合分解。",
        "Split your quota among the units below. The markup you add is the room they have to "
        "bargain (paper, Figure 1). Only in the turn the task arrives."),
    "help.allocate_time": (
        "按比重把本周的干部时间分给各项任务和群众诉求（对内负责）。",
        "Share this week's cadre time among tasks and villagers' needs (inward "
        "accountability) by weight."),
    "help.lever_social": (
        "用少量公共资金撬动村里和社会的资源（横向动员，论文二.2）。",
        "Spend a little public money to lever village and social resources (horizontal "
        "mobilization, paper 2.2)."),
    "help.set_reporting": (
        "规定下级报送进度的频次。日报让上级看得紧，也会吃掉下级大量时间（形式主义）。",
        "Set how often a unit reports. Daily reports keep watch but eat its time (formalism)."),
    "help.research_visit": (
        "下乡调研，摸清下级的真实能力，提高信息对称（论文一.3、二.1）。",
        "Visit a unit to learn its real capacity and raise information symmetry (paper 1.3, "
        "2.1)."),
    "help.symposium": (
        "召开座谈会，听取所有下级的意见。", "Hold a symposium to hear every unit below."),
    "help.mobilization_meeting": (
        "召开动员会，讲清政策、凝聚共识，提振士气。",
        "Hold a mobilization meeting to explain the task and build consensus."),
    "help.supervise": (
        "在工作过程中督导，提前发现问题，而不是事后问责（参与式监督，论文二.3）。",
        "Supervise during the work, catching problems early rather than punishing later "
        "(participatory supervision, paper 2.3)."),
    "help.incentive": (
        "给予经济、政治、精神激励，或配套政策、认可地方经验。任务越难、关系越近，激励越有效（多重化激励，论文一.4）。",
        "Give an economic, political or spiritual incentive, supporting policy, or "
        "recognition of a local method. Harder tasks and closer ties make it count more "
        "(multiple incentives, paper 1.4)."),
    "help.adjust_target": (
        "直接调整下级的目标。", "Change a unit's target directly."),
    "help.sanction": (
        "通报批评、约谈或一票否决。问责带来返工，会占用下级的干部时间。",
        "A criticism notice, a talk or a one-vote veto. Sanctions bring rework that eats the "
        "unit's cadre time."),
    "help.respond_local_needs": (
        "另外拿出时间回应群众自己的诉求，提升主体责任（对内负责，论文二.2）。",
        "Give extra time to villagers' own demands, strengthening main responsibility "
        "(paper 2.2)."),
    "help.symbolic_execution": (
        "本周只做台账、照片和报表，几乎不真干（形式主义）。",
        "This week, do the task in ledgers, photos and forms only (formalism)."),
    "help.quasi_exit": (
        "本周悄悄减少在这项任务上的投入（准退出）。",
        "This week, quietly withdraw effort from the task (quasi-exit)."),
})
