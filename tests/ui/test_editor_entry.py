"""The scenario editor opens from the main window's Game menu (Ctrl+E)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from game.ui.editor import ScenarioEditorWindow


def test_ctrl_e_opens_the_editor_on_the_chosen_scenario(qtbot, window) -> None:
    entry = window.start.current_entry()
    assert entry is not None
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "editor", None), ScenarioEditorWindow))
    editor = window.editor
    assert editor.isVisible()
    assert editor.document.path == entry.path
    editor.close()
