"""The editor's files: open, new from a copy, save (backup + atomic), drafts and recovery.

A mixin of ScenarioEditorWindow: it keeps the window's file handling in one place. Questions
to the author go through prompts.ask and QFileDialog's static functions, which tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel

from game.ui.editor import prompts
from game.ui.editor.copy_dialog import CopyDialog
from game.ui.editor.files import Draft, DraftStore, save_text
from game.ui.editor.validation import validate_text
from game.ui.i18n import register, tr
from game.ui.lang import plain

if TYPE_CHECKING:
    from game.ui.editor.controller import EditorDocument

Buttons = prompts.Button

register({
    "editor.draft_failed": ("草稿无法保存到 {folder}（{error}）：未保存的修改只在内存中",
                            "Drafts cannot be written to {folder} ({error}): unsaved work "
                            "lives only in memory"),
})


def default_drafts_dir() -> Path:
    """Drafts go under the app's data folder (QStandardPaths.AppDataLocation)/drafts."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    base = Path(location) if location else Path.home() / ".county-mobilization"
    return base / "drafts"


class FileOps:
    """Open, copy, save and recover for the editor window (a QMainWindow)."""

    document: EditorDocument
    drafts: DraftStore
    copy_source: Path | None

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
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            self.statusBar().showMessage(tr("editor.open_failed", error=err))  # type: ignore[attr-defined]
            return False
        self.copy_source = None
        self.document.reset(text, path)
        self.offer_recovery()
        return True

    def new_from_copy(self, source: Path) -> None:
        """Start an untitled scenario from a copy of `source` (saved only under a new name)."""
        if not self.settle_unsaved():
            return
        self.copy_source = source
        self.document.reset(source.read_text(encoding="utf-8"), None)

    def _on_open(self) -> None:
        start = str(self.document.path.parent) if self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(self, plain(tr("editor.open")), start,  # type: ignore[arg-type]
                                              tr("editor.file_filter"))
        if name:
            self.open_path(Path(name))

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
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        """Save under a name the author chooses."""
        self.flush_typing()
        start = str(self.document.path or (self.copy_source.with_name("new_scenario.yaml")
                                           if self.copy_source else "new_scenario.yaml"))
        name, _ = QFileDialog.getSaveFileName(self, plain(tr("editor.save_as")), start,  # type: ignore[arg-type]
                                              tr("editor.file_filter"))
        return bool(name) and self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        """Write the text to `path` with a backup of the previous version; True when written."""
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
