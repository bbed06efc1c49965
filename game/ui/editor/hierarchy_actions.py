"""The hierarchy's commands, shared by the menu, the outline tree and the graph:
add a unit under the selected one, remove it, give it another parent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from game.scenario.models import ALLOWED_PARENTS
from game.ui.common.i18n import language, tr
from game.ui.editor import prompts
from game.ui.editor import units as unit_ops
from game.ui.editor.candidates import label_of
from game.ui.editor.controller import EditorDocument
from game.ui.editor.schema_text import choice_label


class HierarchyActions(QObject):
    """Unit commands as QActions, enabled for what the selected unit allows.

    Signals:
        unit_added(str): a unit was added (its id), to be selected.
        refused(str): a change was not allowed; why, in the window's language.
    """

    unit_added = Signal(str)
    refused = Signal(str)

    def __init__(self, window: QWidget, document: EditorDocument,
                 current_unit: Callable[[], str | None]) -> None:
        super().__init__(window)
        self.window, self.document, self.current_unit = window, document, current_unit
        self.add: dict[str, QAction] = {}
        for kind in ALLOWED_PARENTS:
            action = QAction(window)
            action.triggered.connect(lambda _=False, kind=kind: self.add_unit(kind))
            self.add[kind] = action
        self.remove = QAction(window)
        self.remove.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.remove.triggered.connect(self._on_remove_triggered)
        self.retranslate()

    def retranslate(self) -> None:
        """Action texts in the window's language."""
        for kind, action in self.add.items():
            action.setText(tr("editor.add_unit", kind=choice_label(kind)))
        self.remove.setText(tr("editor.remove_unit"))

    def update_enabled(self) -> None:
        """Enable the kinds that may go under the selected unit (any kind at the top)."""
        doc = self.document.doc
        current = self.current_unit()
        kind = None
        if current is not None and doc.ok:
            index = unit_ops.index_of(doc, current)
            kind = unit_ops.units(doc)[index].get("kind") if index is not None else None
        allowed = set(unit_ops.child_kinds(kind)) if kind else set(ALLOWED_PARENTS)
        editable = doc.ok and not self.document.read_only
        for each, action in self.add.items():
            action.setEnabled(editable and each in allowed)
        self.remove.setEnabled(editable and current is not None)

    def add_unit(self, kind: str) -> str | None:
        """Add a unit of `kind` under the selected unit; its id."""
        parent = self.current_unit()
        created: list[str] = []

        def change(doc: object) -> None:
            index = unit_ops.add_unit(self.document.doc, kind, parent)
            created.append(str(self.document.doc.get(("units", index, "id"))))

        self.document.edit(tr("editor.add_unit", kind=choice_label(kind)), change)
        if created:
            self.offer_joining(created[0])
            self.unit_added.emit(created[0])
        return created[0] if created else None

    def offer_joining(self, unit_id: str) -> bool:
        """Ask whether a new unit joins the tasks it could carry and the seats; True if so.

        Without it a new township carries nothing and nobody can play it (only a lint
        warning told the author).
        """
        doc = self.document.doc
        tasks = unit_ops.joinable_tasks(doc, unit_id)
        seat = unit_ops.may_be_seat(doc, unit_id)
        if not tasks and not seat:
            return False
        comma = "、" if language() == "zh" else ", "
        names = comma.join(label_of(doc.get(("tasks", t), {})) for t in tasks)
        key = ("editor.join_tasks_and_seats" if seat else "editor.join_tasks") if tasks \
            else "editor.join_seats"
        unit = unit_ops.units(doc)[unit_ops.index_of(doc, unit_id) or 0]
        question = tr(key, unit=label_of(unit), tasks=names)
        if prompts.ask(self.window, tr("editor.join_title"), question) != prompts.Button.Yes:
            return False
        return self.document.edit(tr("editor.join_unit", unit=unit_id),
                                  lambda d: unit_ops.join(d, unit_id, tasks, seat))

    def _on_remove_triggered(self) -> None:
        current = self.current_unit()
        if current is not None:
            self.remove_unit(current)

    def _locked(self) -> bool:
        """A shipped scenario: say so instead of changing nothing in silence."""
        if self.document.read_only:
            self.refused.emit(tr("editor.read_only_refused"))
        return self.document.read_only

    def remove_unit(self, unit_id: str) -> None:
        """Remove a unit with everything below it and every reference to them."""
        if self._locked():
            return
        self.document.edit(tr("editor.remove_unit"),
                           lambda doc: unit_ops.remove_unit(self.document.doc, unit_id))

    def reparent(self, unit_id: str, parent: str | None) -> bool:
        """Give `unit_id` the parent `parent` (None: the top) if the levels allow it."""
        doc = self.document.doc
        if self._locked():
            return False
        if parent is not None and parent not in unit_ops.allowed_parents(doc, unit_id):
            self.refused.emit(tr("editor.move_refused", unit=unit_id, parent=parent))
            return False
        return self.document.edit(tr("editor.move_unit"),
                                  lambda d: unit_ops.set_parent(self.document.doc, unit_id,
                                                                parent))

    def popup(self, unit_id: str, where: QPoint) -> QMenu:
        """The context menu of a unit: add below it, move it, remove it."""
        menu = QMenu(self.window)
        self.update_enabled()
        for action in self.add.values():
            if action.isEnabled():
                menu.addAction(action)
        move = menu.addMenu(tr("editor.move_under"))
        doc = self.document.doc
        labels = {u.get("id"): label_of(u) for u in unit_ops.units(doc)}
        for parent in unit_ops.allowed_parents(doc, unit_id):
            action = move.addAction(labels.get(parent, parent))
            action.triggered.connect(self._mover(unit_id, parent))
        move.setEnabled(not move.isEmpty())
        menu.addSeparator()
        menu.addAction(self.remove)
        menu.popup(where)
        return menu

    def _mover(self, unit_id: str, parent: str) -> Callable[[], None]:
        def on_triggered() -> None:
            self.reparent(unit_id, parent)

        return on_triggered
