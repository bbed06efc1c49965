"""The console's acts: on the selected table (or seat), or on every table.

Each button sends one act through the `ConsoleLink`; the host answers per table, and the answer
is shown under the buttons in the current language — a refusal with its reason ("第 2 桌：本桌
已暂停。"). Every button has a mnemonic, so the panel is worked from the keyboard alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.fit import fit_combo
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, plain, text_of
from game.workshop.protocol import TableResult

if TYPE_CHECKING:
    from game.scenario.models import Scenario

register({
    "acts.title": ("操作", "Act"),
    "acts.on_selected": ("选中的桌(&X)", "Selected table (&X)"),
    "acts.on_all": ("所有桌(&Y)", "All tables (&Y)"),
    "acts.all": ("所有桌", "All tables"),
    "acts.more_box": ("立即发生事件 · 本阶段计时", "Fire an event now · Phase timer"),
    "acts.target": ("对象：{target}", "On: {target}"),
    "acts.no_table": ("（先在表格中选一桌）", "(select a table in the grid)"),
    "acts.no_seat": ("（在表格中选一个席位格子）", "(select a seat's cell in the grid)"),
    "acts.pause": ("暂停(&P)", "&Pause"),
    "acts.resume": ("继续(&U)", "Res&ume"),
    "acts.end_phase": ("结束本阶段(&E)", "&End the phase"),
    "acts.broadcast_box": ("给参与者的通知（出现在收文中）",
                           "Notice to participants (in their inbox)"),
    "acts.zh": ("中文(&Z)：", "Chinese (&Z):"),
    "acts.en": ("英文(&N)：", "E&nglish:"),
    "acts.broadcast": ("发送通知(&B)", "&Broadcast"),
    "acts.event": ("事件(&V)：", "E&vent:"),
    "acts.inject": ("发生(&I)", "&Inject"),
    "acts.minutes": ("分钟(&M)：", "&Minutes:"),
    "acts.timer": ("设定计时(&T)", "Set the &timer"),
    "acts.timer_off": ("到时按现状结束本阶段；0 = 取消计时",
                       "When it runs out the phase ends as the seats stand; 0 clears it"),
    "acts.seat_box": ("席位：{seat}", "Seat: {seat}"),
    "acts.to_computer": ("交给电脑(&C)", "To the &computer"),
    "acts.to_person": ("交还参与者(&H)", "&Hand back"),
    "acts.watch": ("旁观此席位(&W)", "&Watch this seat"),
    "acts.end_session": ("结束研讨(&Q)…", "End the session (&Q)…"),
    "acts.done": ("{act}：完成", "{act}: done"),
    "acts.refused": ("第 {table} 桌：{reason}", "Table {table}: {reason}"),
    "acts.refused_all": ("{reason}", "{reason}"),
    "acts.name.pause": ("暂停", "Pause"),
    "acts.name.resume": ("继续", "Resume"),
    "acts.name.broadcast": ("通知", "Broadcast"),
    "acts.name.inject": ("事件", "Inject"),
    "acts.name.timer": ("计时", "Timer"),
    "acts.name.end_phase": ("结束本阶段", "End the phase"),
    "acts.name.to_computer": ("交给电脑", "To the computer"),
    "acts.name.to_person": ("交还参与者", "Hand back"),
    "acts.name.end_session": ("结束研讨", "End the session"),
    "acts.name.watch": ("旁观", "Watch"),
    "acts.name.unwatch": ("停止旁观", "Stop watching"),
    "acts.sending": ("{act}：正在发送…", "{act}: sending…"),
    "acts.empty_notice": ("通知没有内容。", "The notice has no text."),
})

#: The acts on a table (or on all), and those on the selected seat.
TABLE_ACTS = ("pause", "resume", "end_phase")
SEAT_ACTS = ("to_computer", "to_person", "watch")


class ActsPanel(QWidget):
    """The buttons and fields of the facilitator's acts.

    Signals:
        act_requested(str, dict): an act and its fields (`table` None for every table).
        end_requested(): the facilitator asked to end the session (the window confirms).
    """

    act_requested = Signal(str, dict)
    end_requested = Signal()

    def __init__(self, seat_name: Any = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat_name = seat_name
        self.scenario: Scenario | None = None
        self.table: int | None = None
        self.seat: str | None = None
        #: The session has ended: nothing is left to act on but watching.
        self.ended = False
        self.results: tuple[str, list[TableResult]] | None = None
        self._build()
        follow_language(self, self.retranslate)
        self.retranslate()
        self.set_selection(None, None)

    # ----- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.on_selected, self.on_all = QRadioButton(), QRadioButton()
        self.on_selected.setChecked(True)
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.on_selected)
        self.scope.addButton(self.on_all)
        self.on_selected.toggled.connect(self._refresh)
        self.target = QLabel(objectName="Muted", wordWrap=True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for act in TABLE_ACTS:
            self.buttons[act] = self._button(act, row)
        self.notice_zh, self.notice_en = QLineEdit(), QLineEdit()
        for field in (self.notice_zh, self.notice_en):
            field.setMaxLength(200)
        self.broadcast_box = QGroupBox()
        grid = QGridLayout(self.broadcast_box)
        self.captions = {"acts.zh": QLabel(buddy=self.notice_zh),
                         "acts.en": QLabel(buddy=self.notice_en)}
        grid.addWidget(self.captions["acts.zh"], 0, 0)
        grid.addWidget(self.notice_zh, 0, 1)
        grid.addWidget(self.captions["acts.en"], 1, 0)
        grid.addWidget(self.notice_en, 1, 1)
        send = QHBoxLayout()
        self.buttons["broadcast"] = self._button("broadcast", send)
        send.addStretch(1)
        grid.addLayout(send, 2, 1)
        self.event = fit_combo(QComboBox(), 18)
        self.minutes = QSpinBox(minimum=0, maximum=240, value=5)
        self.captions["acts.event"] = QLabel(buddy=self.event)
        self.captions["acts.minutes"] = QLabel(buddy=self.minutes)
        self.timer_off = QLabel(objectName="Muted")
        self.more_box = QGroupBox()
        more = QGridLayout(self.more_box)
        more.addWidget(self.captions["acts.event"], 0, 0)
        more.addWidget(self.event, 0, 1)
        self.buttons["inject"] = QPushButton(clicked=lambda: self._send("inject"))
        more.addWidget(self.buttons["inject"], 0, 2)
        more.addWidget(self.captions["acts.minutes"], 1, 0)
        more.addWidget(self.minutes, 1, 1)
        self.buttons["timer"] = QPushButton(clicked=lambda: self._send("timer"))
        more.addWidget(self.buttons["timer"], 1, 2)
        more.addWidget(self.timer_off, 2, 1, 1, 2)
        self.seat_box = QGroupBox()
        seat_row = QHBoxLayout(self.seat_box)
        for act in SEAT_ACTS:
            self.buttons[act] = self._button(act, seat_row)
        self.buttons["end_session"] = QPushButton(objectName="Danger",
                                                  clicked=lambda: self.end_requested.emit())
        self.result = QLabel(objectName="Hint", wordWrap=True)
        self.result.hide()
        scope = QHBoxLayout()
        scope.addWidget(self.on_selected)
        scope.addWidget(self.on_all)
        scope.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(scope)
        layout.addWidget(self.target)
        layout.addLayout(row)
        layout.addWidget(self.broadcast_box)
        layout.addWidget(self.more_box)
        layout.addWidget(self.seat_box)
        layout.addWidget(self.result)
        layout.addStretch(1)
        end = QHBoxLayout()
        end.addStretch(1)
        end.addWidget(self.buttons["end_session"])
        layout.addLayout(end)

    def _button(self, act: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(clicked=lambda: self._send(act))
        row.addWidget(button)
        return button

    def set_events(self, scenario: Scenario | None) -> None:
        """The scenario's events in the inject box."""
        self.scenario = scenario
        self.event.clear()
        for event in scenario.events if scenario is not None else []:
            self.event.addItem(text_of(event.name), event.id)
        self._refresh()

    def _name_events(self) -> None:
        events = self.scenario.events if self.scenario is not None else []
        for index, event in enumerate(events[:self.event.count()]):
            self.event.setItemText(index, text_of(event.name))

    # ----- the selection ----------------------------------------------------------------------

    def set_selection(self, table: int | None, seat: str | None) -> None:
        """The table (and seat) selected in the grid."""
        self.table, self.seat = table, seat
        self._refresh()

    def set_ended(self, ended: bool) -> None:
        """The session ended (or not): every act but watching is off."""
        if ended != self.ended:
            self.ended = ended
            self._refresh()

    def _refresh(self) -> None:
        everywhere = self.on_all.isChecked()
        has_table = (everywhere or self.table is not None) and not self.ended
        if everywhere:
            target = tr("acts.all")
        elif self.table is not None:
            target = tr("grid.table_n", n=self.table)
        else:
            target = tr("acts.no_table")
        self.target.setText(tr("acts.target", target=target))
        for act in (*TABLE_ACTS, "broadcast", "inject", "timer"):
            self.buttons[act].setEnabled(has_table and (act != "inject" or self.event.count() > 0))
        seat_ok = self.table is not None and self.seat is not None
        for act in SEAT_ACTS:
            self.buttons[act].setEnabled(seat_ok and (act == "watch" or not self.ended))
        self.buttons["end_session"].setEnabled(not self.ended)
        self.seat_box.setTitle(tr("acts.seat_box", seat=(
            f"{tr('grid.table_n', n=self.table)} · {self.seat_name(self.seat)}" if seat_ok
            else tr("acts.no_seat"))))

    # ----- acting -----------------------------------------------------------------------------

    def _send(self, act: str) -> None:
        table = None if self.on_all.isChecked() else self.table
        fields: dict[str, Any] = {"table": table}
        if act in SEAT_ACTS:
            fields = {"table": self.table, "seat": self.seat}
        elif table is None and not self.on_all.isChecked():
            return
        if act == "broadcast":
            zh, en = self.notice_zh.text().strip(), self.notice_en.text().strip()
            if not zh and not en:
                self.show_text(tr("acts.empty_notice"))
                self.notice_zh.setFocus()
                return
            fields.update(zh=zh or en, en=en or zh)
        elif act == "inject":
            fields["event"] = str(self.event.currentData() or "")
        elif act == "timer":
            fields["seconds"] = float(self.minutes.value() * 60)
        self.show_text(tr("acts.sending", act=tr(f"acts.name.{act}")))
        self.act_requested.emit(act, fields)

    def show_results(self, act: str, results: list[TableResult]) -> None:
        """The host's answer to an act: done, or each table's refusal with its reason."""
        self.results = (act, results)
        if act == "broadcast" and any(r.ok for r in results):
            # sent: the fields are ready for the next notice (a refused one stays to resend)
            self.notice_zh.clear()
            self.notice_en.clear()
        self._show_results()

    def _show_results(self) -> None:
        if self.results is None:
            return
        act, results = self.results
        refused = [r for r in results if not r.ok]
        if not refused:
            self.show_text(tr("acts.done", act=tr(f"acts.name.{act}")), keep=True)
            return
        lines = []
        for result in refused:
            reason = result.en if language() == "en" else result.zh
            key = "acts.refused" if result.table else "acts.refused_all"
            lines.append(tr(key, table=result.table, reason=reason))
        self.show_text(f"{tr(f'acts.name.{act}')} — " + "  ".join(lines), keep=True)

    def show_text(self, text: str, keep: bool = False) -> None:
        """A line under the buttons (`keep`: the results stay to be retranslated)."""
        if not keep:
            self.results = None
        self.result.setText(text)
        self.result.setVisible(bool(text))

    # ----- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.on_selected.setText(tr("acts.on_selected"))
        self.on_all.setText(tr("acts.on_all"))
        for act, button in self.buttons.items():
            button.setText(tr(f"acts.{act}"))
        for key, label in self.captions.items():
            label.setText(tr(key))
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(plain(tr(key)))
        self.broadcast_box.setTitle(tr("acts.broadcast_box"))
        self.more_box.setTitle(tr("acts.more_box"))
        self.timer_off.setText(tr("acts.timer_off"))
        self._name_events()
        self._refresh()
        self._show_results()
