"""The debrief's models: the score report as a tree (group > indicator > rule, citation,
evidence > event), one event's details as a table, and Figure 1's tasks as a list. They read
the seat's part of the debrief (`SeatView.debrief`) and its directory, never a game."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from game.ui.common.i18n import language, register, tr
from game.ui.common.task_model import TASK_ID_ROLE, Index
from game.ui.common.vocab import task_name, unit_name

if TYPE_CHECKING:
    from game.workshop.debrief_part import DebriefPart, LoggedEvent
    from game.workshop.directory import Directory

NODE_ROLE = Qt.ItemDataRole.UserRole + 4
SEQ_ROLE = Qt.ItemDataRole.UserRole + 5
GROUPS = ("forms", "mechanisms", "effects", "pathologies", "outcome")

register({
    "debrief.group.forms": ("沟通式动员的形式", "Forms of communicative mobilization"),
    "debrief.group.mechanisms": ("生成机理", "Generative mechanisms"),
    "debrief.group.effects": ("动员效果", "Effects"),
    "debrief.group.pathologies": ("病理（越低越好）", "Pathologies (lower is better)"),
    "debrief.group.outcome": ("结果", "Outcome"),
    "debrief.group.county": ("全县的评分报告", "The county's report"),
    "debrief.seat": ("你的席位：{unit}{role} — 得分", "Your seat: {unit} {role} — score"),
    "debrief.seat.role.bureau": ("（上级部门）", "(a bureau above others)"),
    "debrief.seat.role.township": ("（基层执行单位）", "(a unit that carries the work)"),
    "debrief.col.name": ("指标 / 规则 / 证据", "Indicator / rule / evidence"),
    "debrief.col.value": ("数值", "Value"),
    "debrief.citation": ("论文 {section}：{quote}", "Paper, section {section}: {quote}"),
    "debrief.evidence": ("证据事件（{n}）", "Evidence events ({n})"),
    "debrief.event": ("#{seq} · 第{turn}回合 · {kind} · {who}", "#{seq} · turn {turn} · {kind} · "
                      "{who}"),
    "debrief.event.missing": ("#{seq}（本局日志中没有）", "#{seq} (not in this game's log)"),
    "debrief.fired": ("触发", "fired"),
    "debrief.not_fired": ("未触发", "not fired"),
    "debrief.field": ("字段", "Field"),
    "debrief.field.value": ("内容", "Value"),
    "debrief.field.seq": ("序号", "sequence"),
    "debrief.field.turn": ("回合", "turn"),
    "debrief.field.phase": ("阶段", "phase"),
    "debrief.field.kind": ("事件", "event"),
    "debrief.field.actor": ("行动方", "actor"),
    "debrief.field.target": ("对象", "target"),
    "debrief.field.task": ("任务", "task"),
    "debrief.field.data": ("{name}", "{name}"),
    "debrief.field.hidden": ("真相（仅复盘可见） · {name}", "truth (debrief only) · {name}"),
})
register({f"debrief.fieldname.{key}": pair for key, pair in {
    "accepted": ("是否采纳", "accepted"),
    "amount": ("数额", "amount"),
    "attended": ("到会", "attended"),
    "beyond_unit": ("超出本单位能力", "beyond what the unit can do"),
    "cadence": ("报送频次", "reporting cadence"),
    "cadre_time": ("干部可用时间（人日）", "cadre time (cadre-days)"),
    "capacity": ("真实能力", "real capacity"),
    "capacity_added": ("增加的能力", "capacity added"),
    "capacity_short": ("确实能力不足", "really short of capacity"),
    "causes": ("所述原因", "causes given"),
    "cycle": ("第几轮", "cycle"),
    "deadline": ("期限", "deadline"),
    "delivered": ("实际完成", "delivered"),
    "detected": ("是否被发现", "found out"),
    "escalated": ("逐级加码后的指标", "escalated quotas"),
    "event": ("外部事件", "world event"),
    "event_kind": ("事件类别", "kind of event"),
    "expected": ("应有进度", "expected progress"),
    "expired": ("已过期", "expired"),
    "external": ("下达指标（外在标准）", "quota received (external standard)"),
    "false_causes": ("虚假的原因", "false causes"),
    "falsification_found": ("发现虚报", "false figures found"),
    "familiarity": ("熟悉程度", "familiarity"),
    "figure": ("上报数", "figure reported"),
    "formalism": ("形式主义占比", "share of time on formalities"),
    "funds": ("资金（万元）", "funds (10,000 yuan)"),
    "gap": ("差距", "gap"),
    "grace": ("宽限", "grace"),
    "grace_until": ("宽限至第几回合", "grace until turn"),
    "heard": ("是否听取", "heard"),
    "how": ("方式", "how"),
    "incentive": ("激励", "incentive"),
    "inflation": ("转报的虚数", "false figure passed up"),
    "inspector": ("督查单位", "inspecting unit"),
    "lambda": ("强度", "intensity"),
    "levered": ("撬动的社会资源", "social resources levered"),
    "local": ("村民诉求", "local needs"),
    "local_given": ("给村民诉求的时间（人日）", "time given to local needs (cadre-days)"),
    "local_required": ("村民诉求所需时间（人日）", "time local needs required (cadre-days)"),
    "lowball": ("压低的目标", "lowballed target"),
    "main_responsibility": ("主体责任", "main responsibility"),
    "markup": ("加码", "markup"),
    "meetings": ("开会", "meetings"),
    "memory": ("记忆", "memory"),
    "morale": ("士气", "morale"),
    "morale_gain": ("士气提升", "morale gained"),
    "needed": ("所需", "needed"),
    "negotiated": ("协商后目标", "negotiated target"),
    "new_target": ("新目标", "new target"),
    "next": ("下一次", "next"),
    "old": ("原值", "before"),
    "old_target": ("原目标", "old target"),
    "on_paper": ("只在纸面上", "on paper only"),
    "order": ("顺序", "order"),
    "original": ("真实目标", "original target"),
    "output": ("产出", "output"),
    "outside": ("外部", "outside"),
    "overstate": ("虚报数", "overstatement"),
    "owed": ("所欠", "owed"),
    "paper": ("纸面工作", "paperwork"),
    "party_committee": ("党委牵头", "party committee leads"),
    "passed_down": ("下达数", "passed down"),
    "potential": ("可撬动量", "what could be levered"),
    "proposed_target": ("提出的目标", "target proposed"),
    "quota": ("指标", "quota"),
    "ratio": ("比例", "ratio"),
    "ratios": ("比例", "ratios"),
    "recent_unfounded": ("近期无据请求", "recent unfounded requests"),
    "relief": ("减负", "relief"),
    "reported": ("上报数", "reported"),
    "reports": ("报表", "reports"),
    "request": ("来文编号", "request number"),
    "request_kind": ("来文类别", "kind of request"),
    "result": ("结果", "result"),
    "rework": ("整改返工", "rework"),
    "sanction": ("问责方式", "sanction"),
    "seen_through": ("被识破", "seen through"),
    "shares": ("分配比例", "shares"),
    "source": ("来源", "source"),
    "space": ("协商空间", "room to bargain"),
    "spent": ("时间用途（人日）", "time spent (cadre-days)"),
    "standing": ("排名", "standing"),
    "symmetry": ("信息对称", "information symmetry"),
    "target": ("目标", "target"),
    "target_too_low": ("目标过低", "target too low"),
    "targets": ("目标", "targets"),
    "time": ("时间（人日）", "time (cadre-days)"),
    "true_causes": ("真实原因", "true causes"),
    "trust": ("信任", "trust"),
    "truthful": ("是否属实", "truthful"),
    "turn": ("回合", "turn"),
    "turns": ("回合数", "turns"),
    "was": ("原值", "was"),
    "withheld": ("隐瞒", "withheld"),
    "work": ("任务工作", "work on tasks"),
    "pressure": ("压力", "pressure"),
    "overload": ("负荷", "workload"),
}.items()})
register({f"debrief.term.{key}": pair for key, pair in {
    "condoned": ("被纵容", "condoned"),
    "cross_level_inspection": ("跨级督查", "cross-level inspection"),
    "discretion": ("自行决定", "at its own discretion"),
    "inspection": ("督查", "inspection"),
    "leader_attention": ("领导关注", "the leaders’ attention"),
    "new_central_task": ("新的中心工作", "a new central task"),
    "proposed": ("已提出", "proposed"),
    "regime": ("制度安排", "regime"),
}.items()})
register({f"debrief.kind.{kind}": pair for kind, pair in {
    "turn_started": ("新回合", "turn started"), "task_started": ("任务下达", "task started"),
    "directive_issued": ("下达指标", "quota passed down"),
    "quota_split": ("分解指标", "quota split"),
    "negotiation_space": ("协商空间", "negotiation space"),
    "world_event": ("外部事件", "world event"), "report_progress": ("报送进度", "progress report"),
    "explain_shortfall": ("情况说明", "explanation of a shortfall"),
    "request_coordination": ("请求协调", "coordination request"),
    "propose_target": ("提出调整目标", "target proposed"),
    "cite_rule": ("援引规定", "rule cited"), "request_policy": ("请求配套政策", "policy request"),
    "collude": ("提议“做数据”", "collusion proposed"), "request_answered": ("批复", "answer"),
    "false_cause_detected": ("发现虚假原因", "false cause found"),
    "quota_forwarded": ("原样转发指标", "quota passed on unsplit"),
    "report_missing": ("未按时报送", "report missing"),
    "request_unfounded": ("请求缺乏依据", "request without grounds"),
    "split_quota": ("重新分解指标", "quota re-split"),
    "allocate_time": ("安排干部时间", "cadre time planned"),
    "lever_social": ("撬动社会资源", "social resources levered"),
    "set_reporting": ("规定报送频次", "reporting cadence set"),
    "research_visit": ("下乡调研", "research visit"), "symposium": ("座谈会", "symposium"),
    "mobilization_meeting": ("动员会", "mobilization meeting"),
    "supervise": ("参与式督导", "participatory supervision"),
    "incentive": ("激励", "incentive"), "adjust_target": ("调整目标", "target adjusted"),
    "accountability": ("问责", "accountability"),
    "ranking_published": ("公布排名", "ranking published"),
    "falsification_detected": ("发现虚报", "false figures found"),
    "collusion": ("共谋", "collusion"), "shift_blame": ("推卸责任", "blame shifted"),
    "symbolic_execution": ("象征性执行", "symbolic execution"),
    "quasi_exit": ("准退出", "quasi-exit"),
    "respond_local_needs": ("回应群众诉求", "villagers' needs answered"),
    "execution": ("执行", "work done"), "unit_turn": ("单位本回合", "unit's turn"),
    "relation_turn": ("关系变化", "relation's turn"), "assessment": ("考核", "assessment"),
    "inspection": ("跨级督查", "cross-level inspection"), "ratchet": ("棘轮调整", "ratchet"),
    "task_closed": ("任务结项", "task closed"), "game_over": ("对局结束", "game over"),
}.items()})


def kind_label(kind: str) -> str:
    """An event kind in the current language (its id when the table lacks it)."""
    try:
        return tr(f"debrief.kind.{kind}")
    except KeyError:
        return kind


def format_value(value: float | None, unit: str) -> str:
    """An indicator's value as read: 72.0 / 100, 104.5%, 3; — when not applicable."""
    if value is None:
        return "—"
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "count":
        return f"{value:g}"
    return f"{value:.1f} / 100"


