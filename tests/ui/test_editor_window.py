"""The scenario editor's forms, YAML view, undo and live validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit

from game.ui.common import i18n
from game.ui.editor.field_editors import NumberEditor, StringEditor
from game.ui.editor.schema_fields import field_specs
from game.ui.editor.schema_text import help_text, title
from tests.ui.test_editor_support import answer_questions, edit_with, open_editor, unit_form

COMMENT = "# The county bureau knows its townships' land well"


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def test_a_units_form_has_a_row_per_schema_field_with_its_title_and_help(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    form = unit_form(window, "beiyuan")
    for spec in field_specs("Unit"):
        label = form.labels[spec.key]
        assert isinstance(label, QLabel) and label.text() == title(spec)
        assert label.toolTip() == help_text(spec)


def test_enums_are_combo_boxes_and_numbers_keep_their_schema_range(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    form = unit_form(window, "beiyuan")
    kind = form.editors["kind"].focus_target()
    morale = form.editors["morale"].focus_target()
    assert isinstance(kind, QComboBox) and kind.count() == 7
    assert isinstance(morale, QDoubleSpinBox) and (morale.minimum(), morale.maximum()) == (0, 1)


def test_editing_a_field_changes_its_yaml_line_and_keeps_the_comments(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    editor: NumberEditor = unit_form(window, "beiyuan").editors["funds"]
    edit_with(window, qtbot, lambda: editor.spin.setValue(9))
    text = window.document.text
    assert "    funds: 9\n" in text and COMMENT in text
    assert window.yaml.toPlainText() == text


def test_typing_in_the_yaml_view_updates_the_form(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    form = unit_form(window, "beiyuan")
    changed = window.yaml.toPlainText().replace("cadre_time: 70", "cadre_time: 75", 1)
    edit_with(window, qtbot, lambda: window.yaml.setPlainText(changed))
    assert form.editors["cadre_time"].spin.value() == 75


def test_undo_and_redo_restore_the_exact_text(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    original = window.document.text
    unit_form(window, "hukou").editors["funds"].spin.setValue(11)
    window.units.add["village"].trigger()
    window.yaml.setPlainText(window.yaml.toPlainText().replace("turns: 8", "turns: 9"))
    window.yaml.flush()
    edited = window.document.text
    while window.document.stack.canUndo():
        window.actions_["undo"].trigger()
    assert window.document.text == original and window.yaml.toPlainText() == original
    while window.document.stack.canRedo():
        window.actions_["redo"].trigger()
    assert window.document.text == edited


def test_ctrl_z_in_a_field_goes_to_the_editors_undo(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    original = window.document.text
    line: QLineEdit = unit_form(window, "hukou").editors["region"].focus_target()
    line.setFocus()
    qtbot.keyClicks(line, "x")
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.text == original


def test_a_bad_value_shows_a_located_message_and_is_kept(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    editor: StringEditor = unit_form(window, "hukou").editors["id"]
    edit_with(window, qtbot, lambda: qtbot.keyClicks(editor.line, " Town"))
    line = window.document.doc.position(("units", 5, "id"))[0]
    assert window.document.doc.get(("units", 5, "id")) == "hukou Town"
    assert any(p.line == line and p.severity == "error" for p in window.problems)


def test_yaml_that_does_not_parse_is_kept_and_locks_the_forms(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    broken = window.yaml.toPlainText().replace("turns: 8", "turns: [8", 1)
    edit_with(window, qtbot, lambda: window.yaml.setPlainText(broken))
    assert window.document.text == broken and window.yaml.toPlainText() == broken
    assert window.problems and window.problems[0].line > 1
    assert not window.pages.isEnabled()


def test_clicking_a_message_selects_its_field_and_its_line(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    window.yaml.setPlainText(window.yaml.toPlainText().replace("cadre_time: 65", "cadre_time: -5"))
    window.validate_now()
    row = next(i for i, p in enumerate(window.problems) if "cadre_time" in p.message)
    window._select_key(("meta",))
    index = window.problem_model.index(row)
    window.problem_list.clicked.emit(index)
    assert window.current_unit() == "hukou"
    assert window.focusWidget() is window.pages.form.editors["cadre_time"].focus_target()
    assert window.yaml.cursor_line_col()[0] == window.problems[row].line


def test_adding_a_task_opens_its_form(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    edit_with(window, qtbot, window.actions_["add_task"].trigger)
    assert window.current_node().kind == "task"
    assert window.pages.form.editors["id"].line.text() == "task"
    assert not any(p.severity == "error" for p in window.problems)


def test_switching_language_relabels_the_form(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    form = unit_form(window, "beiyuan")
    i18n.set_language("en")
    assert form.labels["cadre_time"].text() == "Cadre time per turn"
    assert window.menus["file"].title() == "&File"


def test_the_undo_keys_work_in_the_yaml_view(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    original = window.document.text
    window.yaml.setFocus()
    window.yaml.go_to(1, 1)
    qtbot.keyClicks(window.yaml, "# note")
    qtbot.keyClick(window.yaml, Qt.Key.Key_Return)
    window.yaml.flush()
    edited = window.document.text
    qtbot.keyClick(window.yaml, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.yaml.toPlainText() == original
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.yaml, Qt.Key.Key_Z, shift_ctrl)
    assert window.yaml.toPlainText() == edited


def test_removing_a_task_takes_the_references_to_it(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    edit_with(window, qtbot, window.actions_["add_task"].trigger)
    window._select_key(("task", ("tasks", 0)))
    edit_with(window, qtbot, window.actions_["remove_item"].trigger)
    assert window.document.doc.get(("tasks", 0, "id")) == "task"
    assert "double_rice" not in window.document.doc.get(("units", 4, "capacity"))
    assert window.document.doc.get(("events", 0, "task")) is None
