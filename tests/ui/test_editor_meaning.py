"""The editor keeps what the author meant: a rename is one undoable step, comments stay with
the node they describe, numbers are read in the window's language and never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from game.scenario.loader import load_scenario
from tests.ui.test_editor_support import answer_questions, edit_with, open_editor, unit_form


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def type_id(window, qtbot, form, new: str) -> None:
    line = form.editors["id"].line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, new)
    edit_with(window, qtbot, lambda: qtbot.keyClick(line, Qt.Key.Key_Return))


def test_renaming_a_unit_is_one_undo_step(qtbot, tmp_path: Path) -> None:
    window = open_editor(qtbot, tmp_path, "tutorial")
    original = window.document.text
    type_id(window, qtbot, unit_form(window, "hexi"), "hexi_town")
    scenario = load_scenario_text(window)
    assert "hexi" not in scenario.seats and "hexi_town" in scenario.seats
    assert "hexi_town" in scenario.tasks[0].carriers
    assert window.document.stack.count() == 1
    assert "hexi_town" in window.actions_["undo"].text()
    edit_with(window, qtbot, window.actions_["undo"].trigger)
    assert window.document.text == original
    assert window.problems == []
    edit_with(window, qtbot, window.actions_["redo"].trigger)
    assert "hexi_town" in load_scenario_text(window).seats


def test_the_page_heading_follows_a_rename(qtbot, tmp_path: Path) -> None:
    window = open_editor(qtbot, tmp_path, "tutorial")
    form = unit_form(window, "hexi")
    name = form.editors["name"].zh
    name.setFocus()
    name.end(False)
    edit_with(window, qtbot, lambda: qtbot.keyClicks(name, "2"))
    assert "河西镇2" in window.pages.heading.text()
    type_id(window, qtbot, window.pages.form, "hexi_town")
    assert "河西镇2" in window.pages.heading.text()
    assert window.current_unit() == "hexi_town"


def load_scenario_text(window):
    path = window.document.path.with_name("check.yaml")
    path.write_text(window.document.text, encoding="utf-8")
    return load_scenario(path)