_NUMERALS = {"一": "I", "二": "II", "三": "III", "四": "IV", "五": "V"}
_ORDINALS = {"第一": "first", "第二": "second", "第三": "third", "第四": "fourth"}


def section_label(section: str) -> str:
    """A section of the paper as read: 二.2 / 三（第二）/ 一（图1）in Chinese; II.2 /
    III (second) / I (Figure 1) in English."""
    if language() != "en":
        return section
    text = section.replace("引言", "Introduction").replace("结论", "Conclusion")
    for zh, en in _ORDINALS.items():
        text = text.replace(f"（{zh}）", f" ({en})")
    text = re.sub(r"（图(\d+)）", r" (Figure \1)", text)
    return "".join(_NUMERALS.get(c, c) for c in text).replace("（", " (").replace("）", ")")


def quote_text(citation: dict[str, Any]) -> str:
    """The paper's passage as read: in English mode the translation (when there is one) with
    the Chinese original after it; in Chinese mode the original."""
    english = citation.get("quote_en")
    if language() == "en" and english:
        return f"{english} (original: {citation['quote']})"
    return str(citation["quote"])


def citation_tooltip(citation: dict[str, Any]) -> str:
    """The passage with its translation beside it, for a tooltip."""
    english = citation.get("quote_en")
    return f"{citation['quote']}\n{english}" if english else str(citation["quote"])


