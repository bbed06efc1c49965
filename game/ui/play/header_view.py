"""The game page's header: turn N of M, phase, cadre time, funds, and the end-phase button."""

from __future__ import annotations

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, number, text_of
from game.ui.common.vocab import phase_hint, phase_name, unit_name
from game.ui.play.session import SeatSession

register({
    "header.seat": ("{unit} · {scenario}", "{unit} · {scenario}"),
    "header.turn": ("第 {turn} / {turns} 回合", "Turn {turn} of {turns}"),
    "header.phase": ("{phase}阶段", "{phase} phase"),
    "header.means": ("干部时间 {left} / {cadre} 人日 · 经费 {funds} 万元 · 政治资本 {standing}",
                     "Cadre time {left} / {cadre} days · funds {funds} · standing {standing}"),
    "header.over": ("对局已结束", "Game over"),
    "header.passed": ("已跳过本单位无事可办的阶段：{phases}。（“回合”菜单可设为在这类阶段停下。）",
                      "Stepped past phases with nothing for your unit to do: {phases}. (The "
                      "Round menu can stop there instead.)"),
    "header.passed_one": ("第 {turn} 回合{phase}阶段", "turn {turn}, {phase} phase"),
})


class HeaderView(QWidget):
    """Where the player stands: seat, turn, phase, means; and the way to move on."""

    def __init__(self, session: SeatSession, end_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.session = session
        self.seat = QLabel(objectName="HeaderSeat")
        self.turn = QLabel(objectName="HeaderTurn")
        self.phase = QLabel(objectName="HeaderPhase")
        self.means = QLabel(objectName="HeaderMeans")
        self.hint = QLabel(objectName="Muted", wordWrap=True)
        self.passed = QLabel(objectName="Passed", wordWrap=True)
        self.passed.hide()
        self._passed: list[tuple[int, str]] = []
        self.end_button = QToolButton(objectName="EndPhase")
        self.end_button.setDefaultAction(end_action)
        self.seat.setWordWrap(True)
        for label in (self.seat, self.turn, self.phase):
            bold = QFont(label.font())
            bold.setBold(True)
            if label is self.seat:
                bold.setPointSizeF(bold.pointSizeF() * 1.2)
            label.setFont(bold)
        top = QHBoxLayout()
        top.addWidget(self.seat, 1)
        top.addWidget(self.end_button)
        status = QHBoxLayout()
        for widget in (self.turn, self.phase, self.means):
            status.addWidget(widget)
            status.addSpacing(16)
        status.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.hint)
        layout.addWidget(self.passed)
        session.bridge.state_changed.connect(self.refresh)
        session.bridge.game_replaced.connect(self._on_game_replaced)
        follow_language(self, self.refresh)
        self.refresh()

    def show_passed(self, passed: list[tuple[int, str]]) -> None:
        """Say which phases were stepped past because the seat had nothing to do in them."""
        self._passed = list(passed)
        self._say_passed()

    def _on_game_replaced(self) -> None:
        self._passed = []
        self.refresh()

    def _say_passed(self) -> None:
        phases = tr("doc.list_sep").join(tr("header.passed_one", turn=t, phase=phase_name(p))
                                         for t, p in self._passed)
        self.passed.setText(tr("header.passed", phases=phases) if phases else "")
        self.passed.setAccessibleName(self.passed.text())
        self.passed.setVisible(bool(phases))

    def refresh(self) -> None:
        """Show the seat's view as it stands now."""
        view, names = self.session.view, self.session.directory
        means = view.resources
        self.seat.setText(tr("header.seat", unit=unit_name(names, view.seat),
                             scenario=text_of(names.title)))
        self.turn.setText(tr("header.turn", turn=view.turn, turns=view.turns))
        self.phase.setText(tr("header.over") if view.over else
                           tr("header.phase", phase=phase_name(view.phase)))
        self.means.setText(tr("header.means", left=number(means.time_left),
                              cadre=number(means.cadre_time), funds=number(means.funds),
                              standing=number(means.standing)))
        self.hint.setText(phase_hint(view))
        for label in (self.seat, self.turn, self.phase, self.means):
            label.setAccessibleName(label.text())
        self._say_passed()

