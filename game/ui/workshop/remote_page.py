"""The game page of a seat played at a workshop table: drawn from the seat's view alone.

Everything shown comes from the `SeatView` the host sends (documents, resources, stakes, the
options with their prices, pending requests, who the table waits for); every act goes through
the connection (`submit`, `end phase`). The scenario file, when this computer has it in its
library, only lends names (units, tasks, events): no state is read from it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.engine.views import MoveOption
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, number, plain, text_of
from game.ui.common.vocab import phase_name
from game.ui.compose.composer_view import cost_details
from game.ui.play import documents
from game.ui.workshop.connection import WorkshopConnection
from game.ui.workshop.remote_form import RemoteMoveForm, text

if TYPE_CHECKING:
    from game.scenario.models import Scenario
    from game.workshop.client import Reply
    from game.workshop.seat_view import SeatView

register({
    "remote.seat": ("{unit} · 工作坊第 {table} 桌", "{unit} · workshop table {table}"),
    "remote.turn": ("第 {turn} / {turns} 回合 · {phase}阶段", "Turn {turn} of {turns} · {phase} "
                    "phase"),
    "remote.over": ("对局已结束", "Game over"),
    "remote.means": ("干部时间 {left} / {cadre} 人日 · 经费 {funds} 万元 · 政治资本 {standing}",
                     "Cadre time {left} / {cadre} days · funds {funds} · standing {standing}"),
    "remote.state.connecting": ("● 正在连接…", "● Connecting…"),
    "remote.state.connected": ("● 已连接", "● Connected"),
    "remote.state.reconnecting": ("● 连接中断，正在重新连接…", "● Connection lost, reconnecting…"),
    "remote.state.lost": ("● 连接已断开", "● Connection lost"),
    "remote.waiting": ("等待：{units}", "Waiting for: {units}"),
    "remote.ended": ("你已结束本阶段。", "You have ended this phase."),
    "remote.computer": ("电脑暂代本席位", "The computer holds this seat for now"),
    "remote.end": ("结束本阶段(&E)", "&End this phase"),
    "remote.tab.inbox": ("收文(&I)", "&Inbox"),
    "remote.tab.composer": ("办文(&W)", "&Work"),
    "remote.tab.stakes": ("任务(&K)", "Tas&ks"),
    "remote.tab.pending": ("待复请示(&P)", "&Pending requests"),
    "remote.col.task": ("任务", "Task"),
    "remote.col.target": ("目标", "Target"),
    "remote.col.passed_down": ("已分解", "Passed down"),
    "remote.col.reported": ("已上报", "Reported"),
    "remote.col.delivered": ("实际完成", "Delivered"),
    "remote.col.capacity": ("本单位能力", "Own capacity"),
    "remote.col.deadline": ("期限（回合）", "Deadline (turn)"),
    "remote.col.below": ("下级（上报 / 你的估计）", "Below (reported / your estimate)"),
    "remote.below_item": ("{unit} {reported} / {estimate}", "{unit} {reported} / {estimate}"),
    "remote.pending_item": ("第 {turn} 回合 {sender}：{kind}", "Turn {turn}, {sender}: {kind}"),
    "remote.turn_n": ("第 {turn} 回合", "Turn {turn}"),
    "remote.no_pending": ("没有待答复的请示。", "No request awaits your answer."),
    "remote.sending": ("正在发送…", "Sending…"),
    "remote.refused_end": ("未能结束本阶段：{reason}", "Could not end the phase: {reason}"),
    "remote.failed": ("无法加入：{reason}。请核对地址和加入码，然后通过“游戏 ▸ 加入工作坊”重试。",
                      "Could not join: {reason}. Check the address and the code, then try "
                      "again with Game ▸ Join a workshop."),
    "remote.tab.score": ("得分(&D)", "Score (&D)"),
    "remote.score": ("本席位得分：{score} / 100", "This seat's score: {score} / 100"),
    "remote.score_locked": ("得分在对局结束后开放。", "The score opens when the game is over."),
    "remote.col.part": ("方面", "Part"),
    "remote.col.weight": ("权重", "Weight"),
    "remote.col.value": ("得分", "Score"),
    "remote.col.why": ("说明", "Why"),
    "remote.no_options": ("本阶段没有可办的事项。", "Nothing to do in this phase."),
})


#: The connection's state in the header: green, amber, red (and the word says it too).
STATE_COLOURS = {"connected": "#1b7f3b", "reconnecting": "#a35c00", "lost": "#b3261e"}


class ScenarioNames:
    """What names need from a game, taken from the scenario alone (no state at all): the
    stand-in `documents` and `vocab` read names through (`.scenario`, `.task_by_id`)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.task_by_id = {task.id: task for task in scenario.tasks}
        self.tasks: dict[str, Any] = {}


