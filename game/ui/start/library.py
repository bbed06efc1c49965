"""The scenario library: the shipped scenarios, the author's own and files opened by hand.

Shipped scenarios live in the program's scenarios/ folder; the author's in the user-data
folder's scenarios/ (AppPaths.scenarios_dir), where the editor saves. A file that cannot be
read is listed as broken, with its located problem, and never hides the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from game.ui.common.i18n import register, tr
from game.ui.common.lang import text_of

if TYPE_CHECKING:
    from game.scenario.models import Scenario

SCENARIO_DIR = Path(__file__).resolve().parents[3] / "scenarios"
Index = QModelIndex | QPersistentModelIndex
SHIPPED, OWN, OPENED = "shipped", "own", "opened"

register({
    "library.own": ("{title}（我的情景）", "{title} (yours)"),
    "library.opened": ("{title}（打开的文件）", "{title} (opened file)"),
    "library.broken": ("⚠ {name}：无法读取", "⚠ {name}: cannot be read"),
    "library.where_shipped": ("随游戏提供：{path}", "Shipped with the game: {path}"),
    "library.where_own": ("你的情景文件夹：{path}", "In your scenarios folder: {path}"),
    "library.where_opened": (
        "打开的文件：{path}。复制到你的情景文件夹后，它的存档才能继续。",
        "Opened file: {path}. Copy it into your scenarios folder to be able to resume its "
        "saved games."),
})


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario file and what it holds.

    `scenario` is None when the file cannot be read; `problem` then says where and why.
    `origin` is SHIPPED, OWN (the author's folder) or OPENED (chosen by hand).
    """

    path: Path
    scenario: Scenario | None
    origin: str = SHIPPED
    problem: str = ""

    @property
    def broken(self) -> bool:
        """Whether the file could not be read."""
        return self.scenario is None

    @property
    def shipped(self) -> bool:
        """Whether the file is one of the game's own (opened read-only in the editor)."""
        return self.origin == SHIPPED


_cache: dict[Path, tuple[float, ScenarioEntry]] = {}


def _sorted(folder: Path) -> list[Path]:
    try:
        found = [p for p in folder.glob("*.yaml") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (p.stem != "tutorial", p.stem))


def scan(folder: Path = SCENARIO_DIR,
         own: Path | None = None) -> tuple[list[ScenarioEntry], list[str]]:
    """The shipped scenarios in `folder` (tutorial first), then the author's in `own`.

    Returns:
        Every entry, broken files included (listed as such), and the problems of the broken.
    """
    entries = [load_entry(path, SHIPPED) for path in _sorted(folder)]
    if own is not None and own.resolve() != folder.resolve():
        entries += [load_entry(path, OWN) for path in _sorted(own)]
    return entries, [e.problem for e in entries if e.broken]


def load_entry(path: Path, origin: str) -> ScenarioEntry:
    """A scenario file as a library entry, read again only when it changed on disk."""
    try:
        mtime = path.stat().st_mtime
    except OSError as err:
        return ScenarioEntry(path, None, origin, f"{path}: {err.strerror or err}")
    cached = _cache.get(path)
    if cached is None or cached[0] != mtime or cached[1].origin != origin:
        _cache[path] = (mtime, _read(path, origin))
    return _cache[path][1]


def _read(path: Path, origin: str) -> ScenarioEntry:
    from game.scenario.loader import ScenarioError, load_scenario  # after the screen shows

    try:
        return ScenarioEntry(path, load_scenario(path), origin)
    except ScenarioError as err:
        problem = str(err.problems[0]) if err.problems else str(err)
    except (OSError, UnicodeDecodeError) as err:
        problem = f"{path}: {err}"
    except Exception as err:  # noqa: BLE001 — one unreadable file must not empty the library
        problem = f"{path}:1:1: {type(err).__name__}: {err}"
    return ScenarioEntry(path, None, origin, problem)


class ScenarioLibraryModel(QAbstractListModel):
    """The library as a list: each row a scenario's title in the current language.

    The author's scenarios carry a mark after the title, broken files a warning and their
    located problem as the tooltip.
    """

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
            return title_of(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.problem if entry.broken else where(entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.broken:
            return QBrush(QColor("#a33a2a"))
        if role == self.EntryRole:
            return entry
        return None

    def entry(self, row: int) -> ScenarioEntry | None:
        """The scenario on `row`, if any."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def entries(self) -> list[ScenarioEntry]:
        """Every entry, in order."""
        return list(self._entries)

    def row_of(self, path: Path) -> int:
        """The row of the file `path`, or -1."""
        wanted = _same(path)
        return next((row for row, e in enumerate(self._entries) if _same(e.path) == wanted), -1)

    def set_entries(self, entries: list[ScenarioEntry]) -> None:
        """Show another list of scenarios."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def retranslate(self) -> None:
        """Titles changed language."""
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))


def title_of(entry: ScenarioEntry) -> str:
    """The entry's line in the library, in the current language."""
    if entry.scenario is None:
        return tr("library.broken", name=entry.path.name)
    title = text_of(entry.scenario.title)
    if entry.origin == SHIPPED:
        return title
    return tr(f"library.{entry.origin}", title=title)


def where(entry: ScenarioEntry) -> str:
    """Where the entry's file is, in words."""
    return tr(f"library.where_{entry.origin}", path=str(entry.path))


def _same(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
