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


COMMENTED = {
    "  - id: hexi\n": "  # Hexi: the big northern town\n",
    "  - id: shanqian\n": "  # Shanqian: hit by the rain\n",
    "  - id: liutang\n": "  # Liutang: the last township\n",
    "relation_defaults:\n": "# Relations start lukewarm\n",
    "    funds: 8\n    social_resources: 1.0\n": "",
}


def commented_tutorial(tmp_path: Path) -> Path:
    text = (Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.yaml").read_text(
        encoding="utf-8")
    for line, comment in COMMENTED.items():
        assert line in text
        text = text.replace(line, comment + line, 1)
    text = text.replace("    cadre_time: 50\n", "    cadre_time: 50  # two cadres short\n"
                        "    # funds are the township's own\n", 1)
    text = text.replace("    region: north\n    capacity: {reclaim: 950}\n",
                        "    region: north  # the hills\n    # after the survey\n"
                        "    capacity: {reclaim: 950}\n", 1)
    path = tmp_path / "commented.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_removing_a_unit_takes_its_own_comment_and_leaves_the_next_ones(qtbot, tmp_path):
    from game.ui.editor import ScenarioEditorWindow

    window = ScenarioEditorWindow(commented_tutorial(tmp_path), drafts_dir=tmp_path / "d")
    qtbot.addWidget(window)
    edit_with(window, qtbot, lambda: window.units.remove_unit("shanqian"))
    text = window.document.text
    assert "Shanqian: hit by the rain" not in text and "two cadres short" not in text
    assert "  # Hexi: the big northern town\n  - id: hexi\n" in text
    assert "  # Liutang: the last township\n  - id: liutang\n" in text
    edit_with(window, qtbot, lambda: window.units.remove_unit("liutang"))
    text = window.document.text
    assert "Liutang" not in text
    assert "# Relations start lukewarm\nrelation_defaults:\n" in text


def test_clearing_a_field_keeps_the_next_fields_comment(qtbot, tmp_path):
    from game.ui.editor import ScenarioEditorWindow

    window = ScenarioEditorWindow(commented_tutorial(tmp_path), drafts_dir=tmp_path / "d")
    qtbot.addWidget(window)
    assert "the hills" in window.document.text
    line = unit_form(window, "shanqian").editors["region"].line
    line.setFocus()
    line.selectAll()
    edit_with(window, qtbot, lambda: qtbot.keyClick(line, Qt.Key.Key_Backspace))
    text = window.document.text
    assert "the hills" not in text
    assert "    # after the survey\n    capacity: {reclaim: 950}\n" in text
