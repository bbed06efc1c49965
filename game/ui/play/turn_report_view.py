"""The turn report: after a turn ends, a clear account of what happened in it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, plain
from game.ui.play.session import SeatSession
from game.ui.play.turn_account import account_html

register({
    "report.turn": ("查看回合(&N)：", "Show tur&n:"),
    "report.turn_n": ("第 {turn} 回合", "Turn {turn}"),
    "report.body": ("回合报告", "Turn report"),
})


class TurnReportView(QWidget):
    """The account of one turn (by default the last one finished), drawn from the seat's view
    (`session.view`), whether the game runs here or at a remote table."""

    def __init__(self, session: SeatSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._shown: tuple[object, object] = (None, None)  # the turn and the view drawn
        self.turn_label = QLabel()
        self.turn_combo = QComboBox()
        self.turn_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.turn_label.setBuddy(self.turn_combo)
        self.browser = QTextBrowser(objectName="Paper")
        bar = QHBoxLayout()
        bar.addWidget(self.turn_label)
        bar.addWidget(self.turn_combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.turn_combo.activated.connect(self._on_turn_chosen)
        session.bridge.state_changed.connect(self._on_state_changed)
        session.bridge.game_replaced.connect(self._on_state_changed)
        follow_language(self, self.retranslate)
        self.retranslate()

    def last_finished(self) -> int:
        """The last turn whose work has been assessed (0 before the first)."""
        view = self.session.view
        return view.turn if view.over else view.turn - 1

    def show_turn(self, turn: int) -> None:
        """Show the account of `turn`."""
        index = self.turn_combo.findData(turn)
        if index >= 0:
            self.turn_combo.setCurrentIndex(index)
        shown_turn, shown_view = self._shown
        if shown_turn != turn or shown_view is not self.session.view:
            self._render()

    def _on_turn_chosen(self, *_: object) -> None:
        self._render()

    def _on_state_changed(self) -> None:
        chosen = self.turn_combo.currentData()
        self._fill_turns()
        latest = self.last_finished()
        if chosen is None or chosen > latest or chosen == latest - 1:
            chosen = latest
        self.show_turn(chosen)

    def _fill_turns(self) -> None:
        chosen = self.turn_combo.currentData()
        self.turn_combo.clear()
        for turn in range(self.last_finished(), 0, -1):
            self.turn_combo.addItem(tr("report.turn_n", turn=turn), turn)
        self.turn_combo.setCurrentIndex(max(0, self.turn_combo.findData(chosen)))

    def _render(self) -> None:
        turn = self.turn_combo.currentData()
        view = self.session.view
        self._shown = (turn, view)
        if not turn:
            self.browser.setHtml(f"<p>{tr('account.no_turn')}</p>")
            return
        self.browser.setHtml(account_html(view, int(turn)))

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.turn_label.setText(tr("report.turn"))
        self.turn_combo.setAccessibleName(plain(tr("report.turn")))
        self.browser.setAccessibleName(tr("report.body"))
        self._fill_turns()
        self._render()  # always: the language changed