def _plain_number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def event_line(names: Directory, part: DebriefPart, seq: int) -> str:
    """One line naming an event the debrief links to: number, turn, kind, who acted on whom."""
    event = part.event(seq)
    if event is None:
        return tr("debrief.event.missing", seq=seq)
    who = unit_name(names, event.actor)
    if event.target:
        who += f" → {unit_name(names, event.target)}"
    return tr("debrief.event", seq=seq, turn=event.turn, kind=kind_label(event.kind), who=who)


@dataclass
class Node:
    """One row of the report tree."""

    kind: str
    payload: Any
    parent: int
    row: int
    children: list[int] = field(default_factory=list)


class ScoreTreeModel(QAbstractItemModel):
    """The score report, two columns (name, value), groups at the top."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: Directory | None = None
        self._part: DebriefPart | None = None
        self._nodes: list[Node] = []
        self._roots: list[int] = []

    def set_part(self, names: Directory | None, part: DebriefPart | None, seat: str) -> None:
        """Show a seat's part of the debrief (nothing for None): the seat's own score and its
        parts lead, then the county's report by group."""
        self.beginResetModel()
        self._names, self._part, self._nodes, self._roots = names, part, [], []
        own = part.score if part is not None else None
        if own is not None:
            root = self._add("seat", own, -1)
            for item in own["indicators"].values():
                node = self._add("part", item, root)
                self._add("citation", item["citation"], node)
                evidence = self._add("evidence", item, node)
                for seq in item["evidence"]:
                    self._add("event", seq, evidence)
        indicators = list(part.indicators.values()) if part is not None else []
        for group in GROUPS:
            members = [i for i in indicators if i["group"] == group]
            if members:
                root = self._add("group", group, -1)
                for indicator in members:
                    self._add_indicator(indicator, root)
        self.endResetModel()

    def _add(self, kind: str, payload: Any, parent: int) -> int:
        siblings = self._roots if parent < 0 else self._nodes[parent].children
        self._nodes.append(Node(kind, payload, parent, len(siblings)))
        siblings.append(len(self._nodes) - 1)
        return len(self._nodes) - 1

    def _add_indicator(self, indicator: dict[str, Any], parent: int) -> None:
        node = self._add("indicator", indicator, parent)
        for rule in indicator["rules"]:
            rule_node = self._add("rule", rule, node)
            for seq in rule["evidence"]:
                self._add("event", seq, rule_node)
        self._add("citation", indicator["citation"], node)
        evidence = self._add("evidence", indicator, node)
        for seq in indicator["evidence"]:
            self._add("event", seq, evidence)

    def retranslate(self) -> None:
        """Texts follow the language; rows and expansion stay."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        for root in self._roots:
            self._changed(root)

    def _changed(self, number: int) -> None:
        node = self._nodes[number]
        self.dataChanged.emit(self.createIndex(node.row, 0, number),
                              self.createIndex(node.row, 1, number))
        for child in node.children:
            self._changed(child)

    def node(self, index: Index) -> Node | None:
        """The report entry behind an index."""
        return self._nodes[index.internalId()] if index.isValid() else None

    def find(self, kind: str, key: str) -> QModelIndex:
        """The index of an indicator (by key) or a group (by name)."""
        for number, node in enumerate(self._nodes):
            if node.kind != kind:
                continue
            payload_key = node.payload if kind == "group" else node.payload.get("key")
            if payload_key == key:
                return self.createIndex(node.row, 0, number)
        return QModelIndex()

    # ----- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._roots if not parent.isValid() else \
            self._nodes[parent.internalId()].children
        if not 0 <= row < len(siblings) or not 0 <= column < 2:
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        return QModelIndex() if up < 0 else self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId()].children if parent.isValid() else self._roots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("debrief.col.name") if section == 0 else tr("debrief.col.value")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(node, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.FontRole and node.kind in ("group", "indicator", "seat"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.kind == "rule":
            return QColor("#111827" if node.payload["fired"] else "#6b7280")
        if role == NODE_ROLE:
            return node.kind
        if role == SEQ_ROLE and node.kind == "event":
            return node.payload
        return None

    def _text(self, node: Node, column: int) -> str:
        lang, payload = language(), node.payload
        if node.kind == "group":
            return tr(f"debrief.group.{payload}") if column == 0 else ""
        if node.kind == "seat":
            if column == 1:
                return format_value(payload["score"], "score")
            return seat_title(self._names, payload)
        if node.kind == "part":
            if column == 1:
                return format_value(payload["value"], "score")
            return f"{payload['label'][lang]}：{payload['explanation'][lang]}" if lang == "zh" \
                else f"{payload['label'][lang]}: {payload['explanation'][lang]}"
        if node.kind == "indicator":
            return payload["label"][lang] if column == 0 else \
                format_value(payload["value"], payload["unit"])
        if node.kind == "rule":
            mark = "✓ " if payload["fired"] else "· "
            return mark + payload["explanation"][lang] if column == 0 else \
                f"{payload['contribution']:+.1f}"
        if node.kind == "citation":
            section = section_label(payload["section"])
            return tr("debrief.citation", section=section,
                      quote=quote_text(payload)) if column == 0 else section
        if node.kind == "evidence":
            return tr("debrief.evidence", n=len(payload["evidence"])) if column == 0 else ""
        if column or self._names is None or self._part is None:
            return ""
        return event_line(self._names, self._part, payload)

    def _tooltip(self, node: Node) -> str:
        if node.kind == "rule":
            rule = node.payload
            state = tr("debrief.fired") if rule["fired"] else tr("debrief.not_fired")
            measured = "—" if rule["measured"] is None else _plain_number(rule["measured"])
            return f"{rule['explanation'][language()]}\n{state} · {measured}\n({rule['id']})"
        if node.kind in ("indicator", "part"):
            return f"{self._text(node, 0)}\n({node.payload['key']})"
        if node.kind == "citation":
            return citation_tooltip(node.payload)
        return self._text(node, 0)


class EventDetailModel(QAbstractTableModel):
    """One event, field by field; the truth behind it only once the game is over."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def set_event(self, names: Directory | None, event: LoggedEvent | None) -> None:
        """Show a linked event in full, its hidden part too (or nothing)."""
        rows = [] if event is None or names is None else _event_rows(names, event)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("debrief.field") if section == 0 else tr("debrief.field.value")
        return None


