"""The editor's files: open, new from a copy, save (backup + atomic), drafts and recovery.

A mixin of ScenarioEditorWindow: it keeps the window's file handling in one place. Questions
to the author go through prompts.ask and QFileDialog's static functions, which tests replace.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel

from game.scenario.document import ScenarioDocument
from game.scenario.loader import ScenarioError
from game.scenario.reader import read_file
from game.ui.common.i18n import register, tr
from game.ui.common.lang import plain
from game.ui.editor import prompts
from game.ui.editor.copy_dialog import SHIPPED, CopyDialog
from game.ui.editor.files import Draft, DraftStore, save_text
from game.ui.editor.validation import validate_text

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from game.ui.editor.controller import EditorDocument

Buttons = prompts.Button

register({
    "editor.draft_failed": ("草稿无法保存到 {folder}（{error}）：未保存的修改只在内存中",
                            "Drafts cannot be written to {folder} ({error}): unsaved work "
                            "lives only in memory"),
})


def _data_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".county-mobilization"


def default_drafts_dir() -> Path:
    """Drafts go under the app's data folder (QStandardPaths.AppDataLocation)/drafts."""
    return _data_dir() / "drafts"


def default_user_dir() -> Path:
    """The author's scenarios: the app's data folder/scenarios (AppPaths.scenarios_dir)."""
    return _data_dir() / "scenarios"


def is_shipped(path: Path | None) -> bool:
    """Whether `path` is one of the scenarios shipped with the game (opened read-only)."""
    if path is None:
        return False
    try:
        return path.resolve().parent == SHIPPED.resolve()
    except OSError:
        return False


def copy_text(text: str, taken: set[str]) -> tuple[str, str]:
    """The text of a copy with an id of its own (`<id>_copy`, `<id>_copy_2`...), and that id.

    A copy keeping the shipped id would be two scenarios under one name in the library and
    in saved games. A text that does not parse is copied as it is.
    """
    doc = ScenarioDocument(text)
    old = doc.get(("id",)) if doc.ok else None
    if not isinstance(old, str) or not old:
        return text, ""
    stem, number = f"{old}_copy", 1
    new = stem
    while new in taken:
        number += 1
        new = f"{stem}_{number}"
    doc.set(("id",), new)
    return doc.text, new


