"""The move composer: the actions open in this phase, by direction, each with its price."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from game.engine.views import MoveOption
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, number, plain
from game.ui.common.vocab import unit_name
from game.ui.compose import move_help  # noqa: F401  (registers texts used here)
from game.ui.compose.move_answers import AnswersForm
from game.ui.compose.move_forms import MoveForm
from game.ui.compose.move_model import MoveOptionsModel, MovesMadeModel
from game.ui.play import documents  # noqa: F401  (registers texts used here)
from game.ui.play.session import Outcome, SeatSession

register({
    "composer.actions": ("可办事项(&A)", "&Actions"),
    "composer.made": ("本阶段已办(&P)", "Done this &phase"),
    "composer.send": ("办理(&S)", "&Submit"),
    "composer.sent": ("已办理：{what}", "Done: {what}"),
    "composer.already": ("已办：同样内容本阶段已办理，改动内容可再办一件。",
                         "Done: this very move was made in this phase; change it to make "
                         "another."),
    "composer.refused": ("未能办理：{reason}", "Refused: {reason}"),
    "composer.sending": ("已发出，等待主持人确认…", "Sent; waiting for the host…"),
    "composer.nothing": (
        "本阶段本单位没有可办的事项。阅读来文，然后结束本阶段。",
        "Nothing for your unit to do in this phase. Read your documents, then end the phase."),
    "composer.over": ("对局已结束。", "The game is over."),
    "composer.pick": ("从左侧选择要办的事项。", "Choose an action on the left."),
    "composer.cost_self": ("本单位耗时 {days} 人日", "{days} cadre-days of yours"),
    "composer.cost_each": ("对方各耗时 {days} 人日", "{days} cadre-days of each addressee's"),
    "composer.cost_funds": ("经费 {funds} 万元", "funds {funds} (10,000 yuan)"),
    "composer.cost_funds_chosen": ("经费按所填金额", "funds as entered"),
    "composer.cost_funds_answer": ("同意配套政策请示需经费 {funds} 万元",
                                   "agreeing to a policy request costs {funds} in funds"),
    "composer.cost_standing": ("政治资本 {standing}（{when}）", "standing {standing} ({when})"),
    "composer.when.request_coordination": ("提请县委时", "if the party committee is asked"),
    "composer.when.incentive": ("政治激励时", "for a political incentive"),
    "composer.cost_none": ("不耗时间和经费", "costs neither time nor money"),
    "composer.price": ("耗费：{cost}", "Cost: {cost}"),
    "composer.to": ("发往：{units}", "To: {units}"),
    "composer.to_self": ("本单位内部", "Inside your own unit"),
    "composer.form": ("办理内容", "Details"),
})


def cost_details(option: MoveOption) -> str:
    """The full price of an action: time, funds, standing."""
    parts = []
    if option.cadre_days:
        parts.append(tr("composer.cost_self", days=number(option.cadre_days)))
    if option.addressee_days:
        parts.append(tr("composer.cost_each", days=number(option.addressee_days)))
    if option.funds is None:
        parts.append(tr("composer.cost_funds_chosen"))
    elif option.action == "answer":
        parts.append(tr("composer.cost_funds_answer", funds=number(option.funds)))
    elif option.funds:
        parts.append(tr("composer.cost_funds", funds=number(option.funds)))
    if option.standing:
        parts.append(tr("composer.cost_standing", standing=number(option.standing),
                        when=tr(f"composer.when.{option.action}")))
    separator = "；" if language() == "zh" else "; "
    return separator.join(parts) if parts else tr("composer.cost_none")


@dataclass
class _Batch:
    """Answers sent together: how many are still to come back, made, and refused (why)."""

    left: int
    done: int = 0
    problems: list[str] = field(default_factory=list)


class ComposerView(QWidget):
    """Choose an action, fill it in, send it; the engine's refusal shows in place."""

    def __init__(self, session: SeatSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.options = MoveOptionsModel(session, self)
        self.made = MovesMadeModel(session, self)
        self.form: MoveForm | AnswersForm | None = None
        self._batch: _Batch | None = None  # answers sent together, their outcomes to count
        self._build()
        self._connect()
        follow_language(self, self.retranslate)
        self.retranslate()

    # ----- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.hint = QLabel(objectName="Hint", wordWrap=True)
        self.actions_label, self.made_label = QLabel(), QLabel()
        self.tree = QTreeView()
        self.tree.setModel(self.options)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.made_list = QListView()
        self.made_list.setModel(self.made)
        self.made_list.setMaximumHeight(140)
        self.actions_label.setBuddy(self.tree)
        self.made_label.setBuddy(self.made_list)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.hint, self.actions_label, self.tree, self.made_label,
                       self.made_list):
            column.addWidget(widget)
        column.setStretch(2, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_detail())
        # One third for the list of actions, two for the form: the answer table needs room.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        self.action_title = QLabel(objectName="ActionTitle", wordWrap=True)
        self.help = QLabel(wordWrap=True)
        self.price = QLabel(objectName="Price", wordWrap=True)
        self.addressees = QLabel(objectName="Muted", wordWrap=True)
        for label in (self.action_title, self.help, self.price, self.addressees):
            # Wrapped labels keep the height their text needs; the form scrolls instead.
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.send_button = QPushButton(objectName="Primary")
        self.status = QLabel(objectName="Status", wordWrap=True)
        self.why = QLabel(objectName="Muted", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(panel)
        for widget in (self.action_title, self.help, self.price, self.addressees):
            layout.addWidget(widget)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.why)
        layout.addLayout(row)
        return panel

    def _connect(self) -> None:
        bridge = self.session.bridge
        bridge.state_changed.connect(self._on_state_changed)
        bridge.game_replaced.connect(self._on_game_replaced)
        bridge.answered.connect(self._on_answered)
        self.tree.selectionModel().selectionChanged.connect(self._on_option_selected)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.tree.activated.connect(self._on_action_activated)
        self.setTabOrder(self.tree, self.send_button)
        self.setTabOrder(self.send_button, self.made_list)

    # ----- handlers ---------------------------------------------------------------------------

    def _on_state_changed(self) -> None:
        chosen = self.form.option if self.form is not None else None
        self.options.reload()
        self.made.reload()
        self._show_hint()
        self.tree.expandAll()
        again = self.options.index_of(chosen.action) if chosen else None
        if again is not None and again.isValid():
            option = self.options.data(again, MoveOptionsModel.OptionRole)
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(again)
            self.tree.selectionModel().blockSignals(False)
            if option != chosen:
                self._show_option(option, keep_status=True)
            self._on_form_changed()
        else:
            self._show_option(None)

    def _on_game_replaced(self) -> None:
        self.status.clear()
        self.form = None
        self._on_state_changed()

    def _on_option_selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        option = self.options.data(indexes[0], MoveOptionsModel.OptionRole) if indexes else None
        self._show_option(option)

    def _on_action_activated(self, *_: object) -> None:
        if self.form is not None:
            self.form.focus_first()

    def _on_form_changed(self) -> None:
        if self.form is None:
            return
        duplicate = self.made.contains(self.form.move())
        ready = self.form.ready()
        self.send_button.setEnabled(ready and not duplicate)
        why = tr("composer.already") if duplicate else "" if ready else tr("field.incomplete")
        self.send_button.setToolTip(why)
        self.price.setToolTip(why)
        self.why.setText(why)

    def _on_send_clicked(self) -> None:
        if self.form is None:
            return
        self.status.clear()
        if isinstance(self.form, AnswersForm):
            self._answer_all(self.form.moves())
            return
        move = self.form.move()
        self._show_outcome(move, self.session.submit(move))

    def _show_outcome(self, move: dict[str, Any], result: Outcome) -> None:
        """Say what became of a move: sent and waiting (a table over the network), made, or
        refused with the reason."""
        if result.pending:
            self._set_status(tr("composer.sending"), ok=True)
        elif result.ok:
            self._set_status(tr("composer.sent", what=self.made.describe(move)), ok=True)
            self._on_form_changed()
        elif result.reason is not None:
            reason = result.reason.text(language())
            self._set_status(tr("composer.refused", reason=reason), ok=False)

    def _on_answered(self, move: dict[str, Any] | None, result: Outcome) -> None:
        """The answer to a move sent over the network (a phase end's is the window's)."""
        if move is None:
            return
        if self._batch is not None and move.get("kind") == "answer":
            self._count_answer(move, result)
        else:
            self._show_outcome(move, result)

    def _answer_all(self, moves: list[dict[str, Any]]) -> None:
        """One Answer per row, each through the engine; refusals are named, the rest stand
        (over the network, once every answer has come back)."""
        self._batch = _Batch(left=len(moves))
        for move in moves:
            self._count_answer(move, self.session.submit(move))

    def _count_answer(self, move: dict[str, Any], result: Outcome) -> None:
        batch = self._batch
        if batch is None:
            return
        if result.pending:
            self._set_status(tr("composer.sending"), ok=True)
            return
        batch.left -= 1
        if result.ok:
            batch.done += 1
        elif result.reason is not None:
            batch.problems.append(tr("answers.problem", what=self.made.describe(move),
                                     reason=result.reason.text(language())))
        if batch.left > 0:
            return
        self._batch = None
        if batch.problems:
            self._set_status(tr("answers.some_refused", count=batch.done,
                                problems=tr("answers.sep").join(batch.problems)), ok=False)
        else:
            self._set_status(tr("answers.done", count=batch.done), ok=True)

    # ----- showing ----------------------------------------------------------------------------

    def select_action(self, action: str) -> bool:
        """Select an action by id (keyboard users and tests); False when it is not open."""
        index = self.options.index_of(action)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return True

    def _show_option(self, option: MoveOption | None, keep_status: bool = False) -> None:
        if not keep_status:
            self.status.clear()
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None
        if option is None:
            self._show_empty()
            return
        self.form = (AnswersForm(self.session, option) if option.action == "answer"
                     else MoveForm(self.session, option))
        self.form.changed.connect(self._on_form_changed)
        self.scroll.setWidget(self.form)
        self.setTabOrder(self.tree, self.form)
        self.setTabOrder(self.form, self.send_button)
        self._describe(option)
        self._on_form_changed()

    def _show_empty(self) -> None:
        self._name_send_button()
        self.action_title.setText("")
        self.help.setText(tr("composer.pick") if self.options.rowCount() else "")
        self.price.setText("")
        self.addressees.setText("")
        self.why.clear()
        self.send_button.setEnabled(False)

    def _describe(self, option: MoveOption) -> None:
        self.action_title.setText(tr(f"action.{option.action}"))
        self.help.setText(tr(f"help.{option.action}"))
        self.price.setText(tr("composer.price", cost=cost_details(option)))
        names = tr("doc.list_sep").join(unit_name(self.session.directory, u)
                                             for u in option.addressees)
        self.addressees.setText(tr("composer.to", units=names) if names
                                else tr("composer.to_self"))
        self.send_button.setAccessibleDescription(self.action_title.text())
        self._name_send_button()

    def _name_send_button(self) -> None:
        key = "answers.send" if isinstance(self.form, AnswersForm) else "composer.send"
        self.send_button.setText(tr(key))
        self.send_button.setAccessibleName(plain(tr(key)))

    def _set_status(self, text: str, ok: bool) -> None:
        self.status.setProperty("ok", ok)
        self.status.setStyleSheet("color: #1b6e35;" if ok else "color: #b3261e;")
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _show_hint(self) -> None:
        over = self.session.view.over
        if over:
            self.hint.setText(tr("composer.over"))
        elif not self.options.rowCount():
            self.hint.setText(tr("composer.nothing"))
        self.hint.setVisible(over or not self.options.rowCount())

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.actions_label.setText(tr("composer.actions"))
        self.made_label.setText(tr("composer.made"))
        self.send_button.setText(tr("composer.send"))
        for widget, key in ((self.tree, "composer.actions"), (self.made_list, "composer.made"),
                            (self.send_button, "composer.send"), (self.scroll, "composer.form")):
            widget.setAccessibleName(plain(tr(key)))
        self.made.reload()
        self.status.clear()
        self._on_state_changed()
        if self.form is not None:
            self._describe(self.form.option)
            self._on_form_changed()
