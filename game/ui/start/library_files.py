"""The start screen's library files: the folders read again, files opened by hand, copied in.

A mixin of StartView, as FileOps is of the editor window: the screen keeps to building and
showing, this keeps the files. Questions go through QFileDialog's static functions, which
tests replace.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from game.ui.common.i18n import tr
from game.ui.common.lang import plain
from game.ui.start.library import (
    OPENED,
    OWN,
    SCENARIO_DIR,
    SHIPPED,
    ScenarioEntry,
    load_entry,
    scan,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QFileSystemWatcher
    from PySide6.QtWidgets import QLabel, QListView

    from game.ui.start.library import ScenarioLibraryModel


class LibraryFiles:
    """Reading the library's folders and adding files to it, for the start screen."""

    if TYPE_CHECKING:  # what the screen provides
        library: ScenarioLibraryModel
        scenario_list: QListView
        scenario_where: QLabel
        user_dir: Path | None
        opened: list[Path]
        problems: list[str]
        _watcher: QFileSystemWatcher

        def fill_library(self) -> None: ...
        def _selected(self) -> ScenarioEntry | None: ...
        def _show_entry(self, entry: ScenarioEntry | None) -> None: ...

    def refresh_library(self, select: Path | None = None) -> None:
        """Read the folders again (a file changed, the editor saved); keep or move the choice.

        Args:
            select: the file to select (None: keep the current one, or the first).
        """
        current = self._selected()
        entries, self.problems = scan(SCENARIO_DIR, self.user_dir)
        listed = {e.path.resolve() for e in entries}
        entries += [load_entry(p, OPENED) for p in self.opened if p.resolve() not in listed]
        self.library.set_entries(entries)
        wanted = select or (current.path if current is not None else None)
        row = self.library.row_of(wanted) if wanted is not None else -1
        if entries:
            self.scenario_list.setCurrentIndex(self.library.index(max(row, 0)))
        else:
            self._show_entry(None)

    def _watch_user_dir(self) -> None:
        """Files saved or copied into the author's folder appear without a restart."""
        if self.user_dir is None:
            return
        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a read-only data folder: the shipped scenarios are still listed
        self._watcher.addPath(str(self.user_dir))

    def open_scenario_file(self, path: Path) -> ScenarioEntry:
        """List a scenario file chosen by hand and select it (broken: its problem is shown)."""
        path = Path(path)
        origin = self._origin_of(path)
        if origin == OPENED and path not in self.opened:
            self.opened.append(path)
        self.fill_library()
        self.refresh_library(select=path)
        entry = self._selected()
        return entry if entry is not None else load_entry(path, origin)

    def _origin_of(self, path: Path) -> str:
        folder = path.resolve().parent
        if folder == SCENARIO_DIR.resolve():
            return SHIPPED
        if self.user_dir is not None and folder == self.user_dir.resolve():
            return OWN
        return OPENED

    def copy_into_library(self) -> Path | None:
        """Copy the opened file on show into the author's folder (a new name if one is taken)
        and select the copy: saved games of it can then be resumed, as of any library file."""
        entry = self._selected()
        if entry is None or entry.origin != OPENED or self.user_dir is None:
            return None
        target, number = self.user_dir / entry.path.name, 1
        while target.exists():
            number += 1
            target = self.user_dir / f"{entry.path.stem}_{number}{entry.path.suffix}"
        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry.path, target)
        except OSError as err:
            self.scenario_where.setText(tr("start.copy_failed", error=err.strerror or err))
            return None
        self.opened.remove(entry.path)
        self.refresh_library(select=target)
        return target

    def choose_scenario_file(self) -> ScenarioEntry | None:
        """Ask for a scenario file (starting in the author's folder) and list it."""
        start = self.user_dir if self.user_dir is not None and self.user_dir.is_dir() else ""
        name, _ = QFileDialog.getOpenFileName(self, plain(tr("start.open_file")), str(start),
                                              tr("start.file_filter"))
        return self.open_scenario_file(Path(name)) if name else None
