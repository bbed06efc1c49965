"""The validation messages as a list model: severity, line and column, and the message."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from game.scenario.loader import Problem
from game.ui.common.i18n import language, tr
from game.ui.editor.problem_text import chinese

Index = QModelIndex | QPersistentModelIndex


class ProblemModel(QAbstractListModel):
    """Problems of the edited text, errors and warnings, in the order of the file."""

    ProblemRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        """Show a new list."""
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problems(self) -> list[Problem]:
        """The problems shown."""
        return list(self._problems)

    def problem(self, row: int) -> Problem | None:
        """The problem on `row`."""
        return self._problems[row] if 0 <= row < len(self._problems) else None

    def counts(self) -> tuple[int, int]:
        """How many errors and how many warnings."""
        errors = sum(1 for p in self._problems if p.severity == "error")
        return errors, len(self._problems) - errors

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        problem = self.problem(index.row())
        if problem is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            message = chinese(problem.message) if language() == "zh" else problem.message
            return tr(f"editor.problem_{'error' if problem.severity == 'error' else 'warning'}",
                      line=problem.line, col=problem.col, message=message)
        if role == Qt.ItemDataRole.DecorationRole:
            icon = (QStyle.StandardPixmap.SP_MessageBoxCritical if problem.severity == "error"
                    else QStyle.StandardPixmap.SP_MessageBoxWarning)
            return QApplication.style().standardIcon(icon)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(problem)
        if role == self.ProblemRole:
            return problem
        return None

    def retranslate(self) -> None:
        """The severity words changed language."""
        if self._problems:
            self.dataChanged.emit(self.index(0), self.index(len(self._problems) - 1))
