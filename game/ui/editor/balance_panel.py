"""Balance check: many seeded games of the edited scenario, with progress, and the spread of
every figure (mean, standard deviation, lowest and highest, and a bar of the range)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from game.scenario.models import Scenario
from game.scoring.rules import default_rulebook
from game.ui.common.i18n import register, tr
from game.ui.common.lang import plain, text_of
from game.ui.common.numbers import LocaleSpinBox
from game.ui.editor.jobs import JobThread, finish
from game.ui.editor.playtest import Spread, balance_reports, spreads

register({
    "editor.figure.mean_overload": ("乡镇平均负荷", "Mean township workload"),
    "editor.figure.mean_formalism": ("形式主义占比", "Share of time on formalities"),
})
COLUMNS = ("figure", "mean", "stdev", "low", "high", "range")
Index = QModelIndex | QPersistentModelIndex


def figure_label(key: str) -> str:
    """A figure's name: the rule book's indicator label, or the editor's own."""
    for indicator in default_rulebook().indicators:
        if indicator.key == key:
            return text_of(indicator.label)
    try:
        return tr(f"editor.figure.{key}")
    except KeyError:
        return key


class SpreadModel(QAbstractTableModel):
    """One row per figure: its spread across the games."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Spread] = []

    def set_rows(self, rows: list[Spread]) -> None:
        """Show a new balance result."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"editor.balance.col.{COLUMNS[section]}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == "figure":
            return figure_label(row.key)
        if column == "range":
            return f"{row.low:.4g} – {row.high:.4g}" if role != Qt.ItemDataRole.DisplayRole \
                else None
        value = {"mean": row.mean, "stdev": row.stdev, "low": row.low, "high": row.high}[column]
        return f"{value:.4g}"


class RangeDelegate(QStyledItemDelegate):
    """Draws lowest–highest as a bar on 0–100 (or on the row's own scale) with the mean."""

    def paint(self, painter: QPainter, option: Any, index: Index) -> None:
        row: Spread = index.data(Qt.ItemDataRole.UserRole)
        rect = QRectF(option.rect).adjusted(6, 6, -6, -6)
        top = 100.0 if row.high <= 100 and row.low >= 0 else max(abs(row.high), 1e-9)
        def x(value: float) -> float:
            return rect.left() + rect.width() * max(0.0, min(1.0, value / top))
        painter.save()
        painter.fillRect(rect, QColor("#eeeeee"))
        painter.fillRect(QRectF(x(row.low), rect.top(), max(2.0, x(row.high) - x(row.low)),
                                rect.height()), QColor("#7aa6d8"))
        painter.fillRect(QRectF(x(row.mean) - 1, rect.top() - 2, 3, rect.height() + 4),
                         QColor("#1f4e79"))
        painter.restore()


class BalancePanel(QWidget):
    """Games and first seed; Run and Cancel; progress; the spread table.

    Signals:
        finished(int): how many games the finished (or cancelled) run played.
    """

    finished = QtSignal(int)

    def __init__(self, scenario: Callable[[], Scenario | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self._job: JobThread | None = None
        self.games, self.first_seed = LocaleSpinBox(self), LocaleSpinBox(self)
        self.games.setRange(2, 1000)
        self.games.setValue(20)
        self.first_seed.setRange(0, 999_999)
        self.first_seed.setValue(1)
        self.run_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.progress, self.status = QProgressBar(self), QLabel(self)
        self.status.setWordWrap(True)
        self.model = SpreadModel(self)
        self.table = QTableView(self)
        self._labels = [QLabel(self), QLabel(self)]
        self._lay_out()
        self.run_button.clicked.connect(self._on_run_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.retranslate()

    def _lay_out(self) -> None:
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(len(COLUMNS) - 1, RangeDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        # Three short rows beside the table: the strip under the editor stays low.
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        for column, (label, field) in enumerate(zip(self._labels, (self.games, self.first_seed),
                                                    strict=True)):
            label.setBuddy(field)
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(field, 0, 2 * column + 1)
        grid.addWidget(self.run_button, 1, 0, 1, 2)
        grid.addWidget(self.cancel_button, 1, 2, 1, 2)
        grid.addWidget(self.progress, 2, 0, 1, 4)
        grid.addWidget(self.status, 3, 0, 1, 4)
        grid.setRowStretch(4, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        """Texts in the window's language."""
        for label, key in zip(self._labels, ("games", "first_seed"), strict=True):
            label.setText(tr(f"editor.balance.{key}"))
            label.buddy().setAccessibleName(plain(label.text()))
        self.games.follow_language()
        self.first_seed.follow_language()
        for button, key in ((self.run_button, "run"), (self.cancel_button, "cancel")):
            button.setText(tr(f"editor.balance.{key}"))
            button.setAccessibleName(plain(button.text()))
        self.progress.setAccessibleName(tr("editor.balance.progress"))
        self.table.setAccessibleName(tr("editor.balance.table"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def running(self) -> bool:
        """Whether a balance run is going on."""
        return self._job is not None

    def _on_run_clicked(self) -> None:
        scenario = self._scenario()
        if scenario is None:
            self.status.setText(tr("editor.play.invalid"))
            return
        games, first = self.games.value(), self.first_seed.value()

        def work(progress: Any, cancelled: Any) -> list[dict[str, float]]:
            return balance_reports(scenario, games, first, progress, cancelled)

        self.progress.setRange(0, games)
        self.progress.setValue(0)
        self.status.setText(tr("editor.balance.running", games=games))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._job = JobThread(work, self)
        self._job.progressed.connect(self._on_job_progressed)
        self._job.succeeded.connect(self._on_job_succeeded)
        self._job.failed.connect(self._on_job_failed)
        self._job.start()

    def _on_cancel_clicked(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _on_job_progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.status.setText(tr("editor.balance.progress_text", done=done, total=total))

    def _on_job_succeeded(self, results: list[dict[str, float]]) -> None:
        cancelled = self._job.cancelled if self._job else False
        self._end_job()
        self.model.set_rows(spreads(results))
        key = "editor.balance.cancelled" if cancelled else "editor.balance.done"
        self.status.setText(tr(key, games=len(results)))
        self.finished.emit(len(results))

    def _on_job_failed(self, message: str) -> None:
        self._end_job()
        self.status.setText(tr("editor.play.failed", message=message))
        self.finished.emit(0)

    def _end_job(self) -> None:
        finish(self._job)
        self._job = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def stop(self) -> None:
        """Stop a running balance check (the window is closing)."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
