"""Play-test: the edited scenario played by computer officials up to a turn, then the outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QWidget,
)

from game.headless import render_text
from game.scenario.models import Scenario
from game.ui.common.i18n import language, tr
from game.ui.common.lang import plain, text_of
from game.ui.common.numbers import LocaleSpinBox
from game.ui.editor.field_editors import narrow_combo
from game.ui.editor.jobs import JobThread, finish
from game.ui.editor.playtest import hand_over, play_to_turn
from game.ui.editor.schema_text import choice_label

STYLES = {"superior": ("", "communicative", "mixed", "pressure"),
          "subordinate": ("", "honest", "mixed", "gaming")}


class PlaytestPanel(QWidget):
    """Turn, seed and styles; Run; the report.

    The settings sit in three short rows beside the report, so they keep their full height
    in the editor's bottom strip at any window size (the panel's minimum height is theirs).
    The turn follows the scenario's length until the author picks one.

    Signals:
        finished(dict): a play-test's report.
    """

    finished = Signal(dict)
    #: (game, seat): computer officials played up to the chosen turn; a person takes the seat.
    take_seat_requested = Signal(object, str)

    def __init__(self, scenario: Callable[[], Scenario | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self._job: JobThread | None = None
        self.report: dict[str, Any] | None = None
        self.turn, self.seed = LocaleSpinBox(self), LocaleSpinBox(self)
        self.turn.setRange(1, 120)
        self.seed.setRange(0, 999_999)
        self.turn_chosen = False  # the author picked a turn: the scenario's length no longer
        self.superior, self.subordinate = QComboBox(self), QComboBox(self)
        self.seat = narrow_combo(QComboBox(self))
        self.seat.setMinimumContentsLength(18)  # a unit's name and id
        self.take_button = QPushButton(self)
        self.run_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.output = QTextBrowser(self)
        self._labels = [QLabel(self) for _ in range(5)]
        self.settings = QWidget(self)
        self._lay_out()
        self.run_button.clicked.connect(self._on_run_clicked)
        self.take_button.clicked.connect(self._on_take_clicked)
        self.turn.editingFinished.connect(self._on_turn_chosen)
        self.retranslate()

    def _lay_out(self) -> None:
        turn, seed, superior, subordinate, seat = self._labels
        for label, field in zip(self._labels, (self.turn, self.seed, self.superior,
                                               self.subordinate, self.seat), strict=True):
            label.setBuddy(field)
        grid = QGridLayout(self.settings)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        rows = ((turn, self.turn, seed, self.seed),
                (superior, self.superior, subordinate, self.subordinate))
        for row, widgets in enumerate(rows):
            for column, widget in enumerate(widgets):
                grid.addWidget(widget, row, column)
        grid.addWidget(self.run_button, 2, 0, 1, 2)
        grid.addWidget(self.status, 2, 2, 1, 2)
        grid.addWidget(seat, 3, 0)
        grid.addWidget(self.seat, 3, 1)
        grid.addWidget(self.take_button, 3, 2, 1, 2)
        grid.setRowStretch(4, 1)
        for spin in (self.turn, self.seed):
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("9999999") + 40)
        for label in self._labels:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.settings.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Minimum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.settings)
        layout.addWidget(self.output, 1)
        self.output.setMinimumWidth(160)

    def retranslate(self) -> None:
        """Texts in the window's language."""
        for label, key in zip(self._labels, ("turn", "seed", "superior", "subordinate", "seat"),
                              strict=True):
            label.setText(tr(f"editor.play.{key}"))
            label.buddy().setAccessibleName(plain(label.text()))
        self.turn.follow_language()
        self.seed.follow_language()
        for combo, kind in ((self.superior, "superior"), (self.subordinate, "subordinate")):
            current = max(0, combo.currentIndex())
            combo.clear()
            for style in STYLES[kind]:
                combo.addItem(choice_label(style) if style else tr("editor.play.default"), style)
            combo.setCurrentIndex(current)
        self.take_button.setText(tr("editor.play.take"))
        self.take_button.setAccessibleName(plain(tr("editor.play.take")))
        self.run_button.setText(tr("editor.play.run"))
        self.run_button.setAccessibleName(plain(tr("editor.play.run")))
        self.output.setAccessibleName(tr("editor.play.output"))
        self.show_scenario()  # the seats' names
        if self.report is not None:
            self._show(self.report)

    def show_scenario(self) -> None:
        """The scenario validated again: its length and its seats (by name)."""
        scenario = self._scenario()
        if scenario is None:
            return
        self.set_turns(scenario.turns)
        self.set_seats([(seat, f"{text_of(scenario.unit(seat).name)} ({seat})")
                        for seat in scenario.seats])

    def set_turns(self, turns: int) -> None:
        """The scenario's length: the most turns a play-test can run (and, until the author
        picks a turn, the turn it runs to)."""
        self.turn.setMaximum(max(1, turns))
        if not self.turn_chosen:
            self.turn.setValue(max(1, turns))

    def _on_turn_chosen(self) -> None:
        self.turn_chosen = self.turn.value() != self.turn.maximum()

    def set_seats(self, seats: list[tuple[str, str]]) -> None:
        """The seats a person may take over, as (unit id, name to show)."""
        current = self.seat.currentData()
        self.seat.clear()
        for ident, name in seats:
            self.seat.addItem(name, ident)
        self.select_seat(current or "")

    def select_seat(self, seat: str) -> None:
        """Choose the seat to take over (a unit id)."""
        index = self.seat.findData(seat)
        if index >= 0:
            self.seat.setCurrentIndex(index)

    def _on_take_clicked(self) -> None:
        scenario = self._scenario()
        seat = str(self.seat.currentData() or "")
        if scenario is None or not seat:
            self.status.setText(tr("editor.play.invalid"))
            return
        game = hand_over(scenario, self.turn.value(), seat, self.seed.value(),
                         self.superior.currentData() or None,
                         self.subordinate.currentData() or None)
        self.take_seat_requested.emit(game, seat)

    def running(self) -> bool:
        """Whether a play-test is running."""
        return self._job is not None

    def _on_run_clicked(self) -> None:
        scenario = self._scenario()
        if scenario is None:
            self.status.setText(tr("editor.play.invalid"))
            return
        turn, seed = self.turn.value(), self.seed.value()
        superior = self.superior.currentData() or None
        subordinate = self.subordinate.currentData() or None

        def work(progress: Any, cancelled: Any) -> dict[str, Any]:
            return play_to_turn(scenario, turn, seed, superior, subordinate, cancelled)

        self.run_button.setEnabled(False)
        self.status.setText(tr("editor.play.running"))
        self._job = JobThread(work, self)
        self._job.succeeded.connect(self._on_job_succeeded)
        self._job.failed.connect(self._on_job_failed)
        self._job.start()

    def _on_job_succeeded(self, report: dict[str, Any]) -> None:
        self._end_job()
        self.report = report
        self._show(report)
        self.finished.emit(report)

    def _on_job_failed(self, message: str) -> None:
        self._end_job()
        self.status.setText(tr("editor.play.failed", message=message))

    def _end_job(self) -> None:
        finish(self._job)
        self._job = None
        self.run_button.setEnabled(True)

    def _show(self, report: dict[str, Any]) -> None:
        out = report["outcome"]
        self.status.setText(tr("editor.play.done", turns=min(out["turns_played"],
                                                             self.turn.value()),
                               total=self.turn.maximum(),
                               delivered=f"{out['delivered_vs_original']:.1f}"))
        scenario = self._scenario()
        names = {t.id: text_of(t.name) for t in scenario.tasks} if scenario else {}
        self.output.setPlainText(render_text(report, language(), plain=True, names=names))

    def stop(self) -> None:
        """Stop a running play-test (the window is closing)."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