def _event_rows(names: Directory, event: LoggedEvent) -> list[tuple[str, str]]:
    rows = [(tr("debrief.field.seq"), str(event.seq)), (tr("debrief.field.turn"), str(event.turn)),
            (tr("debrief.field.phase"), tr(f"phase.{event.phase}")),
            (tr("debrief.field.kind"), kind_label(event.kind)),
            (tr("debrief.field.actor"), unit_name(names, event.actor) if event.actor else "—"),
            (tr("debrief.field.target"), unit_name(names, event.target) if event.target else "—"),
            (tr("debrief.field.task"), task_name(names, event.task) or "—")]
    rows += [(tr("debrief.field.data", name=field_name(k)), _plain(names, v))
             for k, v in event.data.items()]
    rows += [(tr("debrief.field.hidden", name=field_name(k)), _plain(names, v))
             for k, v in event.hidden.items()]
    return rows


def seat_title(names: Directory | None, score: dict[str, Any]) -> str:
    """"Your seat: 河西镇 (a unit that carries the work) — score", the name in the current
    language."""
    unit = unit_name(names, score["unit"]) if names is not None else score["unit"]
    return tr("debrief.seat", unit=unit, role=tr(f"debrief.seat.role.{score['role']}"))


def field_name(key: str) -> str:
    """An event field's name in words (its id only when the table lacks it)."""
    try:
        return tr(f"debrief.fieldname.{key}")
    except KeyError:
        return key


