"""The editor's menus and keyboard shortcuts: one QAction per command, texts from i18n."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from game.ui.common.i18n import tr

#: action name -> (string id, shortcuts)
ACTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "new_copy": ("editor.new_copy", ("Ctrl+N",)),
    "open": ("editor.open", ("Ctrl+O",)),
    "save": ("editor.save", ("Ctrl+S",)),
    "save_as": ("editor.save_as", ("Ctrl+Shift+S",)),
    "close": ("editor.close", ("Ctrl+W",)),
    "undo": ("editor.undo", ("Ctrl+Z",)),
    "redo": ("editor.redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    "add_task": ("editor.add_task", ("Ctrl+Shift+K",)),
    "add_event": ("editor.add_event", ("Ctrl+Shift+E",)),
    "add_relation": ("editor.add_relation", ("Ctrl+Shift+L",)),
    "remove_item": ("editor.remove_item", ("Ctrl+Shift+D",)),
    "unit_menu": ("editor.unit_menu", ("Ctrl+M",)),
    "focus_outline": ("editor.focus.outline", ("Ctrl+1",)),
    "focus_form": ("editor.focus.form", ("Ctrl+2",)),
    "focus_yaml": ("editor.focus.yaml", ("Ctrl+3",)),
    "focus_graph": ("editor.focus.graph", ("Ctrl+4",)),
    "focus_problems": ("editor.focus.problems", ("Ctrl+5",)),
    "language": ("editor.language", ("Ctrl+L",)),
    "play": ("editor.play_test", ("F5",)),
    "balance": ("editor.balance", ("F6",)),
}
MENUS = {
    "file": ("new_copy", "open", None, "save", "save_as", None, "close"),
    "edit": ("undo", "redo", None, "add_task", "add_event", "add_relation", "remove_item"),
    "units": ("unit_menu",),
    "view": ("focus_outline", "focus_form", "focus_yaml", "focus_graph", "focus_problems",
             None, "language"),
    "test": ("play", "balance"),
}


def build_actions(window: QMainWindow,
                  handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """Every action, connected to its handler, with its shortcuts."""
    actions = {}
    for name, (_, keys) in ACTIONS.items():
        action = QAction(window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _=False, name=name: handlers[name]())
        window.addAction(action)
        actions[name] = action
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction],
                extra: dict[str, list[QAction]]) -> dict[str, QMenu]:
    """The menu bar; `extra` adds actions made elsewhere (the unit commands) to a menu."""
    menus = {}
    for name, items in MENUS.items():
        menu = window.menuBar().addMenu("")
        for item in items:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[item])
        if extra.get(name):
            menu.addSeparator()
            menu.addActions(extra[name])
        menus[name] = menu
    return menus


def retranslate(actions: dict[str, QAction], menus: dict[str, QMenu]) -> None:
    """Texts in the window's language."""
    for name, action in actions.items():
        action.setText(tr(ACTIONS[name][0]))
    for name, menu in menus.items():
        menu.setTitle(tr(f"editor.menu.{name}"))
