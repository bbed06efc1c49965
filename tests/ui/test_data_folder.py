"""The data folder: unwritable folders named while the game opens; one window per folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.ui.common.i18n import tr
from game.ui.common.settings import AppPaths, folder_problem
from game.ui.main_window import MainWindow
from game.ui.start.launch import SingleWindow, bring_to_front
from tests.ui.conftest import ROOT
from tests.ui.driver import end_phase, start_game
from tests.ui.test_editor_support import answer_questions, open_editor, unit_form


def _blocked(tmp_path: Path) -> AppPaths:
    """A data folder that cannot be made: a plain file stands where its parent should be."""
    (tmp_path / "blocked").write_text("a file, not a folder", encoding="utf-8")
    data = tmp_path / "blocked" / "data"
    return AppPaths(data_dir=data, settings_file=data / "settings.ini")


def _read_only(tmp_path: Path) -> AppPaths:
    """A data folder that exists, holds settings, and refuses writes.

    Without write permission; for root, who writes anyway, made immutable (chattr +i) where
    the file system allows it, else skipped.
    """
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text("[ui]\nlanguage=zh\n", encoding="utf-8")
    data.chmod(0o555)
    if folder_problem(data):
        return AppPaths(data_dir=data, settings_file=data / "settings.ini")
    data.chmod(0o755)
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(data)],
                                         capture_output=True).returncode != 0:
        pytest.skip("this user writes to read-only folders and cannot make one immutable")
    assert folder_problem(data)
    return AppPaths(data_dir=data, settings_file=data / "settings.ini")


@pytest.fixture(params=[_blocked, _read_only], ids=["not-a-folder", "read-only"])
def unwritable(request, tmp_path):  # type: ignore[no-untyped-def]
    paths = request.param(tmp_path)
    yield paths
    if paths.data_dir.is_dir():  # let pytest clean up
        if chattr := shutil.which("chattr"):
            subprocess.run([chattr, "-i", str(paths.data_dir)], capture_output=True)
        paths.data_dir.chmod(0o755)


def test_an_unwritable_data_folder_is_named_and_the_game_still_opens(
        qtbot, prompts, unwritable) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(unwritable, prompts=prompts)  # raised OSError from the settings before
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.start.library.rowCount() > 0)
    assert not window.check_data_folder()
    assert len(prompts.shown) == 1
    title, text = prompts.shown[0]
    assert title == tr("folder.title") and str(unwritable.data_dir) in text
    start_game(qtbot, window, "hexi", seed=3)  # the game plays on, unsaved
    end_phase(qtbot, window)
    assert window.session.game.phase == "report"
    assert len(prompts.shown) == 1  # the failing autosaves do not repeat the dialog
    window.set_language("en")  # remembered choices fail quietly, no traceback
    window.close()


def test_a_failing_autosave_names_the_folder_once(qtbot, prompts, app_paths,
                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(app_paths, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    assert window.check_data_folder()
    assert prompts.shown == []
    qtbot.waitUntil(lambda: window.start.library.rowCount() > 0)

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the disk fills up during the game
    start_game(qtbot, window, "hexi")
    end_phase(qtbot, window)
    assert [title for title, _ in prompts.shown] == [tr("folder.title")]
    assert "No space left on device" in prompts.shown[0][1]


def test_drafts_that_cannot_be_written_warn_in_the_editor(qtbot, tmp_path,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answer_questions(monkeypatch)
    (tmp_path / "blocked").write_text("a file", encoding="utf-8")
    window = open_editor(qtbot, tmp_path, drafts_dir=tmp_path / "blocked" / "drafts",
                         autosave_ms=20)
    spin = unit_form(window, "beiyuan").editors["funds"].spin
    spin.setValue(spin.value() + 1)
    qtbot.waitUntil(lambda: _draft_warning(window) is not None
                    and _draft_warning(window).isVisible(), timeout=3000)
    assert str(tmp_path / "blocked" / "drafts") in _draft_warning(window).text()


def _draft_warning(window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    return window.statusBar().findChild(QLabel, "DraftWarning")


# ----- one window per data folder -------------------------------------------------------------

SECOND_START = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from game.ui.start.launch import launch
from game.ui.common.settings import AppPaths

data = Path(sys.argv[2])
sys.exit(launch(AppPaths(data_dir=data, settings_file=Path(sys.argv[3]))))
"""

HOLD_AND_DIE = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QCoreApplication
from game.ui.start.launch import SingleWindow
from game.ui.common.settings import AppPaths

app = QCoreApplication([])
data = Path(sys.argv[2])
single = SingleWindow(AppPaths(data_dir=data, settings_file=data / "settings.ini"))
print("held" if single.acquire() else "refused", flush=True)
os._exit(9)  # killed: no clean-up, the lock file stays behind
"""


def test_a_second_start_brings_the_first_window_forward_and_writes_nothing(
        qtbot, window, app_paths) -> None:  # type: ignore[no-untyped-def]
    single = SingleWindow(app_paths)
    assert single.acquire()
    single.activation_requested.connect(lambda: bring_to_front(window))
    start_game(qtbot, window, "hexi", seed=9)
    end_phase(qtbot, window)
    autosave = app_paths.autosave.read_bytes()
    settings = app_paths.settings_file.read_bytes()
    window.showMinimized()
    command = [sys.executable, "-c", SECOND_START, str(ROOT), str(app_paths.data_dir),
               str(app_paths.settings_file)]
    second = None
    try:
        with qtbot.waitSignal(single.activation_requested, timeout=60_000):
            second = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        _, errors = second.communicate(timeout=60)
    finally:
        if second is not None and second.poll() is None:
            second.kill()
        single.release()
    assert second.returncode == 0
    assert str(app_paths.data_dir) in errors
    assert not window.isMinimized()
    assert app_paths.autosave.read_bytes() == autosave  # the first game is untouched
    assert app_paths.settings_file.read_bytes() == settings
    assert window.session.game.phase == "report"


def test_a_window_that_died_does_not_lock_the_folder(qtbot, app_paths) -> None:  # type: ignore[no-untyped-def]
    died = subprocess.run([sys.executable, "-c", HOLD_AND_DIE, str(ROOT),
                           str(app_paths.data_dir)], capture_output=True, text=True, timeout=60)
    assert (died.returncode, died.stdout.strip()) == (9, "held")
    assert app_paths.lock_file.exists()
    single = SingleWindow(app_paths)
    try:
        assert single.acquire()
    finally:
        single.release()


def test_a_held_folder_is_refused_to_another_holder(qtbot, app_paths) -> None:  # type: ignore[no-untyped-def]
    single = SingleWindow(app_paths)
    assert single.acquire()
    try:
        other = subprocess.run([sys.executable, "-c", HOLD_AND_DIE.replace("os._exit(9)", ""),
                                str(ROOT), str(app_paths.data_dir)],
                               capture_output=True, text=True, timeout=60)
        assert other.stdout.strip() == "refused"
    finally:
        single.release()
