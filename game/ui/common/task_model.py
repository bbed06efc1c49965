"""The tasks of a game as a list model, for the task selectors of the map, dashboard and debrief."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from game.ui.common.lang import text_of
from game.workshop.directory import Directory

if TYPE_CHECKING:
    from game.scenario.models import Scenario, Text


class HasScenario(Protocol):
    """Anything that holds a scenario (a game: the map and the debrief still pass one while
    the screens move onto the seat's view, issue 11 item 1)."""

    @property
    def scenario(self) -> Scenario: ...


TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class TaskListModel(QAbstractListModel):
    """One row per task (name in the current language; TASK_ID_ROLE gives the id).

    Args:
        names: where the tasks are listed: a seat view's `Directory` (what a screen passes),
            or anything holding the scenario (`HasScenario`).
        only: keep only these task ids (in scenario order); all tasks when None.
    """

    def __init__(self, names: Directory | HasScenario, only: Iterable[str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Text, Text | None]] = []
        self.reset(names, only)

    def reset(self, names: Directory | HasScenario, only: Iterable[str] | None = None) -> None:
        """Take up another directory or game (or another subset of tasks)."""
        self.beginResetModel()
        wanted = set(only) if only is not None else None
        self._rows = [row for row in _tasks(names) if wanted is None or row[0] in wanted]
        self.endResetModel()

    def retranslate(self) -> None:
        """Names follow the language; the rows (and any selection) stay."""
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def task_id(self, row: int) -> str | None:
        """The id of the task at `row` (None out of range)."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, task_id: str) -> int:
        """The row of a task id (-1 when absent)."""
        return next((i for i, row in enumerate(self._rows) if row[0] == task_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        task_id, name, description = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text_of(name)
        if role == Qt.ItemDataRole.ToolTipRole and description is not None:
            return text_of(description)
        if role == TASK_ID_ROLE:
            return task_id
        return None


def _tasks(names: Directory | HasScenario) -> list[tuple[str, Text, Text | None]]:
    """(id, name, description) of every task, in scenario order."""
    if isinstance(names, Directory):
        return [(t.id, t.name, t.description) for t in names.tasks]
    return [(t.id, t.name, t.description) for t in names.scenario.tasks]
