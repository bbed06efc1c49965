"""The schema's titles and descriptions in Chinese, and the names of its enum values.

English comes from the schema itself (models.py); this table gives each field its Chinese
title and help text. A field missing here shows its English text (a test lists any gaps).
"""

from __future__ import annotations

from game.ui.common.i18n import register, tr
from game.ui.editor.schema_fields import FieldSpec, field_specs, schema

ZH: dict[str, tuple[str, str]] = {
    "Text.zh": ("简体中文", "简体中文文本。"),
    "Text.en": ("English", "英文文本。"),
    "Scenario.schema_version": ("语言版本", "情景语言的版本号，目前为 1。"),
    "Scenario.id": ("标识", "情景的标识：小写字母、数字和下划线，以字母开头。"),
    "Scenario.title": ("标题", "在情景库中显示的标题。"),
    "Scenario.briefing": ("情景简介", "开局时给玩家看的简介。"),
    "Scenario.author": ("作者", "谁编写了这个情景。"),
    "Scenario.version": ("版本", "情景自身的版本号。"),
    "Scenario.turns": ("回合数", "一局游戏持续多少回合。"),
    "Scenario.turn_days": ("每回合天数", "一个回合代表的天数，决定各报送频次要报几次。"),
    "Scenario.units": ("单位", "层级结构。"),
    "Scenario.relation_defaults": ("关系默认值", "未在“上下级关系”中列出的相邻单位的初始值。"),
    "Scenario.relations": ("上下级关系", "与默认值不同的相邻上下级。"),
    "Scenario.tasks": ("任务", "政策任务。"),
    "Scenario.events": ("事件", "可能发生的事件。"),
    "Scenario.seats": ("玩家席位", "玩家可以扮演的单位（部门或乡镇）。"),
    "Scenario.styles": ("电脑风格", "电脑扮演未被玩家占用的单位时的风格。"),
    "Scenario.scoring": ("评分调整", "本情景对评分规则的权重、阈值和自定义规则。"),
    "Scenario.notes": ("教学提示", "学习目标、复盘时要看什么、讨论题。"),
    "Unit.id": ("标识", "唯一标识，任务、事件和席位都用它来指代本单位。"),
    "Unit.kind": (
        "类型",
        "省、市、县（党委政府）、部门（政府的职能部门，“条”）、乡镇或街道（“块”）、村。",
    ),
    "Unit.name": ("名称", "单位的中英文名称。"),
    "Unit.parent": (
        "上级单位",
        "高一级的单位：部门隶属省、市或县政府；乡镇、街道隶属县；村隶属乡镇。",
    ),
    "Unit.capacity": (
        "各任务真实能力",
        "内部共识：到期限时本单位对每项任务（按任务标识）真正能完成多少。只有本单位知道，上级只能"
        "估计。",
    ),
    "Unit.cadre_time": (
        "每回合干部时间",
        "每回合可用于报表、会议、沟通和实际工作的干部人日。约 30 名干部、一半时间用于中心工作的乡"
        "镇，每周约 60。",
    ),
    "Unit.funds": ("资金", "可支配资金（万元），用于激励和撬动社会资源。"),
    "Unit.morale": ("士气", "干部士气，0 到 1，按比例影响产出。"),
    "Unit.local_needs": (
        "群众诉求",
        "每回合群众自身诉求需要占用的干部时间比例（对内负责）。照顾不到会降低主体责任。",
    ),
    "Unit.social_resources": (
        "社会资源",
        "在允许的任务上，一份公共资金能从村庄和社会撬动多少产出（横向动员）。",
    ),
    "Unit.main_responsibility": (
        "主体责任",
        "主体责任内化程度：把任务当作自己辖区的事的程度。偏低时连带责任容易滑向共谋（论文二.2）。",
    ),
    "Unit.region": ("片区", "地图上的自由标签，例如 north（农业）或 south（工业）。"),
    "Relation.superior": ("上级", "高一级的单位。"),
    "Relation.subordinate": ("下级", "低一级的单位。"),
    "Relation.familiarity": (
        "熟悉程度",
        "干部之间彼此了解的程度；让估计更准、激励更有效（论文一.4）。",
    ),
    "Relation.information_symmetry": (
        "信息对称",
        "上级对下级真实能力和努力的了解程度（论文二.1：“你干没干、干了多少，我知道”）。越高，虚假"
        "说明越容易被识破。",
    ),
    "Relation.trust": (
        "信任",
        "上级对下级的信任：让说明更容易被接受。随说明、人情、识破的谎言和问责而变化。",
    ),
    "RelationDefaults.familiarity": ("熟悉程度", "见“上下级关系”。"),
    "RelationDefaults.information_symmetry": ("信息对称", "见“上下级关系”。"),
    "RelationDefaults.trust": ("信任", "见“上下级关系”。"),
    "Task.id": ("标识", "任务的唯一标识。"),
    "Task.name": ("名称", "任务名称。"),
    "Task.description": ("说明", "收件箱里的文件正文。"),
    "Task.unit_label": ("计量单位", "目标的计量单位，例如 亩 / mu。"),
    "Task.original_target": ("真实目标", "任务线顶端（发文层级）真实、未加码的目标。"),
    "Task.owners": (
        "责任单位",
        "任务经过的政府或部门，自上而下，例如市农业农村局和县农业农村局。每个都须比下一个高一级；"
        "第一个接收真实目标。",
    ),
    "Task.carriers": ("落实单位", "具体落实任务的乡镇和街道。各自的上级是本县的责任单位。"),
    "Task.markup": ("每级加码", "每一级往下分解时加上的比例（层层加码）。"),
    "Task.markup_by_unit": ("分单位加码", "某个责任单位使用的加码比例，代替默认值。"),
    "Task.start_turn": ("开始回合", "任务开始的回合。"),
    "Task.deadline": ("截止回合", "任务的最后一个回合。"),
    "Task.cadence": (
        "报送频次",
        "进度报送频次：日报、周报或月报。每次报送都占用干部时间（超过实际工作就是形式主义）。",
    ),
    "Task.regime": (
        "考核方式",
        "无；排名（每回合公布，末位批评）；通报（进度落后时通报批评）；约谈（多次落后后约谈）；一"
        "票否决（期限时）；末位淘汰（期限时）。",
    ),
    "Task.fuzziness": (
        "模糊程度",
        "0 表示可量化任务（如水稻面积），1 表示模糊任务（如“美丽乡村”）：模糊任务留痕更费事，也更"
        "容易只做在纸上。",
    ),
    "Task.work_per_unit": ("单位工作量", "每单位产出需要的实际工作（干部人日）。"),
    "Task.central": ("中心工作", "领导关注的中心工作；多项并行会压垮基层（论文三，第一种效果）。"),
    "Task.social_leverage": ("可撬动社会资源", "本任务能否用公共资金撬动社会资源。"),
    "Task.slow_start": (
        "先摸底后推进",
        "先全面摸底的落实单位（K 镇，论文三）：前几个回合准备较慢，之后推进更快。",
    ),
    "Task.recurring": ("周期性任务", "期限后是否以“棘轮”调整后的目标重新开始。"),
    "Task.ratchet_up": (
        "超额后的棘轮",
        "结果超过目标时的 λ：下期目标 = 目标 + λ ×（结果 − 目标）。",
    ),
    "Task.ratchet_down": ("未完成后的棘轮", "结果未达目标时的 λ：目标下降得慢。"),
    "EventEffects.capacity_factor": (
        "能力系数",
        "乘以本事件所涉任务的剩余真实能力（秧苗受灾：0.8）。单位可以如实引用的客观原因。",
    ),
    "EventEffects.cadre_time_factor": (
        "干部时间系数",
        "乘以受影响单位本回合的干部时间（热线激增占去三分之一：0.67）。",
    ),
    "EventEffects.funds_delta": ("资金变化", "一次性增加（或减少）的资金。"),
    "EventEffects.local_needs_delta": ("群众诉求变化", "此后每回合群众诉求增加的比例（信访）。"),
    "EventEffects.beyond_unit": (
        "超出本单位能力",
        "问题超出本单位能力范围：向上级或党委请求协调才是正解（论文一.2）。",
    ),
    "EventEffects.activates_task": ("启动任务", "在本事件的回合开始的一项新的中心工作。"),
    "EventEffects.inspector": (
        "检查单位",
        "跨层级检查时直接检查落实单位的省或市，不容解释（论文二.1）。",
    ),
    "ScenarioEvent.id": ("标识", "事件的唯一标识。"),
    "ScenarioEvent.kind": ("类型", "事件的种类。"),
    "ScenarioEvent.name": ("标题", "事件所发文件的标题。"),
    "ScenarioEvent.text": ("正文", "文件正文。"),
    "ScenarioEvent.turn": ("回合", "固定发生的回合；留空则按概率发生。"),
    "ScenarioEvent.chance": ("每回合概率", "不定期事件在窗口内每个回合发生的概率（最多一次）。"),
    "ScenarioEvent.window": ("窗口", "概率事件可能发生的第一个和最后一个回合。"),
    "ScenarioEvent.task": ("任务", "所涉及的任务（如有）。"),
    "ScenarioEvent.targets": (
        "影响单位",
        "受影响的单位；留空表示所涉任务（或全部任务）的全部落实单位。",
    ),
    "ScenarioEvent.effects": ("效果", "事件的作用。"),
    "Styles.superior": (
        "上级风格",
        "沟通型：调研、接受如实说明、协调、差异化激励；压力型：排名、要求日报、先问责。",
    ),
    "Styles.subordinate": (
        "下级风格",
        "实干型：如实汇报和说明；投机型：虚报进度、编造原因、只做在纸上。",
    ),
    "Styles.by_unit": ("分单位风格", "为某个单位单独指定的风格，代替默认值。"),
    "ScoringOverrides.weights": ("规则权重", "按规则标识指定的新权重。"),
    "ScoringOverrides.thresholds": ("规则阈值", "按规则标识指定的新阈值。"),
    "ScoringOverrides.rules": ("自定义规则", "本情景自己的规则，格式同规则文件。"),
}

