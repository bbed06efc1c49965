"""The editor's menu commands: the handlers of the actions in editor_actions.

A mixin of ScenarioEditorWindow, so the window module keeps to building and synchronising.
Each handler only routes: the document and the hierarchy actions make the changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.common import i18n
from game.ui.common.i18n import tr
from game.ui.editor.items import TEMPLATES, remove_item

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListView, QTabWidget, QTreeView

    from game.ui.editor.balance_panel import BalancePanel
    from game.ui.editor.controller import EditorDocument
    from game.ui.editor.hierarchy_actions import HierarchyActions
    from game.ui.editor.hierarchy_graph import HierarchyGraph
    from game.ui.editor.outline_model import OutlineNode
    from game.ui.editor.page_area import PageArea
    from game.ui.editor.playtest_panel import PlaytestPanel
    from game.ui.editor.yaml_view import YamlView

ITEM_SECTIONS = {"task": "tasks", "event": "events", "relation": "relations"}


class EditorCommands:
    """Handlers `_on_<action>` of the editor's menu actions."""

    if TYPE_CHECKING:  # what the window provides
        document: EditorDocument
        tree: QTreeView
        units: HierarchyActions
        pages: PageArea
        side: QTabWidget
        bottom: QTabWidget
        yaml: YamlView
        graph: HierarchyGraph
        problem_list: QListView
        playtest: PlaytestPanel
        balance: BalancePanel

        def save(self) -> bool: ...
        def save_as(self) -> bool: ...
        def close(self) -> bool: ...
        def flush_typing(self) -> None: ...
        def current_node(self) -> OutlineNode | None: ...
        def current_unit(self) -> str | None: ...
        def _select_key(self, key: tuple[object, ...]) -> bool: ...

    def _on_save(self) -> None:
        self.save()

    def _on_save_as(self) -> None:
        self.save_as()

    def _on_close(self) -> None:
        self.close()

    def _on_undo(self) -> None:
        self.flush_typing()
        self.document.stack.undo()

    def _on_redo(self) -> None:
        self.flush_typing()
        self.document.stack.redo()

    def _add_item(self, section: str) -> None:
        what = tr(f"editor.section.{section}")
        index: list[int] = []
        self.document.edit(tr("editor.add_item", what=what),
                           lambda doc: index.append(doc.append((section,),
                                                               TEMPLATES[section](doc))))
        if index:
            kind = {v: k for k, v in ITEM_SECTIONS.items()}[section]
            self._select_key((kind, (section, index[0])))

    def _on_add_task(self) -> None:
        self._add_item("tasks")

    def _on_add_event(self) -> None:
        self._add_item("events")

    def _on_add_relation(self) -> None:
        self._add_item("relations")

    def _on_remove_item(self) -> None:
        node = self.current_node()
        if node is None or node.kind not in ITEM_SECTIONS:
            return
        section, index = str(node.path[0]), int(node.path[1])
        self.document.edit(tr("editor.remove_what", what=node.label),
                           lambda doc: remove_item(doc, section, index))

    def _on_unit_menu(self) -> None:
        unit = self.current_unit()
        if unit is not None:
            rect = self.tree.visualRect(self.tree.currentIndex())
            self.units.popup(unit, self.tree.viewport().mapToGlobal(rect.center()))

    def _on_focus_outline(self) -> None:
        self.tree.setFocus()

    def _on_focus_form(self) -> None:
        self.pages.scroller.setFocus()
        self.pages.focusNextChild()

    def _on_focus_yaml(self) -> None:
        self.side.setCurrentWidget(self.yaml)
        self.yaml.setFocus()

    def _on_focus_graph(self) -> None:
        self.side.setCurrentWidget(self.graph)
        self.graph.setFocus()

    def _on_focus_problems(self) -> None:
        self.bottom.setCurrentWidget(self.problem_list)
        self.problem_list.setFocus()

    def _on_language(self) -> None:
        i18n.set_language("en" if i18n.language() == "zh" else "zh")

    def _on_play(self) -> None:
        self.bottom.setCurrentWidget(self.playtest)
        self.playtest.run_button.setFocus()

    def _on_balance(self) -> None:
        self.bottom.setCurrentWidget(self.balance)
        self.balance.run_button.setFocus()
