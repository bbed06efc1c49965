"""The document being edited, its undo stack, and the one way the editor's views change it.

Every edit, from a form, the tree, the graph or the YAML view, is an `edit(label, change)`:
the change runs on the ScenarioDocument, and the text before and after goes on the undo stack,
so undo and redo restore the exact text. Views listen to `changed` and re-read the document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from game.scenario.document import ScenarioDocument

Change = Callable[[ScenarioDocument], object]
MERGING = 1


class DocumentEdit(QUndoCommand):
    """One edit as the texts before and after it; consecutive edits of one field merge."""

    def __init__(self, owner: EditorDocument, label: str, before: str, after: str,
                 merge_key: object = None) -> None:
        super().__init__(label)
        self._owner = owner
        self.before, self.after = before, after
        self.merge_key = merge_key
        self._done = True  # the change is already applied when the command is pushed

    def id(self) -> int:
        return MERGING if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, DocumentEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._owner.restore(self.after)

    def undo(self) -> None:
        self._owner.restore(self.before)


class EditorDocument(QObject):
    """A scenario document open in the editor.

    Signals:
        changed(object): the text changed; the argument is the view that made the change
            (so it need not re-read what it wrote), or None.
        path_changed(): the file the document belongs to changed (save as, open).
    """

    changed = Signal(object)
    path_changed = Signal()

    def __init__(self, text: str, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.doc = ScenarioDocument(text, str(path) if path else "<scenario>")
        self.stack = QUndoStack(self)
        self._generation = 0
        self.read_only = False  # a shipped scenario: looked at, saved only as a copy

    @property
    def text(self) -> str:
        """The current YAML text."""
        return self.doc.text

    def edit(self, label: str, change: Change, merge: object = None,
             source: object = None) -> bool:
        """Apply `change` as one undoable edit; False when it changed nothing (or read-only)."""
        if self.read_only:
            return False
        before = self.doc.text
        with self.doc.batch():
            change(self.doc)
        return self._record(label, before, merge, source)

    def replace_text(self, text: str, source: object = None) -> bool:
        """The YAML view's edit: the whole text (kept even when it does not parse)."""
        if self.read_only:
            return False
        before = self.doc.text
        self.doc.set_text(text)
        return self._record("yaml", before, "yaml", source)

    def _record(self, label: str, before: str, merge: object, source: object) -> bool:
        after = self.doc.text
        if after == before:
            return False
        key = (merge, self._generation) if merge is not None else None
        self.stack.push(DocumentEdit(self, label, before, after, key))
        self._notify(source)
        return True

    def amend(self, label: str, change: Change, merge: object) -> bool:
        """Apply `change` as part of the last edit, when that edit was of `merge` (a field's
        path) and nothing came after it: one Undo then takes both back (a rename and the
        references that follow it). Otherwise it is an edit of its own.
        """
        top = self.stack.command(self.stack.index() - 1) if self.stack.index() else None
        fits = (isinstance(top, DocumentEdit) and not self.stack.canRedo()
                and not self.stack.isClean() and isinstance(top.merge_key, tuple)
                and top.merge_key[0] == merge)
        if not fits or self.read_only:
            return self.edit(label, change)
        assert isinstance(top, DocumentEdit)
        with self.doc.batch():
            change(self.doc)
        if self.doc.text == top.after:
            return False
        top.after = self.doc.text
        top.merge_key = None  # closed: later typing in the field is an edit of its own
        top.setText(label)
        self.seal()
        self.stack.indexChanged.emit(self.stack.index())  # the Undo action's text follows
        self._notify(None)
        return True

    def seal(self) -> None:
        """End the current run of merged edits (a field lost focus)."""
        self._generation += 1

    def restore(self, text: str) -> None:
        """Put back a text from the undo stack."""
        self.doc.set_text(text)
        self.seal()
        self._notify(None)

    def reset(self, text: str, path: Path | None) -> None:
        """Start over on another text (open, new from a copy): a clean, empty undo stack."""
        self.path = path
        self.doc = ScenarioDocument(text, str(path) if path else "<scenario>")
        self.stack.clear()
        self.path_changed.emit()
        self._notify(None)

    def mark_saved(self, path: Path) -> None:
        """The text is now the file's."""
        if path != self.path:
            self.path = path
            self.doc.file = str(path)
            self.path_changed.emit()
        self.stack.setClean()

    def _notify(self, source: object) -> None:
        self.changed.emit(source)