class FileOps:
    """Open, copy, save and recover for the editor window (a QMainWindow)."""

    document: EditorDocument
    drafts: DraftStore
    copy_source: Path | None
    user_dir: Path
    saved: SignalInstance

    def display_name(self) -> str:
        """The file's name, or what the untitled scenario is."""
        if self.document.path is not None:
            return self.document.path.name
        if self.copy_source is not None:
            return tr("editor.copy_of", name=self.copy_source.name)
        return tr("editor.untitled")

    # ----- open -----------------------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open a scenario file (after asking to save unsaved work); False if not opened."""
        if not self.settle_unsaved():
            return False
        try:
            text = read_file(path)  # the one reader: size limit, encoding, located errors
        except ScenarioError as err:
            self.statusBar().showMessage(  # type: ignore[attr-defined]
                tr("editor.open_failed", error=err.problems[0]))
            return False
        self.copy_source = None
        self.document.reset(text, path)
        self.offer_recovery()
        return True

    def new_from_copy(self, source: Path) -> bool:
        """Start an untitled scenario from a copy of `source` (saved only under a new name),
        with an id of its own; False when the author kept the unsaved work."""
        if not self.settle_unsaved():
            return False
        taken = {p.stem for p in self._user_files()}
        try:
            source_text = read_file(source)
        except ScenarioError as err:
            self.statusBar().showMessage(  # type: ignore[attr-defined]
                tr("editor.open_failed", error=err.problems[0]))
            return False
        text, _ = copy_text(source_text, taken)
        self.copy_source = source
        self.document.reset(text, None)
        return True

    def _user_files(self) -> list[Path]:
        try:
            return list(self.user_dir.glob("*.yaml"))
        except OSError:
            return []

    def _on_open(self) -> None:
        path = self.document.path
        start = path.parent if path is not None and not is_shipped(path) else self.user_dir
        name, _ = QFileDialog.getOpenFileName(self, plain(tr("editor.open")), str(start),  # type: ignore[arg-type]
                                              tr("editor.file_filter"))
        if name:
            self.open_path(Path(name))

    def save_copy(self) -> bool:
        """A shipped scenario: make an editable copy and ask where to save it (the author's
        folder); True when saved. Cancelled, the copy stays open, untitled."""
        source = self.document.path
        if source is None or not self.new_from_copy(source):
            return False
        return self.save_as()

    def _on_new_copy(self) -> CopyDialog:
        dialog = CopyDialog(self)  # type: ignore[arg-type]
        dialog.accepted.connect(lambda: self._on_copy_chosen(dialog))
        dialog.open()
        return dialog

    def _on_copy_chosen(self, dialog: CopyDialog) -> None:
        source = dialog.chosen()
        dialog.deleteLater()
        if source is not None:
            self.new_from_copy(source)

    # ----- save -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the document's file (asking for one when untitled); True when saved."""
        self.flush_typing()
        if self.document.read_only:
            return self.save_copy()
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        """Save under a name the author chooses (a shipped scenario: as a copy of its own)."""
        self.flush_typing()
        if self.document.read_only:
            return self.save_copy()
        name, _ = QFileDialog.getSaveFileName(self, plain(tr("editor.save_as")),  # type: ignore[arg-type]
                                              str(self._suggested_path()),
                                              tr("editor.file_filter"))
        return bool(name) and self.save_to(Path(name))

    def _suggested_path(self) -> Path:
        """Where Save As opens: the file's own place, or the author's folder (never the
        shipped folder), under the scenario's id."""
        path = self.document.path
        if path is not None and not is_shipped(path):
            return path
        with contextlib.suppress(OSError):  # the dialog still opens; a write says why not
            self.user_dir.mkdir(parents=True, exist_ok=True)
        ident = self.document.doc.get(("id",)) if self.document.doc.ok else None
        stem = ident if isinstance(ident, str) and ident else "new_scenario"
        return self.user_dir / f"{stem}.yaml"

    def save_to(self, path: Path) -> bool:
        """Write the text to `path` with a backup of the previous version; True when written."""
        if is_shipped(path):
            self.statusBar().showMessage(tr("editor.shipped_refused", folder=self.user_dir))  # type: ignore[attr-defined]
            return False
        _, problems = validate_text(self.document.text, str(path))
        errors = [p for p in problems if p.severity == "error"]
        if errors and prompts.ask(
                self, tr("editor.save_errors_title"),  # type: ignore[arg-type]
                tr("editor.save_errors", count=len(errors))) != Buttons.Yes:
            return False
        old_path = self.document.path
        try:
            backup = save_text(path, self.document.text)
        except OSError as err:
            self.statusBar().showMessage(tr("editor.save_failed", error=err))  # type: ignore[attr-defined]
            return False
        self.drafts.discard(old_path)
        self.drafts.discard(path)
        self.copy_source = None
        self.document.mark_saved(path)
        message = (tr("editor.saved_backup", path=path, backup=backup.name) if backup
                   else tr("editor.saved", path=path))
        self.statusBar().showMessage(message, 8000)  # type: ignore[attr-defined]
        self.saved.emit(path)
        return True

    # ----- unsaved work ---------------------------------------------------------------------

    def settle_unsaved(self) -> bool:
        """Ask what to do with unsaved work; False when the author cancels."""
        self.flush_typing()
        if self.document.stack.isClean():
            return True
        answer = prompts.ask(
            self, tr("editor.ask_save_title"),  # type: ignore[arg-type]
            tr("editor.ask_save", name=self.display_name()),
            Buttons.Save | Buttons.Discard | Buttons.Cancel, Buttons.Save)
        if answer == Buttons.Save:
            return self.save()
        if answer == Buttons.Discard:
            self.drafts.discard(self.document.path)
            return True
        return False

    def write_draft(self) -> None:
        """Autosave: keep unsaved work where a crash cannot take it; warn when it cannot."""
        self.flush_typing()
        if not self.document.stack.isClean():
            try:
                self.drafts.write(self.document.path, self.document.text)
            except OSError as err:
                self._draft_warning().setText(tr("editor.draft_failed", folder=self.drafts.folder,
                                                 error=err.strerror or err))
                self._draft_warning().show()
                return
        self._draft_warning().hide()

    def _draft_warning(self) -> QLabel:
        """A label kept in the status bar while drafts cannot be written."""
        label = getattr(self, "_draft_label", None)
        if label is None:
            label = QLabel()
            label.setObjectName("DraftWarning")
            label.setStyleSheet("color: #b3261e; font-weight: bold;")
            self.statusBar().addPermanentWidget(label)  # type: ignore[attr-defined]
            self._draft_label = label
        return label

    def offer_recovery(self) -> None:
        """After opening: if a draft of this file survived, offer to bring it back."""
        if self.document.read_only:
            return  # a shipped scenario is never edited, so it has no draft of its own
        draft = self.drafts.find(self.document.path)
        if draft is None or draft.text == self.document.text:
            return
        if self.ask_recover(draft):
            self.document.edit(tr("editor.recovered"), lambda doc: doc.set_text(draft.text))
        else:
            self.drafts.discard(self.document.path)

    def ask_recover(self, draft: Draft) -> bool:
        """Whether the author wants the draft back."""
        answer = prompts.ask(self, tr("editor.recover_title"),  # type: ignore[arg-type]
                                      tr("editor.recover", time=draft.saved_at.replace("T", " ")))
        return answer == Buttons.Yes

    def flush_typing(self) -> None:
        """Commit text typed in the YAML view that is still waiting (overridden)."""