def find_names(scenario_id: str, folders: list[Path]) -> ScenarioNames | None:
    """The scenario's names if this computer's library has it, else None (ids are shown)."""
    from game.engine.save import SaveError, find_in_library
    from game.scenario.loader import ScenarioError, load_scenario

    try:
        return ScenarioNames(load_scenario(find_in_library(scenario_id, folders)))
    except (SaveError, ScenarioError, OSError):
        return None


class RemotePage(QWidget):
    """Header with the connection's state; inbox, composer, tasks and pending requests.

    Args:
        connection: the seat's connection (started by the caller).
        folders: the library folders the scenario's names are looked up in.
    """

    def __init__(self, connection: WorkshopConnection, folders: list[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RemotePage")
        self.connection = connection
        self.folders = folders
        self.names: ScenarioNames | None = None
        self.view: SeatView | None = None
        self.form: RemoteMoveForm | None = None
        self.status_key: tuple[str, dict[str, str]] = ("", {})
        self._build()
        connection.view_changed.connect(self.show_view)
        connection.state_changed.connect(self._on_state)
        connection.replied.connect(self._on_reply)
        connection.failed.connect(self._on_failed)
        follow_language(self, self.retranslate)
        self.retranslate()

    # ----- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.seat = QLabel(objectName="HeaderSeat", wordWrap=True)
        bold = QFont(self.seat.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.seat.setFont(bold)
        self.turn = QLabel(objectName="HeaderTurn")
        self.means = QLabel(objectName="HeaderMeans")
        self.link = QLabel(objectName="Connection")
        self.waiting = QLabel(objectName="Muted", wordWrap=True)
        self.end_button = QPushButton(objectName="EndPhase")
        self.end_button.clicked.connect(self.end_phase)
        top = QHBoxLayout()
        top.addWidget(self.seat, 1)
        top.addWidget(self.link)
        top.addSpacing(12)
        top.addWidget(self.end_button)
        status = QHBoxLayout()
        status.addWidget(self.turn)
        status.addSpacing(16)
        status.addWidget(self.means)
        status.addStretch(1)
        header = QWidget(objectName="Header")
        head = QVBoxLayout(header)
        head.setContentsMargins(12, 6, 12, 4)
        head.setSpacing(2)
        head.addLayout(top)
        head.addLayout(status)
        head.addWidget(self.waiting)
        self.tabs = QTabWidget(objectName="GameTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_inbox(), "")
        self.tabs.addTab(self._build_composer(), "")
        self.stakes = QTableWidget(0, 8)
        self.stakes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stakes.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.stakes, "")
        self.pending = QListWidget()
        self.tabs.addTab(self.pending, "")
        self.score_box = QWidget()
        score_layout = QVBoxLayout(self.score_box)
        self.score = QLabel(objectName="ScenarioTitle", wordWrap=True)
        self.parts = QTableWidget(0, 4)
        self.parts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.parts.setWordWrap(True)
        self.parts.horizontalHeader().setStretchLastSection(True)
        score_layout.addWidget(self.score)
        score_layout.addWidget(self.parts, 1)
        self.tabs.addTab(self.score_box, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)

    def _build_inbox(self) -> QWidget:
        self.inbox = QListWidget()
        self.reader = QTextBrowser()
        self.inbox.currentRowChanged.connect(self._read)
        split = QSplitter()
        split.addWidget(self.inbox)
        split.addWidget(self.reader)
        split.setSizes([300, 600])
        return split

    def _build_composer(self) -> QWidget:
        self.options = QListWidget()
        self.options.currentRowChanged.connect(self._choose)
        self.price = QLabel(wordWrap=True)
        self.form_box = QVBoxLayout()
        self.send_button = QPushButton(objectName="Primary")
        self.send_button.clicked.connect(self.send)
        self.status = QLabel(objectName="Hint", wordWrap=True)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.price)
        column.addLayout(self.form_box)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.status)
        column.addStretch(1)
        split = QSplitter()
        split.addWidget(self.options)
        split.addWidget(right)
        split.setSizes([300, 600])
        return split

    # ----- names ------------------------------------------------------------------------------

    def name(self, key: str) -> str:
        """A unit's or a task's name (the id when this computer lacks the scenario)."""
        if self.names is None:
            return key
        if key in self.names.task_by_id:
            return text_of(self.names.task_by_id[key].name)
        try:
            return text_of(self.names.scenario.unit(key).name)
        except KeyError:
            return key

    # ----- the view ---------------------------------------------------------------------------

    def show_view(self, view: SeatView) -> None:
        """Draw the seat's view (a new one from the host)."""
        if self.names is None or self.names.scenario.id != view.scenario_id:
            self.names = find_names(view.scenario_id, self.folders)
        old = self.view
        self.view = view
        self._header()
        self._inbox(keep=old is not None and old.documents == view.documents)
        if old is None or (old.turn, old.phase, old.ended, old.options) != (
                view.turn, view.phase, view.ended, view.options):
            self._composer()
        self._stakes()
        self._pending()
        self._score()

    def _score(self) -> None:
        """After the game: the seat's own score and its parts (the host scores the table)."""
        view = self.view
        score = view.score if view is not None else None
        self.tabs.setTabEnabled(4, score is not None)
        self.tabs.setTabToolTip(4, "" if score is not None else tr("remote.score_locked"))
        if score is None:
            self.score.clear()
            self.parts.setRowCount(0)
            return
        self.score.setText(tr("remote.score", score=number(score.get("score"))))
        parts = list(score.get("indicators", {}).values())
        self.parts.setRowCount(len(parts))
        for row, part in enumerate(parts):
            cells = [_in_language(part.get("label", "")), number(part.get("weight")),
                     number(part.get("value")), _in_language(part.get("explanation", ""))]
            for column, value in enumerate(cells):
                self.parts.setItem(row, column, QTableWidgetItem(value))
        self.parts.resizeColumnsToContents()
        self.parts.resizeRowsToContents()

    def _header(self) -> None:
        view = self.view
        if view is None:
            return
        self.seat.setText(tr("remote.seat", unit=self.name(view.seat), table=view.table))
        self.turn.setText(tr("remote.over") if view.over else tr(
            "remote.turn", turn=view.turn, turns=view.turns, phase=phase_name(view.phase)))
        means = view.resources
        self.means.setText(tr("remote.means", left=number(means.time_left),
                              cadre=number(means.cadre_time), funds=number(means.funds),
                              standing=number(means.standing)))
        lines = []
        if view.held_by == "computer":
            lines.append(tr("remote.computer"))
        if view.ended:
            lines.append(tr("remote.ended"))
        others = [u for u in view.waiting_for if u != view.seat]
        if others and not view.over:
            lines.append(tr("remote.waiting", units=tr("doc.list_sep").join(
                self.name(u) for u in others)))
        self.waiting.setText(" ".join(lines))
        self.end_button.setEnabled(self._can_end())

    def _can_end(self) -> bool:
        view = self.view
        return (view is not None and not view.over and not view.ended
                and view.held_by == "person" and self.connection.state == "connected")

    def _inbox(self, keep: bool) -> None:
        view = self.view
        if view is None or keep:
            return
        row = self.inbox.currentRow()
        self.inbox.blockSignals(True)
        self.inbox.clear()
        for doc in reversed(view.documents):  # newest first
            item = QListWidgetItem(tr("remote.turn_n", turn=doc.turn) + " · " + self._title(doc))
            item.setData(Qt.ItemDataRole.UserRole, doc.seq)
            self.inbox.addItem(item)
        self.inbox.blockSignals(False)
        self.inbox.setCurrentRow(max(0, row) if view.documents else -1)
        self._read(self.inbox.currentRow())

    def _title(self, doc: Any) -> str:
        if self.view is None or self.view.directory is None:
            return doc.kind
        return documents.title(doc, self.view)

    def _read(self, row: int) -> None:
        view = self.view
        if view is None or row < 0:
            self.reader.clear()
            return
        doc = list(reversed(view.documents))[row]
        if view.directory is None:
            self.reader.setPlainText(f"{doc.kind}\n{json.dumps(doc.data, ensure_ascii=False)}")
        else:
            self.reader.setHtml(documents.html(doc, view))

    def _composer(self) -> None:
        view = self.view
        chosen = self._option().action if self._option() is not None else ""
        self.options.blockSignals(True)
        self.options.clear()
        for option in view.options if view is not None else []:
            item = QListWidgetItem(tr(f"action.{option.action}"))
            item.setData(Qt.ItemDataRole.UserRole, option.action)
            self.options.addItem(item)
        self.options.blockSignals(False)
        actions = [o.action for o in view.options] if view is not None else []
        self.options.setCurrentRow(actions.index(chosen) if chosen in actions else
                                   (0 if actions else -1))
        self._choose(self.options.currentRow())
        if not actions:
            self.set_status("remote.over" if view is not None and view.over else
                            "remote.ended" if view is not None and view.ended else
                            "remote.no_options")

    def _option(self) -> MoveOption | None:
        view, row = self.view, self.options.currentRow()
        if view is None or not 0 <= row < len(view.options):
            return None
        return view.options[row]

    def choose(self, action: str) -> bool:
        """Bring an action's form up; False when the view does not offer it now."""
        for row in range(self.options.count()):
            if self.options.item(row).data(Qt.ItemDataRole.UserRole) == action:
                self.options.setCurrentRow(row)
                return True
        return False

    def _choose(self, row: int) -> None:
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
            self.form = None
        option = self._option()
        self.send_button.setEnabled(option is not None)
        if option is None:
            self.price.clear()
            return
        self.price.setText(tr("composer.price", cost=cost_details(option)))
        requests = {r.id: self._request_text(r) for r in self.view.pending} if self.view else {}
        self.form = RemoteMoveForm(option, self.name, requests)
        self.form_box.addWidget(self.form)

    def _request_text(self, request: Any) -> str:
        return tr("remote.pending_item", turn=request.turn, sender=self.name(request.sender),
                  kind=text(f"action.{request.kind}", request.kind))

    def _stakes(self) -> None:
        view = self.view
        if view is None:
            return
        table = self.stakes
        table.setRowCount(len(view.stakes))
        for row, stake in enumerate(view.stakes):
            below = tr("doc.list_sep").join(
                tr("remote.below_item", unit=self.name(s.unit), reported=number(s.reported),
                   estimate=number(s.estimate))
                for s in stake.subordinates)
            cells = [self.name(stake.task), number(stake.target), number(stake.passed_down),
                     number(stake.reported), number(stake.delivered), number(stake.capacity),
                     str(stake.deadline), below]
            for column, value in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _pending(self) -> None:
        view = self.view
        self.pending.clear()
        if view is None:
            return
        for request in view.pending:
            self.pending.addItem(self._request_text(request))
        if not view.pending:
            self.pending.addItem(tr("remote.no_pending"))

    # ----- acting -----------------------------------------------------------------------------

    def send(self) -> None:
        """Send the chosen action's move to the host."""
        option = self._option()
        if option is None or self.form is None:
            return
        self.send_button.setEnabled(False)
        self.set_status("remote.sending")
        self.connection.submit(self.form.move(), ("move", option.action))

    def end_phase(self) -> None:
        """End the seat's part of the phase (the table moves on when everyone has)."""
        if not self._can_end():
            return
        self.end_button.setEnabled(False)
        self.connection.end_phase(("end", ""))

    def _on_reply(self, reply: Reply, tag: object) -> None:
        kind, action = tag if isinstance(tag, tuple) else ("", "")
        reason = reply.zh if language() == "zh" else reply.en
        if kind == "move":
            self.send_button.setEnabled(self._option() is not None)
            if reply.ok:
                self.set_status("composer.sent", what=tr(f"action.{action}"))
            else:
                self.set_status("composer.refused", reason=reason)
        elif kind == "end":
            if not reply.ok:
                self.set_status("remote.refused_end", reason=reason)
            self.end_button.setEnabled(self._can_end())

    def set_status(self, key: str, **values: str) -> None:
        """The composer's one-line status (kept across language switches)."""
        self.status_key = (key, values)
        self.status.setText(tr(key, **values) if key else "")

    def _on_failed(self, reason: str) -> None:
        self._on_state("lost")
        self.waiting.setText(tr("remote.failed", reason=reason))

    def _on_state(self, state: str) -> None:
        self.link.setText(tr(f"remote.state.{state}"))
        self.link.setStyleSheet(f"color: {STATE_COLOURS.get(state, '#666666')}")
        self.link.setAccessibleName(plain(self.link.text()))
        self.end_button.setEnabled(self._can_end())

    def retranslate(self) -> None:
        """Every text in the current language."""
        for index, key in enumerate(("inbox", "composer", "stakes", "pending", "score")):
            self.tabs.setTabText(index, tr(f"remote.tab.{key}"))
        self.end_button.setText(tr("remote.end"))
        self.send_button.setText(tr("composer.send"))
        self.stakes.setHorizontalHeaderLabels([tr(f"remote.col.{c}") for c in (
            "task", "target", "passed_down", "reported", "delivered", "capacity", "deadline",
            "below")])
        self.parts.setHorizontalHeaderLabels([tr(f"remote.col.{c}") for c in (
            "part", "weight", "value", "why")])
        self._on_state(self.connection.state)
        key, values = self.status_key
        self.status.setText(tr(key, **values) if key else "")
        if self.view is not None:  # redrawn, but a form being filled in keeps its values
            self._header()
            self._inbox(keep=False)
            self._stakes()
            self._pending()
            self._score()
            for row in range(self.options.count()):
                item = self.options.item(row)
                item.setText(tr(f"action.{item.data(Qt.ItemDataRole.UserRole)}"))
            if self.form is not None:
                typed = self.form.move()
                self._choose(self.options.currentRow())
                if self.form is not None:
                    self.form.restore(typed)


def _in_language(value: Any) -> str:
    """A {zh, en} text in the current language (other values as they are)."""
    if isinstance(value, dict):
        return str(value.get(language()) or value.get("zh") or "")
    return text_of(value) if value is not None else ""
