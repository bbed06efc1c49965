"""The authoring loop, closed: an author copies the tutorial in the editor, adds a township
(joined to the task's carriers and the seats), saves into their own folder, closes the editor
and starts the copy from the start screen's library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from game.scenario.loader import load_scenario
from game.ui.editor import ScenarioEditorWindow
from tests.ui.test_editor_support import answer_questions

Yes = QMessageBox.StandardButton.Yes


def open_editor_from_start(qtbot, window) -> ScenarioEditorWindow:
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "editor", None), ScenarioEditorWindow))
    editor = window.editor
    qtbot.waitUntil(lambda: editor.scenario is not None)
    return editor


def test_an_author_copies_the_tutorial_adds_a_township_and_plays_it(qtbot, window, monkeypatch,
                                                                    screenshot):
    asked = answer_questions(monkeypatch, Yes)
    offered: list[str] = []

    def save_where_offered(parent, title, start, filters):  # type: ignore[no-untyped-def]
        offered.append(start)
        return start, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_where_offered))
    assert window.start.current_entry().path.stem == "tutorial"
    editor = open_editor_from_start(qtbot, window)
    assert editor.document.read_only and editor.banner.isVisible()
    assert not editor.units.add["township"].isEnabled()
    screenshot(editor, "editor_read_only")

    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    mine = window.paths.scenarios_dir / "tutorial_copy.yaml"
    assert offered == [str(mine)] and mine.exists()
    assert not editor.document.read_only and not editor.banner.isVisible()

    editor.select_unit("c_county")
    with qtbot.waitSignal(editor.validated, timeout=3000):
        editor.units.add["township"].trigger()
    assert asked and "township" in asked[0]
    new = editor.current_unit()
    assert new == "township"
    editor.validate_now()
    scenario = editor.scenario
    assert new in scenario.tasks[0].carriers and new in scenario.seats
    assert scenario.unit(new).capacity["reclaim"] == 1050  # the other carriers' mean
    assert [p for p in editor.problems if p.severity == "error"] == []

    editor.actions_["save"].trigger()
    assert editor.document.stack.isClean()
    assert editor.close()
    saved = load_scenario(mine)
    assert saved.id == "tutorial_copy" and new in saved.seats

    start = window.start
    qtbot.waitUntil(lambda: start.library.row_of(mine) >= 0)
    row = start.library.row_of(mine)
    index = start.library.index(row)
    assert "我的情景" in start.library.data(index)
    start.scenario_list.setCurrentIndex(index)
    start.select_seat(new)
    screenshot(window, "start_own_scenario")
    qtbot.mouseClick(start.begin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session.game.scenario.id == "tutorial_copy"
    assert window.session.seat == new
    assert window.session.scenario_path == mine


def test_the_offer_can_be_declined_and_the_unit_stays_alone(qtbot, tmp_path: Path, monkeypatch):
    from tests.ui.test_editor_support import open_editor

    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    editor = open_editor(qtbot, tmp_path, "tutorial")
    editor.select_unit("c_county")
    with qtbot.waitSignal(editor.validated, timeout=3000):
        editor.units.add["township"].trigger()
    assert asked
    assert "township" not in editor.scenario.seats
    assert "township" not in editor.scenario.tasks[0].carriers
    assert editor.document.stack.count() == 1


def test_a_new_bureau_is_offered_only_a_seat(qtbot, tmp_path: Path, monkeypatch):
    from tests.ui.test_editor_support import open_editor

    asked = answer_questions(monkeypatch, Yes)
    editor = open_editor(qtbot, tmp_path, "tutorial")
    editor.select_unit("c_county")
    with qtbot.waitSignal(editor.validated, timeout=3000):
        editor.units.add["bureau"].trigger()
    assert len(asked) == 1 and "承接" not in asked[0]
    assert "bureau" in editor.scenario.seats
    assert all("bureau" not in task.carriers for task in editor.scenario.tasks)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_of_a_shipped_scenario_in_the_editor(qtbot, window, screenshot, lang):
    from game.ui.common import i18n

    i18n.set_language(lang)
    editor = open_editor_from_start(qtbot, window)
    editor.select_unit("hexi")
    screenshot(editor, "editor_shipped_read_only")
    editor.close()


def test_a_shipped_scenario_cannot_be_changed_or_overwritten(qtbot, tmp_path, monkeypatch):
    from game.ui.editor.copy_dialog import SHIPPED

    answer_questions(monkeypatch)
    editor = ScenarioEditorWindow(SHIPPED / "tutorial.yaml", drafts_dir=tmp_path / "d",
                                  user_dir=tmp_path / "mine")
    qtbot.addWidget(editor)
    editor.show()
    before = (SHIPPED / "tutorial.yaml").read_text(encoding="utf-8")
    assert editor.yaml.isReadOnly() and not editor.pages.form.isEnabled()
    assert not editor.actions_["add_task"].isEnabled()
    assert editor.units.reparent("hexi", None) is False
    assert "只读" in editor.statusBar().currentMessage()
    editor.units.remove_unit("hexi")
    assert not editor.document.replace_text("id: nothing\n")
    assert editor.save_to(SHIPPED / "tutorial.yaml") is False
    assert str(tmp_path / "mine") in editor.statusBar().currentMessage()
    assert editor.document.text == before == (SHIPPED / "tutorial.yaml").read_text("utf-8")


def test_the_editors_open_starts_in_the_authors_folder(qtbot, tmp_path, monkeypatch):
    answer_questions(monkeypatch)
    mine = tmp_path / "my_scenarios"
    mine.mkdir()
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda parent, title, start, f: (offered.append(start)
                                                                      or ("", ""))))
    editor = ScenarioEditorWindow(None, drafts_dir=tmp_path / "d", user_dir=mine)
    qtbot.addWidget(editor)
    editor.actions_["open"].trigger()
    assert offered == [str(mine)]


def test_save_as_on_a_shipped_scenario_saves_a_copy_with_its_own_id(qtbot, tmp_path,
                                                                    monkeypatch):
    from game.ui.editor.copy_dialog import SHIPPED

    answer_questions(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, start, f: (start, f)))
    editor = ScenarioEditorWindow(SHIPPED / "double_rice.yaml", drafts_dir=tmp_path / "d",
                                  user_dir=tmp_path / "mine")
    qtbot.addWidget(editor)
    assert "只读" in editor.windowTitle()
    editor.actions_["save_as"].trigger()
    copy = tmp_path / "mine" / "double_rice_copy.yaml"
    assert editor.document.path == copy and load_scenario(copy).id == "double_rice_copy"
    assert "只读" not in editor.windowTitle()


def test_a_new_village_is_offered_nothing(qtbot, tmp_path: Path, monkeypatch):
    from tests.ui.test_editor_support import open_editor

    asked = answer_questions(monkeypatch, Yes)
    editor = open_editor(qtbot, tmp_path, "tutorial")
    editor.select_unit("hexi")
    with qtbot.waitSignal(editor.validated, timeout=3000):
        editor.units.add["village"].trigger()
    assert asked == [] and editor.current_unit() == "village"
