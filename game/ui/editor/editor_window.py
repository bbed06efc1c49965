"""The scenario editor: outline, schema-built forms, the YAML beside them, problems, play-test
and balance, all over one comment-keeping document with undo.

Open it with `ScenarioEditorWindow(path)` (None: a new scenario) and `.show()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from game.scenario.loader import Problem, ScenarioError
from game.scenario.models import Scenario
from game.scenario.reader import read_file
from game.ui.common.i18n import tr
from game.ui.common.lang import follow_language
from game.ui.editor import editor_actions, strings  # noqa: F401 (registers the strings)
from game.ui.editor.balance_panel import BalancePanel
from game.ui.editor.controller import EditorDocument
from game.ui.editor.editor_commands import ITEM_SECTIONS, EditorCommands
from game.ui.editor.file_ops import FileOps, default_drafts_dir, default_user_dir, is_shipped
from game.ui.editor.files import DraftStore
from game.ui.editor.hierarchy_actions import HierarchyActions
from game.ui.editor.hierarchy_graph import HierarchyGraph
from game.ui.editor.items import BLANK_SCENARIO
from game.ui.editor.outline_model import OutlineModel, OutlineNode
from game.ui.editor.page_area import PageArea, node_key_for
from game.ui.editor.playtest_panel import PlaytestPanel
from game.ui.editor.problem_model import ProblemModel
from game.ui.editor.read_only import ReadOnlyBanner
from game.ui.editor.schema_form import FormContext
from game.ui.editor.validation import validate_document
from game.ui.editor.yaml_view import YamlView

#: Pause after an edit before re-validating (ms): short enough that the messages follow
#: within 200 ms on a normal scenario, long enough to validate once per burst of typing.
VALIDATE_DELAY_MS = 40
AUTOSAVE_MS = 30_000


class ScenarioEditorWindow(EditorCommands, FileOps, QMainWindow):
    """The scenario editor.

    Args:
        path: the scenario file to open; None starts a new scenario. A shipped scenario
            opens read-only: the author saves a copy to change it.
        drafts_dir: where drafts of unsaved work go (default: the app's data folder).
        user_dir: the author's scenarios folder, where Open and Save As start (default: the
            app's data folder/scenarios, AppPaths.scenarios_dir).
        autosave_ms: how often unsaved work is written as a draft.

    Signals:
        validated(list): the problems, after each re-validation.
        saved(Path): the scenario was written to this file.
    """

    validated = Signal(list)
    saved = Signal(object)
    #: (game, seat, path): a person takes `seat` of a play-test in the game window.
    play_requested = Signal(object, str, object)

    def __init__(self, path: Path | None, parent: QWidget | None = None, *,
                 drafts_dir: Path | None = None, user_dir: Path | None = None,
                 autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.setObjectName("ScenarioEditorWindow")
        self.drafts = DraftStore(drafts_dir or default_drafts_dir())
        self.user_dir = user_dir or default_user_dir()
        self.copy_source: Path | None = None
        text, self.open_problem = BLANK_SCENARIO, ""  # why the file asked for is not shown
        try:
            text = read_file(path) if path is not None else BLANK_SCENARIO
        except ScenarioError as err:  # a new scenario instead, and why (located, one line)
            path, self.open_problem = None, tr("editor.open_failed", error=err.problems[0])
        self.document = EditorDocument(text, path, self)
        self.document.read_only = is_shipped(path)
        self.scenario: Scenario | None = None
        self.problems: list[Problem] = []
        self._build()
        self._timers(autosave_ms)
        self._connect()
        follow_language(self, self.retranslate)
        self.retranslate()
        self._on_document_changed(None)
        self._select_key(("meta",))
        self._show_read_only()
        self.resize(1280, 720)
        self.splitters[0].setSizes([250, 560, 470])
        self.splitters[1].setSizes([560, 150])
        self.offer_recovery()

    # ----- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.outline = OutlineModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.outline)
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(14)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pages = PageArea(FormContext(self.document, self.reveal), self)
        self.yaml = YamlView(self)
        self.graph = HierarchyGraph(self)
        self.side = QTabWidget(self)
        self.side.addTab(self.yaml, "")
        self.side.addTab(self.graph, "")
        self.problem_model = ProblemModel(self)
        self.problem_list = QListView(self)
        self.problem_list.setModel(self.problem_model)
        self.playtest = PlaytestPanel(lambda: self.scenario, self)
        self.playtest.take_seat_requested.connect(self._on_take_seat_requested)
        self.balance = BalancePanel(lambda: self.scenario, self)
        self.bottom = QTabWidget(self)
        for widget in (self.problem_list, self.playtest, self.balance):
            self.bottom.addTab(widget, "")
        self.units = HierarchyActions(self, self.document, self.current_unit)
        handlers = {name: getattr(self, f"_on_{name}") for name in editor_actions.ACTIONS}
        self.actions_ = editor_actions.build_actions(self, handlers)
        self.menus = editor_actions.build_menus(
            self, self.actions_, {"units": [*self.units.add.values(), self.units.remove]})
        self._lay_out()

    def _lay_out(self) -> None:
        top = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.tree, self.pages, self.side):
            top.addWidget(widget)
        top.setSizes([250, 560, 470])
        top.setChildrenCollapsible(False)
        whole = QSplitter(Qt.Orientation.Vertical, self)
        whole.addWidget(top)
        whole.addWidget(self.bottom)
        whole.setStretchFactor(0, 1)
        whole.setStretchFactor(1, 0)
        whole.setChildrenCollapsible(False)
        self.splitters = (top, whole)
        self.banner = ReadOnlyBanner(self)
        self.banner.copy_requested.connect(self.save_copy)
        self.copy_button = self.banner.copy_button
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(whole, 1)
        self.setCentralWidget(central)
        self.tree.setMinimumWidth(180)
        self.pages.setMinimumWidth(380)
        self.side.setMinimumWidth(300)
        # No fixed minimum: the bottom strip is never lower than its panels need (the
        # play-test settings were squeezed to nothing under a fixed 120 px).

    def _show_read_only(self) -> None:
        """A shipped scenario is looked at, not changed: every way to edit is closed."""
        locked = self.document.read_only
        self.banner.setVisible(locked)
        self.yaml.setReadOnly(locked)
        self.pages.set_read_only(locked)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop if locked
                                  else QAbstractItemView.DragDropMode.DragDrop)
        self._update_actions()

    def _timers(self, autosave_ms: int) -> None:
        self.validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self.validate_timer.timeout.connect(self._on_validate_due)
        self.autosave_timer = QTimer(self, interval=autosave_ms)
        self.autosave_timer.timeout.connect(self.write_draft)

    def _connect(self) -> None:
        self.document.changed.connect(self._on_document_changed)
        self.document.path_changed.connect(self._on_path_changed)
        self.document.stack.cleanChanged.connect(self._update_title)
        self.document.stack.indexChanged.connect(self._on_stack_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_outline_current)
        self.tree.customContextMenuRequested.connect(self._on_tree_menu)
        self.outline.reparent_requested.connect(self.units.reparent)
        self.outline.modelAboutToBeReset.connect(self._on_outline_resetting)
        self.outline.modelReset.connect(self._on_outline_reset)
        self.graph.unit_selected.connect(self._on_graph_unit_selected)
        self.graph.reparent_requested.connect(self.units.reparent)
        self.graph.remove_requested.connect(self.units.remove_unit)
        self.graph.menu_requested.connect(self.units.popup)
        self.units.unit_added.connect(self._on_unit_added)
        self.units.refused.connect(lambda why: self.statusBar().showMessage(why, 6000))
        self.yaml.text_committed.connect(self._on_yaml_committed)
        self.problem_list.activated.connect(self._on_problem_activated)
        self.problem_list.clicked.connect(self._on_problem_activated)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]

    def retranslate(self) -> None:
        """Every text in the window's language."""
        editor_actions.retranslate(self.actions_, self.menus)
        self.units.retranslate()
        self.side.setTabText(0, tr("editor.tab.yaml"))
        self.side.setTabText(1, tr("editor.tab.graph"))
        for index, key in ((1, "play"), (2, "balance")):
            self.bottom.setTabText(index, tr(f"editor.tab.{key}"))
        self.tree.setAccessibleName(tr("editor.outline"))
        self.yaml.setAccessibleName(tr("editor.yaml_view"))
        self.graph.setAccessibleName(tr("editor.graph_view"))
        self.problem_list.setAccessibleName(tr("editor.problem_list"))
        self.banner.retranslate()
        self.playtest.retranslate()
        self.balance.retranslate()
        self.problem_model.retranslate()
        self._refresh_views(rebuild_graph=True)
        self.pages.retranslate()
        self._show_counts()
        self._update_title()
        self._on_stack_changed()

    # ----- the document changed -------------------------------------------------------------

    def _on_document_changed(self, source: object) -> None:
        if source is not self.yaml:
            self.yaml.show_text(self.document.text)
        self._refresh_views(rebuild_graph=True)
        self.pages.refresh()
        self._update_actions()
        self.validate_timer.start(0 if source is self.yaml else VALIDATE_DELAY_MS)
        self._update_title()

    def _refresh_views(self, rebuild_graph: bool) -> None:
        if not self.document.doc.ok:
            return  # keep the last good outline and graph while the YAML is broken
        self.outline.rebuild(self.document.doc)
        if rebuild_graph:
            self.graph.show_document(self.document.doc)
            self.graph.select_unit(self.current_unit())

    def _on_validate_due(self) -> None:
        self.scenario, self.problems = validate_document(self.document.doc, self.display_name())
        self.problem_model.set_problems(self.problems)
        self.yaml.set_problems(self.problems)
        if self.scenario is not None:
            self.playtest.show_scenario()
        self._show_counts()
        self.validated.emit(self.problems)

    def _show_counts(self) -> None:
        errors, warnings = self.problem_model.counts()
        self.bottom.setTabText(0, tr("editor.tab.problems", count=errors + warnings))
        text = tr("editor.valid") if not errors else tr("editor.counts", errors=errors,
                                                         warnings=warnings)
        if self.open_problem and self.document.stack.isClean():
            text = f"{self.open_problem} · {text}"
        self.statusBar().showMessage(text)

    def _on_yaml_committed(self, text: str) -> None:
        self.document.replace_text(text, source=self.yaml)

    def flush_typing(self) -> None:
        """Commit what was typed in the YAML view and is still waiting."""
        self.yaml.flush()

    def validate_now(self) -> list[Problem]:
        """Re-validate at once (tests, saving)."""
        self.flush_typing()
        self.validate_timer.stop()
        self._on_validate_due()
        return self.problems

    def _on_path_changed(self) -> None:
        self.document.read_only = is_shipped(self.document.path)
        self._show_read_only()
        self._update_title()

    def _on_stack_changed(self, *_: object) -> None:
        stack = self.document.stack
        undo, redo = self.actions_["undo"], self.actions_["redo"]
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(tr("editor.undo_what", what=stack.undoText()) if stack.canUndo()
                     else tr("editor.undo"))
        redo.setText(tr("editor.redo_what", what=stack.redoText()) if stack.canRedo()
                     else tr("editor.redo"))

    def _update_title(self, *_: object) -> None:
        dirty = "" if self.document.stack.isClean() else " *"
        if self.document.read_only:
            dirty = tr("editor.read_only_mark")
        self.setWindowTitle(tr("editor.title", name=self.display_name(), dirty=dirty))

    # ----- selection --------------------------------------------------------------------------

    def current_node(self) -> OutlineNode | None:
        """The outline node selected."""
        return self.outline.node(self.tree.currentIndex())

    def current_unit(self) -> str | None:
        """The id of the selected unit, if a unit is selected."""
        node = self.current_node()
        return node.unit_id if node is not None and node.kind == "unit" else None

    def _select_key(self, key: tuple[Any, ...]) -> bool:
        index = self.outline.find(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        return index.isValid()

    def select_unit(self, unit_id: str) -> None:
        """Select a unit in the outline (and so in the graph and the form)."""
        index = self.outline.find_unit(unit_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _on_outline_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        node = self.outline.node(current)
        self.pages.show_node(node)
        self.graph.select_unit(node.unit_id if node is not None and node.kind == "unit"
                               else None)
        self._update_actions()

    def _update_actions(self) -> None:
        """Enable what the document and the selection allow (nothing edits broken YAML, nor
        a shipped scenario)."""
        ok = self.document.doc.ok and not self.document.read_only
        node = self.current_node()
        self.units.update_enabled()
        for name in ("add_task", "add_event", "add_relation"):
            self.actions_[name].setEnabled(ok)
        self.actions_["remove_item"].setEnabled(ok and node is not None
                                                and node.kind in ITEM_SECTIONS)
        self.actions_["unit_menu"].setEnabled(ok and self.current_unit() is not None)

    def _on_outline_resetting(self) -> None:
        node = self.current_node()
        self._kept_key = node.key if node is not None else ("meta",)
        self._kept_open = [self.outline.node(i).key for i in self._expanded()]  # type: ignore[union-attr]

    def _on_outline_reset(self) -> None:
        kept = getattr(self, "_kept_open", [])
        if not kept:
            self.tree.expandAll()
        for key in kept:
            self.tree.expand(self.outline.find(key))
        key = getattr(self, "_kept_key", ("meta",))
        if not self._select_key(key) and len(key) > 1:
            self._select_key(node_key_for(key[1][:1]))  # the item went: its section

    def _expanded(self) -> list[QModelIndex]:
        found, stack = [], [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.outline.rowCount(parent)):
                index = self.outline.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    found.append(index)
                    stack.append(index)
        return found

    def _on_graph_unit_selected(self, unit_id: str) -> None:
        self.select_unit(unit_id)

    def _on_unit_added(self, unit_id: str) -> None:
        self.select_unit(unit_id)

    def _on_tree_menu(self, pos: QPoint) -> None:
        node = self.outline.node(self.tree.indexAt(pos))
        if node is not None and node.kind == "unit":
            self.units.popup(node.unit_id, self.tree.viewport().mapToGlobal(pos))

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not self.isVisible():
            return
        self.document.seal()  # a field's run of merged edits ends when it loses the focus
        if self.pages.form is not None and new is not None:
            spec = self.pages.form.spec_of(new)
            if spec is not None:
                self.pages.show_help(spec)
                self.pages.scroller.ensureWidgetVisible(new)

    # ----- problems: each linked to its line and its field ---------------------------------------

    def _on_take_seat_requested(self, game: object, seat: str) -> None:
        path = self.document.path
        if path is None or not self.document.stack.isClean():
            self.playtest.status.setText(tr("editor.play.take_needs_save"))
            return
        self.playtest.status.setText(tr("editor.play.taken", seat=seat,
                                        turn=getattr(game, "turn", 1)))
        self.play_requested.emit(game, seat, path)

    def _on_problem_activated(self, index: QModelIndex) -> None:
        problem = self.problem_model.problem(index.row())
        if problem is not None:
            self.show_problem(problem)

    def show_problem(self, problem: Problem) -> QWidget | None:
        """Put the YAML cursor on the problem and focus its field; the focused field."""
        self.yaml.go_to(problem.line, problem.col)
        if not self.document.doc.ok:
            self.yaml.setFocus()
            return self.yaml
        path = self.document.doc.path_at(problem.line, problem.col)
        self._select_key(node_key_for(path))
        return self.pages.focus_path(path)

    def reveal(self, path: tuple[str | int, ...]) -> None:
        """Show a path's line in the YAML view."""
        if self.document.doc.ok:
            self.side.setCurrentWidget(self.yaml)
            self.yaml.go_to(*self.document.doc.position(path))
            self.yaml.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.settle_unsaved():
            event.ignore()
            return
        self.playtest.stop()
        self.balance.stop()
        self.autosave_timer.stop()
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.autosave_timer.start()
