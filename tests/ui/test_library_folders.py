"""The start screen's library: shipped scenarios beside the author's own, files opened by
hand, and broken files listed with their located error instead of emptying the list."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from game.ui.common import i18n
from game.ui.start.library import OPENED, OWN, SHIPPED, ScenarioLibraryModel, scan

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
BROKEN = {
    "syntax.yaml": "id: [unclosed\n",
    "schema.yaml": "schema_version: 1\nid: x\n",
    "deep.yaml": "a: " + "[" * 600 + "]" * 600 + "\n",
    "binary.yaml": "\udcff",
}


def located(text: str, name: str) -> bool:
    """Whether `text` names the file with a line and a column (file:line:col:)."""
    return re.search(rf"{re.escape(name)}:\d+:\d+: \S", text) is not None


def write_broken(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in BROKEN.items():
        if name == "binary.yaml":
            (folder / name).write_bytes(b"\xff\xfe\x00bad")
        else:
            (folder / name).write_text(text, encoding="utf-8")


def test_one_bad_file_in_either_folder_leaves_the_others_listed(tmp_path: Path) -> None:
    shipped, own = tmp_path / "shipped", tmp_path / "own"
    write_broken(shipped)
    shutil.copy(TUTORIAL, shipped / "tutorial.yaml")
    write_broken(own)
    shutil.copy(TUTORIAL, own / "mine.yaml")
    entries, problems = scan(shipped, own)
    good = [(e.path.name, e.origin) for e in entries if not e.broken]
    assert good == [("tutorial.yaml", SHIPPED), ("mine.yaml", OWN)]
    broken = [e for e in entries if e.broken]
    assert len(broken) == 2 * len(BROKEN) == len(problems)
    for entry in broken:
        assert located(entry.problem, entry.path.name), entry.problem


def test_the_model_marks_the_authors_and_the_broken(tmp_path: Path, qtmodeltester) -> None:
    own = tmp_path / "own"
    write_broken(own)
    shutil.copy(TUTORIAL, own / "mine.yaml")
    entries, _ = scan(tmp_path / "none", own)
    model = ScenarioLibraryModel(entries)
    qtmodeltester.check(model)
    rows = {model.entry(r).path.name: model.index(r) for r in range(model.rowCount())}
    assert model.data(rows["mine.yaml"]) == "入门：撂荒地复耕（我的情景）"
    assert str(own) in model.data(rows["mine.yaml"], Qt.ItemDataRole.ToolTipRole)
    assert model.data(rows["syntax.yaml"]).startswith("⚠ syntax.yaml")
    assert located(model.data(rows["syntax.yaml"], Qt.ItemDataRole.ToolTipRole), "syntax.yaml")
    i18n.set_language("en")
    assert model.data(rows["mine.yaml"]).endswith("(yours)")


def test_the_start_screen_lists_the_authors_folder_and_shows_a_broken_file(qtbot, window):
    own = window.paths.scenarios_dir
    (own / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    shutil.copy(TUTORIAL, own / "mine.yaml")
    start = window.start
    start.refresh_library()
    assert start.library.rowCount() == 8 + 2
    start.scenario_list.setCurrentIndex(start.library.index(start.library.row_of(own /
                                                                                "broken.yaml")))
    assert not start.begin_button.isEnabled()
    assert located(start.briefing.toPlainText(), "broken.yaml")
    start.scenario_list.setCurrentIndex(start.library.index(start.library.row_of(own /
                                                                                "mine.yaml")))
    assert start.begin_button.isEnabled()
    assert str(own) in start.scenario_where.text() and start.scenario_where.isVisible()


def test_a_file_copied_into_the_authors_folder_appears(qtbot, window) -> None:
    target = window.paths.scenarios_dir / "copied.yaml"
    shutil.copy(TUTORIAL, target)
    qtbot.waitUntil(lambda: window.start.library.row_of(target) >= 0, timeout=5000)


@pytest.mark.parametrize("via", ["button", "menu"])
def test_open_scenario_file_lists_it_and_starts_it(qtbot, window, tmp_path, monkeypatch, via):
    elsewhere = tmp_path / "colleague" / "shared.yaml"
    elsewhere.parent.mkdir()
    shutil.copy(TUTORIAL, elsewhere)
    offered: list[str] = []

    def choose(parent, title, start, filters):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(elsewhere), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    if via == "button":
        qtbot.mouseClick(window.start.open_file_button, Qt.MouseButton.LeftButton)
    else:
        window.menus.actions["open_scenario"].trigger()
    assert offered == [str(window.paths.scenarios_dir)]
    entry = window.start.current_entry()
    assert entry is not None and entry.path == elsewhere and entry.origin == OPENED
    assert "打开的文件" in window.start.library.data(window.start.scenario_list.currentIndex())
    window.start.select_seat("hexi")
    qtbot.mouseClick(window.start.begin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session.scenario_path == elsewhere


def test_opening_a_broken_file_shows_its_error(qtbot, window, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: [oops\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (str(bad), "")))
    window.start.open_file_button.click()
    entry = window.start.current_entry()
    assert entry.broken and entry.path == bad
    assert not window.start.begin_button.isEnabled()
    assert located(window.start.briefing.toPlainText(), "bad.yaml")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_of_the_library_with_own_and_broken(qtbot, window, screenshot, lang):
    i18n.set_language(lang)
    own = window.paths.scenarios_dir
    shutil.copy(TUTORIAL, own / "my_tutorial.yaml")
    (own / "half_done.yaml").write_text("schema_version: 1\nid: [oops\n", encoding="utf-8")
    start = window.start
    start.refresh_library(select=own / "half_done.yaml")
    screenshot(window, "start_library_broken")


def test_an_opened_file_can_be_copied_into_the_authors_folder(qtbot, window, tmp_path,
                                                              monkeypatch, screenshot) -> None:
    elsewhere = tmp_path / "colleague" / "tutorial.yaml"
    elsewhere.parent.mkdir()
    shutil.copy(TUTORIAL, elsewhere)
    (window.paths.scenarios_dir / "tutorial.yaml").write_text("taken\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (str(elsewhere), "")))
    window.start.open_file_button.click()
    assert window.start.copy_in_button.isVisible()
    screenshot(window, "start_opened_file")
    qtbot.mouseClick(window.start.copy_in_button, Qt.MouseButton.LeftButton)
    copy = window.paths.scenarios_dir / "tutorial_2.yaml"
    assert copy.read_text(encoding="utf-8") == elsewhere.read_text(encoding="utf-8")
    entry = window.start.current_entry()
    assert entry.path == copy and entry.origin == OWN
    assert window.start.library.row_of(elsewhere) == -1
    assert not window.start.copy_in_button.isVisible()
