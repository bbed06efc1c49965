"""The tables' scores side by side as a table model: rows are each human seat's own score and
the county's indicators, columns the tables, and the turn each indicator first parted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from game.ui.common.i18n import language, register, tr
from game.ui.common.task_model import Index
from game.ui.debrief.debrief_model import format_value, quote_text, section_label
from game.ui.debrief.tables_html import label_of, table_title, unit_text
from game.workshop.compare import IndicatorRow, TableComparison

register({
    "tables.lower_better": ("{label}（越低越好）", "{label} (lower is better)"),
})

#: What a row of the model stands for: ("seat", unit id) or ("indicator", key).
RowKey = tuple[str, str]


def row_keys(comparison: TableComparison) -> list[RowKey]:
    """The rows in order: every human seat (as the tables list them), then every indicator."""
    seats: list[str] = []
    for summary in comparison.tables:
        seats += [s.seat for s in summary.seat_scores if s.seat not in seats]
    return [("seat", s) for s in seats] + [("indicator", r.key) for r in comparison.indicators]


def _seat_cells(comparison: TableComparison, seat: str) -> list[str]:
    cells = [tr("tables.seat_score", seat=unit_text(comparison.directory, seat))]
    for summary in comparison.tables:
        found = next((s for s in summary.seat_scores if s.seat == seat), None)
        cells.append("—" if found is None or found.score is None else f"{found.score:.1f}")
    return [*cells, ""]


def _indicator_cells(comparison: TableComparison, row: IndicatorRow) -> list[str]:
    label = label_of(row)
    cells = [tr("tables.lower_better", label=label) if row.group == "pathologies" else label]
    cells += [format_value(row.final.get(t.number), row.unit) for t in comparison.tables]
    parted = tr("tables.turn", turn=row.parted.turn) if row.parted else tr("tables.never")
    return [*cells, parted]


def score_rows(comparison: TableComparison) -> list[list[str]]:
    """Every row's cells as text in the current language: name, one per table, first parted."""
    rows = []
    for kind, key in row_keys(comparison):
        rows.append(_seat_cells(comparison, key) if kind == "seat"
                    else _indicator_cells(comparison, comparison.indicator(key)))
    return rows


class TablesScoreModel(QAbstractTableModel):
    """The comparison's scores: one row per human seat and per indicator, one column per table
    (and the name first, the turn the tables parted last)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: TableComparison | None = None
        self._keys: list[RowKey] = []
        self._cells: list[list[str]] = []

    def set_comparison(self, comparison: TableComparison) -> None:
        """Show a comparison."""
        self.beginResetModel()
        self._comparison = comparison
        self._keys = row_keys(comparison)
        self._cells = score_rows(comparison)
        self.endResetModel()

    def retranslate(self) -> None:
        """Texts in the current language."""
        if self._comparison is not None:
            self._cells = score_rows(self._comparison)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            if self._cells:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self.rowCount() - 1, self.columnCount() - 1))

    def key(self, row: int) -> RowKey:
        """What row `row` stands for."""
        return self._keys[row]

    def row_of(self, kind: str, key: str) -> int:
        """The row of a seat or an indicator (-1 if absent)."""
        return self._keys.index((kind, key)) if (kind, key) in self._keys else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.tables) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if self._comparison is None:
            return None
        tables = self._comparison.tables
        if section == 0:
            return tr("tables.col.indicator")
        if section <= len(tables):
            return table_title(tables[section - 1])
        return tr("tables.col.parted")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        kind, key = self._keys[row]
        if role == Qt.ItemDataRole.FontRole and (kind == "seat" or (
                column == self.columnCount() - 1 and self._cells[row][column] != "—")):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and kind == "indicator":
            citation = self._comparison.indicator(key).citation
            return tr("debrief.citation", section=section_label(citation["section"]),
                      quote=quote_text(citation)) if language() else None
        return None


__all__ = ["RowKey", "TablesScoreModel", "row_keys", "score_rows"]
