"""The tasks of a game as a list model, for the task selectors of the map, dashboard and debrief."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from game.engine.game import Game
from game.ui.common.lang import text_of

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class TaskListModel(QAbstractListModel):
    """One row per task (name in the current language; TASK_ID_ROLE gives the id).

    Args:
        game: the game whose scenario lists the tasks.
        only: keep only these task ids (in scenario order); all tasks when None.
    """

    def __init__(self, game: Game, only: Iterable[str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._game = game
        self._ids: list[str] = []
        self.reset(game, only)

    def reset(self, game: Game, only: Iterable[str] | None = None) -> None:
        """Take up another game (or another subset of tasks)."""
        self.beginResetModel()
        self._game = game
        wanted = set(only) if only is not None else None
        self._ids = [t.id for t in game.scenario.tasks if wanted is None or t.id in wanted]
        self.endResetModel()

    def retranslate(self) -> None:
        """Names follow the language; the rows (and any selection) stay."""
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
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        task = self._game.task_by_id[self._ids[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text_of(task.name)
        if role == Qt.ItemDataRole.ToolTipRole and task.description is not None:
            return text_of(task.description)
        if role == TASK_ID_ROLE:
            return task.id
        return None