def _term(value: str) -> str:
    """A cause, incentive, cadence, sanction, style or field id in the current language."""
    for prefix in ("cause.", "incentive.", "cadence.", "sanction.", "request.", "style.",
                   "phase.", "debrief.term.", "debrief.fieldname."):
        try:
            return tr(f"{prefix}{value}")
        except KeyError:
            continue
    return value


def _plain(names: Directory, value: Any) -> str:
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float):
        return _plain_number(value)
    if isinstance(value, str) and names.unit(value) is not None:
        return unit_name(names, value)
    if isinstance(value, str):
        return _term(value)
    if isinstance(value, dict) and isinstance(value.get(language()), str):
        return str(value[language()])  # a reason: its sentence in the reader's language
    if isinstance(value, dict):
        sep = "：" if language() == "zh" else ": "
        return ", ".join(f"{_plain(names, k)}{sep}{_plain(names, v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_plain(names, v) for v in value)
    return str(value)


class FigureTaskModel(QAbstractListModel):
    """The tasks Figure 1 can show, one row each (name in the current language; TASK_ID_ROLE
    gives the id), from the seat's directory."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: Directory | None = None
        self._ids: list[str] = []

    def reset(self, names: Directory | None, ids: list[str]) -> None:
        """Take up the tasks `ids` (in the directory's order)."""
        self.beginResetModel()
        self._names = names
        wanted = set(ids)
        self._ids = [t.id for t in names.tasks if t.id in wanted] if names is not None else []
        self.endResetModel()

    def retranslate(self) -> None:
        """Names follow the language; the rows (and the choice) stay."""
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def task_id(self, row: int) -> str | None:
        """The id of the task at `row` (None out of range)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or self._names is None:
            return None
        task = self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return task_name(self._names, task)
        if role == TASK_ID_ROLE:
            return task
        return None
