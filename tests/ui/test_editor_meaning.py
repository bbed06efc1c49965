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


def type_id(window, qtbot, form, new: str, commit: str = "return") -> None:
    line = form.editors["id"].line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, new)
    if commit == "return":
        edit_with(window, qtbot, lambda: qtbot.keyClick(line, Qt.Key.Key_Return))
    else:  # the author moves on to another field
        edit_with(window, qtbot, lambda: form.editors["name"].focus_target().setFocus())


@pytest.mark.parametrize("commit", ["return", "focus"])
def test_renaming_a_unit_is_one_undo_step(qtbot, tmp_path: Path, commit: str) -> None:
    window = open_editor(qtbot, tmp_path, "tutorial")
    window.activateWindow()
    original = window.document.text
    type_id(window, qtbot, unit_form(window, "hexi"), "hexi_town", commit)
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


def test_renaming_a_task_is_one_undo_step(qtbot, tmp_path: Path) -> None:
    window = open_editor(qtbot, tmp_path, "tutorial")
    original = window.document.text
    window._select_key(("task", ("tasks", 0)))
    type_id(window, qtbot, window.pages.form, "farmland")
    scenario = load_scenario_text(window)
    assert scenario.events[0].task == "farmland"
    assert "farmland" in scenario.unit("hexi").capacity
    assert window.document.stack.count() == 1
    edit_with(window, qtbot, window.actions_["undo"].trigger)
    assert window.document.text == original


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


def type_number(window, qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_numbers_follow_the_ui_language_not_the_system(qtbot, tmp_path, lang) -> None:
    from PySide6.QtCore import QLocale

    from game.ui.common import i18n

    i18n.set_language(lang)
    system = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        window = open_editor(qtbot, tmp_path, "tutorial")
        editor = unit_form(window, "hexi").editors["social_resources"]
        assert editor.spin.locale().decimalPoint() == "."
        with qtbot.waitSignal(window.validated, timeout=3000):
            type_number(window, qtbot, editor.spin, "2.25")
        assert "    social_resources: 2.25\n" in window.document.text
    finally:
        QLocale.setDefault(system)


@pytest.mark.parametrize("typed", ["2,75", "1,000", "2.2.5"])
def test_an_ambiguous_number_is_refused_with_a_message(qtbot, tmp_path, typed) -> None:
    window = open_editor(qtbot, tmp_path, "tutorial")
    editor = unit_form(window, "hexi").editors["social_resources"]
    before = window.document.text
    type_number(window, qtbot, editor.spin, typed)
    assert window.document.text == before
    assert editor.spin.value() == 1.5
    assert editor.note.isVisible() and typed in editor.note.text()
    assert typed in window.statusBar().currentMessage()
    type_number(window, qtbot, editor.spin, "1.75")
    qtbot.waitUntil(lambda: "social_resources: 1.75" in window.document.text)
    assert not editor.note.isVisible()


def test_a_decimal_point_in_a_whole_number_is_refused(qtbot, tmp_path) -> None:
    window = open_editor(qtbot, tmp_path, "tutorial")
    window._select_key(("meta",))
    editor = window.pages.form.editors["turns"]
    assert editor.spec.integer
    before = window.document.text
    type_number(window, qtbot, editor.spin, "1.5")
    assert window.document.text == before and editor.note.isVisible()


def test_a_german_locale_refuses_a_point_it_would_read_as_thousands(qtbot) -> None:
    from PySide6.QtCore import QLocale

    from game.ui.common.numbers import LocaleDoubleSpinBox

    spin = LocaleDoubleSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(0, 1000)
    spin.setKeyboardTracking(False)
    spin.setValue(1)
    spin.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    spin.show()
    with qtbot.waitSignal(spin.refused) as refused:
        type_number(None, qtbot, spin, "2.25")
    assert spin.value() == 1 and "2.25" in refused.args[0]
    type_number(None, qtbot, spin, "2,25")
    assert spin.value() == 2.25


def test_numbers_in_a_table_are_shown_whole_not_as_exponents(qtbot) -> None:
    from game.ui.common.numbers import shown_number

    assert shown_number(1_000_000) == "1000000"
    assert shown_number(1_000_000.0) == "1000000"
    assert shown_number(0.15) == "0.15"
    assert shown_number(2.25) == "2.25"


def test_a_file_that_cannot_be_read_opens_an_untitled_editor_that_says_why(qtbot, tmp_path):
    from game.ui.editor import ScenarioEditorWindow

    bad = tmp_path / "binary.yaml"
    bad.write_bytes(b"\xff\xfe\x00 not text")
    window = ScenarioEditorWindow(bad, drafts_dir=tmp_path / "d", user_dir=tmp_path / "mine")
    qtbot.addWidget(window)
    window.show()
    window.validate_now()
    assert window.document.path is None
    message = window.statusBar().currentMessage()
    assert "utf-8" in message.lower() and "binary.yaml:1:1" in message  # the one reader's words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_of_a_refused_number(qtbot, tmp_path, screenshot, lang) -> None:
    from game.ui.common import i18n

    i18n.set_language(lang)
    window = open_editor(qtbot, tmp_path, "tutorial")
    window.resize(1024, 640)
    editor = unit_form(window, "hexi").editors["social_resources"]
    type_number(window, qtbot, editor.spin, "2,75")
    assert editor.note.isVisible()
    window.pages.scroller.ensureWidgetVisible(editor)
    screenshot(window, "editor_number_refused")
