"""The console's tables tab: the live grid of tables (with its legend) beside the acts.

Selecting a cell chooses what the acts work on: its row is the table, a seat's cell also the
seat. Times in phase and timers tick between the host's statuses (`tick`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QModelIndex, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.i18n import tr
from game.ui.common.lang import follow_language
from game.ui.workshop.console_acts import ActsPanel
from game.ui.workshop.console_grid import TableGridModel
from game.workshop.protocol import StatusMessage


class _TallScroll(QScrollArea):
    """Scrolls up and down only: as wide as its content needs (whatever the text size),
    as short as the window allows."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width() + 2, 120)


class TablesPanel(QSplitter):
    """The grid of tables and the acts panel side by side.

    Args:
        seat_name: a seat's display name from its id, in the current language.
    """

    def __init__(self, seat_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TableGridModel(seat_name)
        self.grid = QTableView(objectName="ConsoleGrid")
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.legend = QLabel(objectName="Muted", wordWrap=True)
        grid_box = QWidget()
        column = QVBoxLayout(grid_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grid, 1)
        column.addWidget(self.legend)
        self.acts = ActsPanel(seat_name)
        # In a scroll area: on a 1024x640 projector the acts must not make the window taller.
        scroll = _TallScroll()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.acts)
        self.addWidget(grid_box)
        self.addWidget(scroll)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([780, 480])
        self.model.modelReset.connect(self._on_reset)
        self.grid.selectionModel().currentChanged.connect(self._on_current)
        self.clock = QTimer(self, interval=1000)  # times in phase move between statuses
        self.clock.timeout.connect(self._tick)
        self._status_at = QElapsedTimer()
        follow_language(self, self.retranslate)
        self.retranslate()

    def set_status(self, status: StatusMessage) -> None:
        """The room as the host last reported it."""
        self._status_at.start()
        if not self.clock.isActive():
            self.clock.start()
        self.model.set_status(status)
        self.acts.set_ended(status.ended)

    def _tick(self) -> None:
        if self._status_at.isValid():
            self.model.tick(self._status_at.elapsed() / 1000.0)

    def _on_reset(self) -> None:
        """The room's shape is known: the fixed columns fit their text, the seats share the
        rest (a long unit name is cut short in its header; its tooltip says it whole)."""
        header = self.grid.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if self.model.seat_at(column) else
                                        QHeaderView.ResizeMode.ResizeToContents)
        if self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0, 0))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        table = self.model.table_at(current.row())
        seat = self.model.seat_at(current.column())
        self.acts.set_selection(table.table if table else None, seat)

    def select(self, table: int, seat: str | None = None) -> None:
        """Select a table (and a seat's cell) in the grid."""
        column = self.model.seat_column(seat) if seat else 0
        row = next(r for r in range(self.model.rowCount())
                   if (t := self.model.table_at(r)) is not None and t.table == table)
        self.grid.setCurrentIndex(self.model.index(row, max(0, column)))

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.legend.setText(tr("grid.legend"))
        self.model.retranslate()
