"""The scenario editor opens from the main window's Game menu (Ctrl+E)."""

from __future__ import annotations

import shutil

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
    assert editor.document.read_only and editor.banner.isVisible()  # shipped: save a copy
    editor.close()


def test_a_play_test_can_be_taken_over_in_the_game_window(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "editor", None), ScenarioEditorWindow))
    editor = window.editor
    qtbot.waitUntil(lambda: editor.scenario is not None and editor.playtest.seat.count() > 0)
    panel = editor.playtest
    panel.turn.setValue(3)
    panel.select_seat("hexi")
    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None)
    game = window.session.game
    assert (game.turn, game.phase) == (3, "plan")
    assert window.session.seat == "hexi" and not game.is_bot("hexi")
    editor.close()


def test_an_edited_unsaved_scenario_cannot_be_taken_over(qtbot, window) -> None:
    own = window.paths.scenarios_dir / "mine.yaml"
    shutil.copy(window.start.current_entry().path, own)
    window.start.refresh_library(select=own)
    assert window.start.current_entry().origin == "own"
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "editor", None), ScenarioEditorWindow))
    editor = window.editor
    assert editor.document.path == own and not editor.document.read_only
    qtbot.waitUntil(lambda: editor.scenario is not None and editor.playtest.seat.count() > 0)
    assert editor.document.replace_text(editor.document.text + "\n# an unsaved comment\n")
    qtbot.mouseClick(editor.playtest.take_button, Qt.MouseButton.LeftButton)
    assert window.session is None
    assert "保存" in editor.playtest.status.text()
    editor.document.stack.setClean()
    editor.close()
