"""Play-test: the edited scenario played by computer officials up to a turn, then the outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.headless import render_text
from game.scenario.models import Scenario
from game.ui.editor.jobs import JobThread, finish
from game.ui.editor.playtest import hand_over, play_to_turn
from game.ui.editor.schema_text import choice_label
from game.ui.i18n import language, tr
from game.ui.lang import plain

STYLES = {"superior": ("", "communicative", "mixed", "pressure"),
          "subordinate": ("", "honest", "mixed", "gaming")}


class PlaytestPanel(QWidget):
    """Turn, seed and styles; Run; the report.

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
        self.turn, self.seed = QSpinBox(self), QSpinBox(self)
        self.turn.setRange(1, 120)
        self.seed.setRange(0, 999_999)
        self.superior, self.subordinate = QComboBox(self), QComboBox(self)
        self.seat = QComboBox(self)
        self.take_button = QPushButton(self)
        self.run_button = QPushButton(self)
        self.status = QLabel(self)
        self.output = QTextBrowser(self)
        self._labels = [QLabel(self) for _ in range(5)]
        self._lay_out()
        self.run_button.clicked.connect(self._on_run_clicked)
        self.take_button.clicked.connect(self._on_take_clicked)
        self.retranslate()

    def _lay_out(self) -> None:
        form = QFormLayout()
        for label, field in zip(self._labels, (self.turn, self.seed, self.superior,
                                               self.subordinate, self.seat), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.run_button)
        left.addWidget(self.take_button)
        left.addWidget(self.status)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.output, 1)

    def retranslate(self) -> None:
        """Texts in the window's language."""
        for label, key in zip(self._labels, ("turn", "seed", "superior", "subordinate", "seat"),
                              strict=True):
            label.setText(tr(f"editor.play.{key}"))
            label.buddy().setAccessibleName(plain(label.text()))
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
        if self.report is not None:
            self._show(self.report)

    def set_turns(self, turns: int) -> None:
        """The scenario's length: the most turns a play-test can run."""
        self.turn.setMaximum(max(1, turns))

    def set_seats(self, seats: list[str]) -> None:
        """The seats a person may take over."""
        current = self.seat.currentText()
        self.seat.clear()
        self.seat.addItems(seats)
        if current in seats:
            self.seat.setCurrentText(current)

    def _on_take_clicked(self) -> None:
        scenario = self._scenario()
        seat = self.seat.currentText()
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
                               delivered=out["delivered_vs_original"]))
        self.output.setPlainText(render_text(report, language()))

    def stop(self) -> None:
        """Stop a running play-test (the window is closing)."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