ENUMS: dict[str, tuple[str, str]] = {
    "province": ("省", "province"), "city": ("市", "city"), "county": ("县", "county"),
    "bureau": ("部门（条）", "bureau"), "township": ("乡镇", "township"),
    "subdistrict": ("街道", "subdistrict"), "village": ("村", "village"),
    "daily": ("日报", "daily"), "weekly": ("周报", "weekly"), "monthly": ("月报", "monthly"),
    "none": ("无", "none"), "ranking": ("排名", "ranking"), "notice": ("通报批评", "notice"),
    "talk": ("约谈", "talk (约谈)"), "veto": ("一票否决", "one-vote veto"),
    "elimination": ("末位淘汰", "last-place elimination"),
    "communicative": ("沟通型", "communicative"), "mixed": ("混合型", "mixed"),
    "pressure": ("压力型", "pressure"), "honest": ("实干型", "honest"),
    "gaming": ("投机型", "gaming"), "weather": ("天气", "weather"),
    "petition_surge": ("信访、热线激增", "petition surge"),
    "new_central_task": ("新的中心工作", "new central task"),
    "cross_level_inspection": ("跨层级检查", "cross-level inspection"),
    "leader_attention": ("领导关注", "leader's attention"),
    "1": ("1", "1"),
}


def _register() -> None:
    strings: dict[str, tuple[str, str]] = {}
    for model in ["Scenario", *schema()["$defs"]]:
        for spec in field_specs(model):
            zh_title, zh_help = ZH.get(f"{model}.{spec.key}", (spec.title, spec.description))
            strings[f"schema.{model}.{spec.key}"] = (zh_title, spec.title)
            strings[f"schema.{model}.{spec.key}.help"] = (zh_help or "—", spec.description or "—")
    strings.update({f"schema.enum.{value}": pair for value, pair in ENUMS.items()})
    register(strings)


_register()


def title(spec: FieldSpec) -> str:
    """The field's label in the current language."""
    return tr(f"schema.{spec.model}.{spec.key}") if spec.model else spec.title


def help_text(spec: FieldSpec) -> str:
    """The field's help text in the current language."""
    return tr(f"schema.{spec.model}.{spec.key}.help") if spec.model else spec.description


def choice_label(value: str) -> str:
    """An enum value's name in the current language (the value itself when unknown)."""
    try:
        return tr(f"schema.enum.{value}")
    except KeyError:
        return value
