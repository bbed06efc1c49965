"""The map's task selector: the seat's tasks by name, from the seat view's directory."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from game.ui.common.i18n import language
from game.ui.common.task_model import TASK_ID_ROLE, Index
from game.workshop.directory import Directory


class MapTaskModel(QAbstractListModel):
    """One row per task the map can show (name in the current language; TASK_ID_ROLE gives
    the id), read from a `Directory` rather than the game (issue 11, item 1)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory: Directory | None = None
        self._ids: list[str] = []

    def reset(self, directory: Directory, only: list[str] | None = None) -> None:
        """Show the directory's tasks (only these ids, in scenario order, when given)."""
        self.beginResetModel()
        self._directory = directory
        wanted = set(only) if only else None
        self._ids = [t.id for t in directory.tasks if wanted is None or t.id in wanted]
        self.endResetModel()

    def retranslate(self) -> None:
        """Names follow the language; the rows (and the selection) stay."""
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def task_id(self, row: int) -> str | None:
        """The id of the task at `row` (None out of range)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, task_id: str) -> int:
        """The row of a task id (-1 when absent)."""
        return self._ids.index(task_id) if task_id in self._ids else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or not self._directory:
            return None
        task = self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._directory.task_name(task, language())
        if role == TASK_ID_ROLE:
            return task
        return None
