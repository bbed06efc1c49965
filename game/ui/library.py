"""The scenario library: every YAML file in scenarios/, as a list model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from game.ui.lang import text_of

if TYPE_CHECKING:
    from game.scenario.models import Scenario

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario file and what it holds."""

    path: Path
    scenario: Scenario


_cache: dict[Path, tuple[float, ScenarioEntry]] = {}


def scan(folder: Path = SCENARIO_DIR) -> tuple[list[ScenarioEntry], list[str]]:
    """Every loadable scenario in `folder` (tutorial first), and the problems of the rest."""
    from game.scenario.loader import ScenarioError  # loaded after the start screen shows

    entries, problems = [], []
    for path in sorted(folder.glob("*.yaml"), key=lambda p: (p.stem != "tutorial", p.stem)):
        try:
            entries.append(_load(path))
        except ScenarioError as err:
            problems.extend(str(p) for p in err.problems)
    return entries, problems


def _load(path: Path) -> ScenarioEntry:
    """A scenario file, read again only when it changed on disk."""
    mtime = path.stat().st_mtime
    cached = _cache.get(path)
    if cached is None or cached[0] != mtime:
        from game.scenario.loader import load_scenario

        _cache[path] = (mtime, ScenarioEntry(path, load_scenario(path)))
    return _cache[path][1]


class ScenarioLibraryModel(QAbstractListModel):
    """The library as a list: each row a scenario's title in the current language."""

    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, entries: list[ScenarioEntry], parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = entries

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text_of(entry.scenario.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.path.name
        if role == self.EntryRole:
            return entry
        return None

    def entry(self, row: int) -> ScenarioEntry | None:
        """The scenario on `row`, if any."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def set_entries(self, entries: list[ScenarioEntry]) -> None:
        """Show another list of scenarios."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def retranslate(self) -> None:
        """Titles changed language."""
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))
