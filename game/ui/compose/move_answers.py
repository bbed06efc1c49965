"""Answering several requests at once: a table of what came up from below, one decision a row.

Each row names who sent the request, what kind it is and what it says (causes, target asked,
figures); the decision starts from the seat's own judgment, which comes with the seat's view
(`SeatView.notes.suggestions`, from `views.suggested_answer`: never agree to collusion or to
condoning inflated figures; agree to an explanation when the seat's estimate supports it, at
the target asked). "Answer all" makes one Answer move per row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from game.engine.moves import MAX_FIGURE
from game.engine.views import MoveOption, PendingRequest, SuggestedAnswer
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, number, plain
from game.ui.common.vocab import task_measure, task_name, unit_name
from game.ui.compose.move_model import figure
from game.ui.play.session import SeatSession
from game.workshop.seat_view import SeatView

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("sender", "kind", "what", "judgment", "decision", "target")
#: Kinds whose answer may set a new target.
TARGETED = ("explanation", "proposal")

register({
    "answers.col.sender": ("来文单位", "From"),
    "answers.col.kind": ("类别", "Kind"),
    "answers.col.what": ("内容", "What it says"),
    "answers.col.judgment": ("你掌握的情况", "What you know"),
    "answers.col.decision": ("决定", "Decision"),
    "answers.col.target": ("新目标", "New target"),
    "answers.table": ("待答复的来文(&Q)", "Re&quests to answer"),
    "answers.help": ("每行一份来文。“决定”已按你掌握的情况预先选好，可逐行修改（空格键切换同意，"
                     "双击或 F2 修改目标），然后按“全部答复”。",
                     "One request a row. Each decision starts from what you know; change any "
                     "(Space toggles agreement, double-click or F2 edits the target), then "
                     "press Send the answers."),
    "answers.send": ("全部答复(&S)", "&Send the answers"),
    "answers.agree": ("同意", "Agree"),
    "answers.refuse": ("不同意", "Refuse"),
    "answers.asks": ("{task}：{body}", "{task}: {body}"),
    "answers.causes": ("原因：{causes}", "causes: {causes}"),
    "answers.asked": ("建议目标 {target}{measure}", "asks {target} {measure}"),
    "answers.grace": ("宽限 {grace} 回合", "grace of {grace} turns"),
    "answers.party": ("提请县委出面", "asks the party committee to push"),
    "answers.gap": ("把数字“做好看” {gap}{measure}", "make the figures {gap} {measure} better"),
    "answers.inflated": ("多报 {amount}{measure}", "{amount} {measure} over"),
    "answers.flag": ("已查实所列原因不实", "causes found false"),
    "answers.sep": ("；", "; "),
    "answers.known": ("你估计其能力约 {estimate}，现目标 {current}",
                      "you estimate {estimate}; target now {current}"),
    "answers.unknown": ("你还不掌握其能力（可去调研），现目标 {current}",
                        "you have no estimate (a visit would help); target now {current}"),
    "why.collusion": ("“做数据”的提议：默认不同意", "a collusion offer: refused by default"),
    "why.discrepancy": ("数据不实：默认不予认可", "inflated figures: not condoned by default"),
    "why.found_false": ("所列原因已查实不实", "its causes were found false"),
    "why.estimate_supports": ("你的估计支持其说明", "your estimate supports it"),
    "why.estimate_refutes": ("你的估计不支持其说明", "your estimate does not support it"),
    "why.no_estimate": ("没有依据支持", "nothing you know supports it"),
    "why.grace_only": ("只请求宽限，你的估计支持", "asks only for time; your estimate "
                       "supports it"),
    "why.funds_short": ("经费不足以支持", "not enough funds to grant it"),
    "why.help": ("帮助下级解决问题", "helps the unit with its problem"),
    "answers.plain.explanation": ("说明进度滞后", "explains a shortfall"),
    "answers.plain.proposal": ("请求调整目标", "asks for a different target"),
    "answers.plain.coordination": ("请求上级协调解决其能力之外的问题",
                                   "asks you to solve a problem beyond its reach"),
    "answers.plain.rule": ("援引县里规定，请求认可灵活做法",
                           "cites a county rule for a flexible method"),
    "answers.plain.policy": ("请求出台配套支持政策（如补贴）",
                             "asks for supporting policy (such as subsidies)"),
    "answers.plain.collusion": ("提议上下一起把数字“做好看”",
                                "proposes passing better-looking figures up together"),
    "answers.plain.discrepancy": ("上报数字与实绩不符", "its figures exceed its work"),
    "answers.target_cell": ("{target}{measure}", "{target} {measure}"),
    "answers.problem": ("{what}（{reason}）", "{what} ({reason})"),
    "answers.done": ("已答复 {count} 件来文。", "{count} requests answered."),
    "answers.some_refused": ("已答复 {count} 件；未能答复：{problems}",
                             "{count} answered; not answered: {problems}"),
})


def asks(session: SeatSession, request: PendingRequest, with_task: bool = True) -> str:
    """What a request says, in a line: its task (unless `with_task` is False), causes, target
    asked, time, figures."""
    names, data = session.directory, request.data
    measure = task_measure(names, request.task)
    parts = []
    causes = tr("doc.list_sep").join(tr(f"cause.{c}") for c in data.get("causes", ()))
    if causes:
        parts.append(tr("answers.causes", causes=causes))
    asked = data.get("proposed_target", data.get("target"))
    if asked is not None:
        parts.append(tr("answers.asked", target=figure(float(asked)), measure=measure))
    if data.get("grace_turns"):
        parts.append(tr("answers.grace", grace=data["grace_turns"]))
    if data.get("party_committee"):
        parts.append(tr("answers.party"))
    if request.kind == "collusion" and data.get("gap") is not None:
        parts.append(tr("answers.gap", gap=number(float(data["gap"])), measure=measure))
    if request.kind == "discrepancy" and data.get("amount") is not None:
        parts.append(tr("answers.inflated", amount=number(float(data["amount"])),
                        measure=measure))
    if request.detected and request.kind != "discrepancy":
        parts.append(tr("answers.flag"))
    body = tr("answers.sep").join(parts) or tr(f"answers.plain.{request.kind}")
    if not with_task:
        return body
    return tr("answers.asks", task=task_name(names, request.task), body=body)


def judgment(suggestion: SuggestedAnswer) -> str:
    """What the seat knows about the sender, and the ground of the default decision."""
    if suggestion.estimate is None:
        known = tr("answers.unknown", current=number(suggestion.current))
    else:
        known = tr("answers.known", estimate=number(suggestion.estimate),
                   current=number(suggestion.current))
    return f"{known}{tr('answers.sep')}{tr(f'why.{suggestion.why}')}"


def _suggestion(view: SeatView, request: PendingRequest) -> SuggestedAnswer:
    """The view's suggested answer to a request; a view without notes suggests refusing,
    on no ground the seat knows of (with the sender's target from the seat's stakes)."""
    found = view.notes.suggestion(request.id) if view.notes is not None else None
    if found is not None:
        return found
    current = next((sub.target for stake in view.stakes if stake.task == request.task
                    for sub in stake.subordinates if sub.unit == request.sender), 0.0)
    return SuggestedAnswer(request.id, False, None, "no_estimate", None, current)


class AnswersModel(QAbstractTableModel):
    """The seat's pending requests, one row each, with an editable decision and target."""

    RequestRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, session: SeatSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._rows: list[PendingRequest] = []
        self._suggested: list[SuggestedAnswer] = []
        self._accept: list[bool] = []
        self._target: list[float | None] = []
        self.reload()

    def reload(self) -> None:
        """Read the pending requests again; every decision back to the seat's judgment."""
        self.beginResetModel()
        view = self.session.view
        self._rows = list(view.pending)
        self._suggested = [_suggestion(view, r) for r in self._rows]
        self._accept = [s.accept for s in self._suggested]
        self._target = [s.target if s.target is not None else self._asked(r)
                        for s, r in zip(self._suggested, self._rows, strict=True)]
        self.endResetModel()

    @staticmethod
    def _asked(request: PendingRequest) -> float | None:
        if request.kind not in TARGETED:
            return None
        asked = request.data.get("proposed_target", request.data.get("target"))
        return float(asked) if asked is not None else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"answers.col.{COLUMNS[section]}")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = COLUMNS[index.column()]
        if column == "decision":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if column == "target" and self._targetable(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _targetable(self, row: int) -> bool:
        return self._rows[row].kind in TARGETED and self._accept[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), COLUMNS[index.column()]
        if role == self.RequestRole:
            return self._rows[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == "decision":
            return Qt.CheckState.Checked if self._accept[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column == "target":
            return self._target[row] or 0.0
        if role == Qt.ItemDataRole.ToolTipRole and column == "what":
            return asks(self.session, self._rows[row])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        return None

    def _text(self, row: int, column: str) -> str:
        names, request = self.session.directory, self._rows[row]
        if column == "sender":
            return unit_name(names, request.sender)
        if column == "kind":
            return tr(f"request.{request.kind}")
        if column == "what":
            # One task for every request: its name in each row would only crowd the table.
            return asks(self.session, request, with_task=len({r.task for r in self._rows}) > 1)
        if column == "judgment":
            return judgment(self._suggested[row])
        if column == "decision":
            return tr("answers.agree" if self._accept[row] else "answers.refuse")
        target = self._target[row]
        if not self._targetable(row) or target is None:
            return "—"
        return tr("answers.target_cell", target=figure(target),
                  measure=task_measure(names, request.task))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), COLUMNS[index.column()]
        if column == "decision" and role == Qt.ItemDataRole.CheckStateRole:
            self._accept[row] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return True
        if column == "target" and role == Qt.ItemDataRole.EditRole and self._targetable(row):
            try:
                figure = float(value)
            except (TypeError, ValueError):
                return False
            if not 0.0 <= figure <= MAX_FIGURE:
                return False
            self._target[row] = figure
            self.dataChanged.emit(index, index)
            return True
        return False

    def decide(self, row: int, accept: bool, target: float | None = None) -> None:
        """Set a row's decision (and its target) as the player would."""
        self.setData(self.index(row, COLUMNS.index("decision")),
                     (Qt.CheckState.Checked if accept else Qt.CheckState.Unchecked).value,
                     Qt.ItemDataRole.CheckStateRole)
        if target is not None:
            self.setData(self.index(row, COLUMNS.index("target")), target)

    def moves(self) -> list[dict[str, Any]]:
        """One Answer move per row, as decided."""
        return [{"kind": "answer", "request": r.id, "accept": self._accept[i],
                 "target": self._target[i] if self._targetable(i) else None}
                for i, r in enumerate(self._rows)]

    def retranslate(self) -> None:
        """Texts changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               len(COLUMNS) - 1))


class AnswersForm(QWidget):
    """The composer's detail for "answer": the table; `moves()` are the answers to send."""

    changed = Signal()

    def __init__(self, session: SeatSession, option: MoveOption,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.model = AnswersModel(session, self)
        self.label = QLabel()
        self.help = QLabel(objectName="Muted", wordWrap=True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.label.setBuddy(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("what"), QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMNS.index("judgment"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in (("sender", 76), ("kind", 80), ("decision", 76), ("target", 90)):
            header.resizeSection(COLUMNS.index(column), width)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.help, self.table):
            layout.addWidget(widget)
        layout.setStretch(2, 1)
        self.model.dataChanged.connect(self.changed)
        self.model.modelReset.connect(self.changed)
        follow_language(self, self.retranslate)
        self.retranslate()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, COLUMNS.index("decision")))

    def retranslate(self) -> None:
        """Labels in the current language."""
        self.label.setText(tr("answers.table"))
        self.help.setText(tr("answers.help"))
        self.table.setAccessibleName(plain(tr("answers.table")))
        self.model.retranslate()

    def moves(self) -> list[dict[str, Any]]:
        """The answers to send, one per request."""
        return self.model.moves()

    def move(self) -> dict[str, Any]:
        """Not one move but several (see `moves`); this stands for them all."""
        return {"kind": "answer"}

    def ready(self) -> bool:
        """Whether there is anything to answer."""
        return self.model.rowCount() > 0

    def focus_first(self) -> None:
        """Put the keyboard focus on the table."""
        self.table.setFocus()
