"""Saving (backup, atomic write), closing with unsaved work, and drafts that survive a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from game.scenario.loader import load_scenario
from game.ui.editor import ScenarioEditorWindow
from game.ui.editor.files import DraftStore, save_text
from tests.ui.test_editor_support import (
    SCENARIOS,
    answer_questions,
    copy_scenario,
    edit_with,
    open_editor,
    unit_form,
)

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
Cancel = QMessageBox.StandardButton.Cancel


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def change_funds(window, qtbot, value: int = 9) -> None:
    spin = unit_form(window, "beiyuan").editors["funds"].spin
    edit_with(window, qtbot, lambda: spin.setValue(value))


def test_saving_keeps_the_previous_version_as_a_backup(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    path = window.document.path
    before = path.read_text(encoding="utf-8")
    change_funds(window, qtbot)
    assert window.save()
    assert Path(f"{path}.bak").read_text(encoding="utf-8") == before
    assert load_scenario(path).unit("beiyuan").funds == 9
    assert window.document.stack.isClean()


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "s.yaml"
    target.write_text("old\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    # The backup is written atomically too, so with renames failing it is not written either.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


def test_closing_with_unsaved_work_asks_and_cancel_keeps_the_window(qtbot, tmp_path: Path,
                                                                    monkeypatch):
    window = open_editor(qtbot, tmp_path)
    change_funds(window, qtbot)
    asked = answer_questions(monkeypatch, Cancel)
    assert window.close() is False
    assert asked and window.isVisible()


def test_an_untitled_copy_asks_for_a_name_when_saved(qtbot, tmp_path: Path, monkeypatch):
    window = open_editor(qtbot, tmp_path)
    window.new_from_copy(SCENARIOS / "tutorial.yaml")
    target = tmp_path / "mine.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(target), "")))
    assert window.save()
    assert load_scenario(target).id == "tutorial_copy"  # a copy has an id of its own
    assert window.document.path == target


def test_autosave_writes_a_draft_of_unsaved_work(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path, autosave_ms=20)
    change_funds(window, qtbot)
    store = DraftStore(tmp_path / "drafts")
    qtbot.waitUntil(lambda: store.find(window.document.path) is not None, timeout=2000)
    assert store.find(window.document.path).text == window.document.text


def test_a_draft_left_by_a_crash_is_offered_and_recovered(qtbot, tmp_path: Path, monkeypatch):
    path = copy_scenario(tmp_path)
    original = path.read_text(encoding="utf-8")
    draft = original.replace("funds: 8", "funds: 12", 1)
    DraftStore(tmp_path / "drafts").write(path, draft)
    asked = answer_questions(monkeypatch, Yes)
    window = ScenarioEditorWindow(path, drafts_dir=tmp_path / "drafts")
    qtbot.addWidget(window)
    assert len(asked) == 1
    assert window.document.text == draft and not window.document.stack.isClean()
    window.actions_["undo"].trigger()
    assert window.document.text == original


def test_declining_a_draft_discards_it(qtbot, tmp_path: Path, monkeypatch):
    path = copy_scenario(tmp_path)
    store = DraftStore(tmp_path / "drafts")
    store.write(path, path.read_text(encoding="utf-8") + "# more\n")
    answer_questions(monkeypatch, No)
    window = ScenarioEditorWindow(path, drafts_dir=tmp_path / "drafts")
    qtbot.addWidget(window)
    assert window.document.text == path.read_text(encoding="utf-8")
    assert store.find(path) is None


def test_saving_removes_the_draft(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    change_funds(window, qtbot)
    window.write_draft()
    window.save()
    assert DraftStore(tmp_path / "drafts").find(window.document.path) is None


def test_a_file_that_does_not_parse_opens_with_its_text_and_its_problem(qtbot, tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\nturns: [8\n", encoding="utf-8")
    window = ScenarioEditorWindow(path, drafts_dir=tmp_path / "drafts")
    qtbot.addWidget(window)
    window.validate_now()
    assert window.yaml.toPlainText() == "id: x\nturns: [8\n"
    assert window.problems and window.problems[0].line >= 2
    assert not window.pages.isEnabled()


@pytest.mark.parametrize("case", ["deep_flow_300.yaml", "selfmerge_anchor.yaml",
                                  "yaml11_directive.yaml"])
def test_a_bad_draft_never_stops_the_editor_opening_its_scenario(qtbot, tmp_path: Path,
                                                                 monkeypatch, case: str):
    """Issue 9: a draft that cannot be read was a traceback at every opening."""
    path = copy_scenario(tmp_path)
    bad = (Path(__file__).resolve().parents[1] / "data" / "cases" / case).read_text(
        encoding="utf-8")
    DraftStore(tmp_path / "drafts").write(path, bad)
    answer_questions(monkeypatch, Yes)
    window = ScenarioEditorWindow(path, drafts_dir=tmp_path / "drafts")
    qtbot.addWidget(window)
    window.show()
    window.validate_now()
    assert window.document.path == path  # the scenario opened; the draft shows its problem
    assert window.problems or window.scenario is not None
