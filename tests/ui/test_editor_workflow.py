"""An instructor's whole session through the widgets, and the editor's screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from game.scenario.loader import load_scenario
from game.ui.common import i18n
from game.ui.editor import ScenarioEditorWindow
from game.ui.editor.copy_dialog import CopyDialog
from tests.ui.test_editor_support import answer_questions, edit_with, open_editor


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def click_row(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def copy_of_tutorial(qtbot, window) -> None:
    window.actions_["new_copy"].trigger()
    dialog = window.findChild(CopyDialog)
    qtbot.waitUntil(dialog.isVisible)
    row = next(i for i, (path, _) in enumerate(dialog.model.entries) if path.stem == "tutorial")
    click_row(qtbot, dialog.view, dialog.model.index(row))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.validated, timeout=3000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_a_new_scenario_from_a_copy_is_edited_play_tested_and_balanced(qtbot, tmp_path: Path,
                                                                       monkeypatch):
    window = ScenarioEditorWindow(None, drafts_dir=tmp_path / "drafts",
                                  user_dir=tmp_path / "mine")
    qtbot.addWidget(window)
    window.show()
    copy_of_tutorial(qtbot, window)
    assert window.document.path is None and "tutorial" in window.windowTitle()
    click_row(qtbot, window.tree, window.outline.find(("meta",)))
    id_line = window.pages.form.editors["id"].line
    id_line.selectAll()
    edit_with(window, qtbot, lambda: qtbot.keyClicks(id_line, "tutorial_hard"))
    click_row(qtbot, window.tree, window.outline.find(("task", ("tasks", 0))))
    markup = window.pages.form.editors["markup"].spin
    markup.selectAll()
    qtbot.keyClicks(markup, "0.4")
    edit_with(window, qtbot, lambda: qtbot.keyClick(markup, Qt.Key.Key_Return))
    assert window.scenario is not None and window.scenario.tasks[0].markup == 0.4
    window.bottom.setCurrentWidget(window.playtest)
    window.playtest.turn.setValue(2)
    with qtbot.waitSignal(window.playtest.finished, timeout=20_000):
        qtbot.mouseClick(window.playtest.run_button, Qt.MouseButton.LeftButton)
    assert "tutorial_hard" in window.playtest.output.toPlainText()
    window.bottom.setCurrentWidget(window.balance)
    window.balance.games.setValue(3)
    with qtbot.waitSignal(window.balance.finished, timeout=30_000):
        qtbot.mouseClick(window.balance.run_button, Qt.MouseButton.LeftButton)
    assert window.balance.model.rowCount() > 5
    target = tmp_path / "tutorial_hard.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    window.actions_["save"].trigger()
    assert load_scenario(target).tasks[0].markup == 0.4


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_of_the_editor(qtbot, tmp_path: Path, screenshot, lang: str):
    i18n.set_language(lang)
    window = open_editor(qtbot, tmp_path)
    window.resize(1280, 720)
    window.select_unit("beiyuan")
    window.pages.form.editors["cadre_time"].focus_target().setFocus()
    QApplication.processEvents()
    screenshot(window, "editor_unit")
    window._select_key(("task", ("tasks", 0)))
    screenshot(window, "editor_task")
    bad = window.yaml.toPlainText().replace("deadline: 8", "deadline: 80", 1)
    edit_with(window, qtbot, lambda: window.yaml.setPlainText(bad))
    window.show_problem(window.problems[0])
    screenshot(window, "editor_problems")
    window.side.setCurrentWidget(window.graph)
    window._select_key(("events", ))
    window.bottom.setCurrentWidget(window.balance)
    window.balance.games.setValue(6)
    edit_with(window, qtbot, lambda: window.yaml.setPlainText(
        window.yaml.toPlainText().replace("deadline: 80", "deadline: 8", 1)))
    with qtbot.waitSignal(window.balance.finished, timeout=30_000):
        window.balance.run_button.click()
    screenshot(window, "editor_graph_balance")
