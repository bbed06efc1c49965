"""Hot-seat: the hand-over screen shown between two people playing at one computer.

When the keyboard passes from one seat held by a person to another (`GameSession.end_phase`
changes `seat`), the window hides the game behind this screen until the next person confirms.
It names only the next seat: no figure of either seat (no turn, no quota, no funds) is on it,
so that nobody reads what their seat may not know while the computer changes hands.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, plain

register({
    "hotseat.hand_to": ("请把电脑交给 {unit}", "Hand the computer to {unit}"),
    "hotseat.hidden": ("刚才那位的画面已经隐藏。{unit}的同志坐好后，请按下面的按钮。",
                       "The previous player's screen is hidden. When the player for {unit} "
                       "is seated, press the button below."),
    "hotseat.confirm": ("我是{unit}，开始(&S)", "I play {unit}: &start"),
    "start.people": ("同一台电脑上的其他人(&Y)：", "Also pla&yed here by:"),
    "start.people_none": ("无（只有我）", "Nobody else (just me)"),
    "start.people_help": ("勾选的单位也由人在这台电脑上轮流扮演（热座）；每位玩家结束本阶段后，"
                          "电脑交给下一位。",
                          "Ticked units are also played by people at this computer, taking "
                          "turns (hot-seat); after each player ends the phase the computer "
                          "passes to the next."),
})


class HandOverView(QWidget):
    """'Hand the computer to Hexi town', and a button the next person presses.

    Signals:
        confirmed: the next person is seated; the window shows the game again.
    """

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HandOver")
        self.name_of: Callable[[], str] = str
        self.title = QLabel(objectName="HandOverTitle", alignment=Qt.AlignmentFlag.AlignCenter,
                            wordWrap=True)
        big = QFont(self.title.font())
        big.setPointSizeF(big.pointSizeF() * 2)
        big.setBold(True)
        self.title.setFont(big)
        self.note = QLabel(objectName="Muted", alignment=Qt.AlignmentFlag.AlignCenter,
                           wordWrap=True)
        self.button = QPushButton(objectName="Primary")
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self.confirmed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.note)
        layout.addSpacing(24)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        follow_language(self, self.retranslate)

    def hand_to(self, name_of: Callable[[], str]) -> None:
        """Ask for the computer to be handed to a unit; `name_of()` gives its name in the
        current language."""
        self.name_of = name_of
        self.retranslate()
        self.button.setFocus()

    def texts(self) -> list[str]:
        """Every text the screen shows (tests check that no figure is among them)."""
        return [self.title.text(), self.note.text(), self.button.text(),
                self.button.accessibleName()]

    def retranslate(self) -> None:
        """Every text in the current language."""
        unit = self.name_of()
        self.title.setText(tr("hotseat.hand_to", unit=unit))
        self.note.setText(tr("hotseat.hidden", unit=unit))
        self.button.setText(tr("hotseat.confirm", unit=unit))
        self.button.setAccessibleName(plain(self.button.text()))
        self.setAccessibleName(self.title.text())


class PeopleButton(QToolButton):
    """The start screen's multi-choice of the other seats people play at this computer: a
    button (keyboard reachable: Space opens it) whose menu ticks seats on and off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMenu(QMenu(self))
        self.names: dict[str, str] = {}
        self.ticked: set[str] = set()

    def fill(self, seats: dict[str, str], leave_out: str) -> None:
        """Offer `seats` (id -> label) except `leave_out` (the seat chosen above)."""
        self.names = {s: label for s, label in seats.items() if s != leave_out}
        self.ticked &= set(self.names)
        menu = self.menu()
        menu.clear()
        for seat, label in self.names.items():
            action = QAction(label, menu, checkable=True)
            action.setData(seat)
            action.setChecked(seat in self.ticked)
            action.toggled.connect(lambda on, s=seat: self.tick(s, on))
            menu.addAction(action)
        self.setEnabled(bool(self.names))
        self._label()

    def tick(self, seat: str, on: bool = True) -> None:
        """Tick (or untick) a seat as played by a person here."""
        if seat not in self.names:
            return
        (self.ticked.add if on else self.ticked.discard)(seat)
        for action in self.menu().actions():
            if action.data() == seat and action.isChecked() != on:
                action.setChecked(on)
        self._label()

    def chosen(self) -> list[str]:
        """The ticked seats, in the scenario's order."""
        return [s for s in self.names if s in self.ticked]

    def _label(self) -> None:
        chosen = [self.names[s] for s in self.chosen()]
        self.setText("、".join(chosen) if chosen else tr("start.people_none"))
        self.setToolTip(tr("start.people_help"))
        self.setAccessibleName(plain(tr("start.people")))
        self.setAccessibleDescription(self.text())

