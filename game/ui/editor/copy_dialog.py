"""'New from a copy': choose one of the shipped scenarios to start a new one from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.models import Scenario
from game.ui.common.i18n import tr
from game.ui.common.lang import plain, text_of
from game.ui.editor.prompts import translate_buttons

SHIPPED = Path(__file__).resolve().parents[3] / "scenarios"
Index = QModelIndex | QPersistentModelIndex


def shipped(folder: Path = SHIPPED) -> list[tuple[Path, Scenario]]:
    """The shipped scenarios that load, tutorial first."""
    found = []
    for path in sorted(folder.glob("*.yaml"), key=lambda p: (p.stem != "tutorial", p.stem)):
        try:
            found.append((path, load_scenario(path)))
        except ScenarioError:
            continue
    return found


class ShippedModel(QAbstractListModel):
    """The shipped scenarios by title."""

    def __init__(self, entries: list[tuple[Path, Scenario]], parent: Any = None) -> None:
        super().__init__(parent)
        self.entries = entries

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        path, scenario = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{text_of(scenario.title)}  ({path.name})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text_of(scenario.briefing)
        return None


class CopyDialog(QDialog):
    """A list of the shipped scenarios; OK makes a copy of the chosen one."""

    def __init__(self, parent: QWidget | None = None, folder: Path = SHIPPED) -> None:
        super().__init__(parent)
        self.setWindowTitle(plain(tr("editor.new_copy")))
        self.model = ShippedModel(shipped(folder), self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("editor.copy_list"))
        label = QLabel(tr("editor.copy_prompt"), self)
        label.setBuddy(self.view)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.view.doubleClicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        if self.model.entries:
            self.view.setCurrentIndex(self.model.index(0))
        self.resize(520, 320)

    def chosen(self) -> Path | None:
        """The file of the chosen scenario."""
        index = self.view.currentIndex()
        return self.model.entries[index.row()][0] if index.isValid() else None
