"""Save, load, autosave and resume; unreadable saves are named and never overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.save import parse_save
from game.ui.common.i18n import tr
from game.ui.main_window import MainWindow
from tests.ui.conftest import ROOT, TUTORIAL
from tests.ui.driver import choose_action, end_phase, send, show_tab, start_game


def _play_a_little(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi", seed=7)
    show_tab(qtbot, window, "composer")
    assert choose_action(qtbot, window.page.composer, "allocate_time")
    assert send(qtbot, window.page.composer)
    end_phase(qtbot, window)
    assert choose_action(qtbot, window.page.composer, "report_progress")
    assert send(qtbot, window.page.composer)


def _second_window(qtbot, app_paths, prompts) -> MainWindow:  # type: ignore[no-untyped-def]
    again = MainWindow(app_paths, prompts=prompts)
    qtbot.addWidget(again)
    again.show()
    return again


def test_save_quit_and_load_give_the_same_game(qtbot, window, prompts, app_paths,
                                               tmp_path) -> None:  # type: ignore[no-untyped-def]
    _play_a_little(qtbot, window)
    log = window.session.game.log.to_json()
    prompts.save_path = tmp_path / "mine.json"
    window.menus.actions["save_as"].trigger()
    assert prompts.save_path.exists()
    window.close()
    again = _second_window(qtbot, app_paths, prompts)
    prompts.open_path = prompts.save_path
    again.menus.actions["open"].trigger()
    assert again.session is not None
    assert again.session.game.log.to_json() == log
    assert (again.session.game.turn, again.session.game.phase) == (1, "report")


def test_saving_again_reuses_the_file(qtbot, window, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.menus.actions["stop_idle"].setChecked(True)  # save in the township's empty phase
    _play_a_little(qtbot, window)
    prompts.save_path = tmp_path / "mine.json"
    window.menus.actions["save"].trigger()
    end_phase(qtbot, window)
    prompts.save_path = tmp_path / "never.json"
    window.menus.actions["save"].trigger()
    assert not prompts.save_path.exists()
    saved = parse_save((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert saved.phase == "respond"


def test_every_change_is_autosaved_atomically(qtbot, window, app_paths) -> None:  # type: ignore[no-untyped-def]
    _play_a_little(qtbot, window)
    saved = parse_save(app_paths.autosave.read_text(encoding="utf-8"))
    assert (saved.turn, saved.phase, len(saved.moves)) == (1, "report", 2)
    assert not list(app_paths.data_dir.glob("*.tmp"))


def test_a_crash_offers_to_resume_from_the_autosave(qtbot, window, prompts, app_paths) -> None:  # type: ignore[no-untyped-def]
    _play_a_little(qtbot, window)
    log = window.session.game.log.to_json()
    window.settings.running = True  # the process dies here: no close event
    again = _second_window(qtbot, app_paths, prompts)
    assert again.offer_resume()
    assert prompts.shown[-1][0] == tr("resume.title")
    assert again.session.game.log.to_json() == log


def test_a_clean_exit_does_not_offer_to_resume(qtbot, window, prompts, app_paths) -> None:  # type: ignore[no-untyped-def]
    _play_a_little(qtbot, window)
    window.close()
    shown = len(prompts.shown)
    again = _second_window(qtbot, app_paths, prompts)
    assert not again.offer_resume()
    assert len(prompts.shown) == shown
    assert again.start.continue_button.isEnabled()


def test_declining_to_resume_keeps_the_start_screen(qtbot, window, prompts, app_paths) -> None:  # type: ignore[no-untyped-def]
    _play_a_little(qtbot, window)
    window.settings.running = True
    prompts.answer = False
    again = _second_window(qtbot, app_paths, prompts)
    assert not again.offer_resume()
    assert again.session is None and again.stack.currentWidget() is again.start


def test_a_corrupt_save_is_named_and_left_alone(qtbot, window, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _play_a_little(qtbot, window)
    log = window.session.game.log.to_json()
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"save_version": 1, "scenario_id": "tut')
    prompts.open_path = broken
    window.menus.actions["open"].trigger()
    title, text = prompts.shown[-1]
    assert title == tr("problem.title")
    assert text.startswith(tr("problem.corrupt", path=str(broken)).split("\n")[0])
    assert broken.read_bytes() == b'{"save_version": 1, "scenario_id": "tut'
    assert window.session.game.log.to_json() == log


def test_a_save_from_a_newer_game_is_named_as_such(qtbot, window, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    newer = tmp_path / "newer.json"
    content = json.dumps({"save_version": 99, "future": True})
    newer.write_text(content, encoding="utf-8")
    prompts.open_path = newer
    window.menus.actions["open"].trigger()
    assert prompts.shown[-1][1].startswith(tr("problem.newer", path=str(newer)).split("\n")[0])
    assert newer.read_text(encoding="utf-8") == content
    assert window.session is None


def test_an_unreadable_autosave_is_kept_aside_not_overwritten(qtbot, window, prompts,
                                                              app_paths) -> None:  # type: ignore[no-untyped-def]
    app_paths.data_dir.mkdir(parents=True, exist_ok=True)
    app_paths.autosave.write_bytes(b"\x00garbage")
    window.settings.running = True
    assert not window.offer_resume()
    aside = app_paths.data_dir / "autosave.unreadable-1.json"
    assert aside.read_bytes() == b"\x00garbage"
    assert str(aside) in prompts.shown[-1][1]
    start_game(qtbot, window, "hexi")
    assert aside.read_bytes() == b"\x00garbage"
    assert parse_save(app_paths.autosave.read_text(encoding="utf-8")).humans == ["hexi"]


# ----- files from outside, and scenarios that changed -----------------------------------------

CASES = next((folder / "shared" / "cases" / "files" for folder in (ROOT.parent, ROOT.parent.parent)
              if (folder / "shared" / "cases" / "files").is_dir()), ROOT / "missing-cases")
needs_cases = pytest.mark.skipif(not CASES.is_dir(), reason="the shared cases folder is absent")


@needs_cases
def test_a_corrupt_autosave_is_set_aside_once_and_not_asked_about_again(
        qtbot, window, prompts, app_paths) -> None:  # type: ignore[no-untyped-def]
    content = (CASES / "save_huge_int.json").read_bytes()
    app_paths.data_dir.mkdir(parents=True, exist_ok=True)
    app_paths.autosave.write_bytes(content)
    window.settings.running = True  # the last run died
    assert not window.offer_resume()
    assert len(prompts.shown) == 1  # one message: no "resume?" about a file that cannot be read
    title, text = prompts.shown[0]
    aside = app_paths.data_dir / "autosave.unreadable-1.json"
    assert title == tr("problem.title")
    assert str(aside) in text and "4,301 digits" in text
    assert tr("problem.left_alone") not in text  # it was renamed, and says only that
    assert aside.read_bytes() == content and not app_paths.autosave.exists()
    again = _second_window(qtbot, app_paths, prompts)
    assert not again.offer_resume()
    assert len(prompts.shown) == 1
    assert aside.read_bytes() == content


@needs_cases
def test_a_save_whose_scenario_id_climbs_out_of_the_library_is_refused(
        qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    path = CASES / "save_id_traversal.json"
    before = path.read_bytes()
    prompts.open_path = path
    window.menus.actions["open"].trigger()
    title, text = prompts.shown[-1]
    assert title == tr("problem.title")
    assert text.startswith(tr("problem.scenario", path=str(path), folder="").split("\n")[0])
    assert "not a scenario id" in text and tr("problem.left_alone") in text
    assert window.session is None
    assert path.read_bytes() == before


def _my_tutorial(app_paths) -> Path:  # type: ignore[no-untyped-def]
    """A user's scenario in the data folder's scenarios folder: the tutorial, renamed."""
    app_paths.scenarios_dir.mkdir(parents=True, exist_ok=True)
    path = app_paths.scenarios_dir / "my_tutorial.yaml"
    text = TUTORIAL.read_text(encoding="utf-8").replace("id: tutorial", "id: my_tutorial", 1)
    path.write_text(text, encoding="utf-8")
    return path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_save_of_a_users_scenario_survives_a_fixed_typo(
        qtbot, window, prompts, app_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenario = _my_tutorial(app_paths)
    assert window.new_game(scenario, "hexi", seed=5)
    end_phase(qtbot, window)
    log = window.session.game.log.to_json()
    saved = tmp_path / "mine.json"
    assert window.save_to(saved)
    _edit(scenario, '"Tutorial: bringing abandoned farmland back"', '"Tutorial: farmland back"')
    _edit(scenario, "version: \"1.0\"", "version: \"1.1\"")
    again = _second_window(qtbot, app_paths, prompts)
    assert again.load_game(saved)
    assert again.session.scenario_path == scenario
    assert again.session.game.scenario.title.en == "Tutorial: farmland back"
    assert again.session.game.log.to_json() == log
    assert again.session.game.snapshot() == window.session.game.snapshot()


def test_a_changed_mechanic_refuses_and_offers_the_same_seed_afresh(
        qtbot, window, prompts, app_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenario = _my_tutorial(app_paths)
    assert window.new_game(scenario, "hexi", seed=5)
    end_phase(qtbot, window)
    saved = tmp_path / "mine.json"
    assert window.save_to(saved)
    before = saved.read_bytes()
    _edit(scenario, "turns: 6", "turns: 7")
    again = _second_window(qtbot, app_paths, prompts)
    prompts.answer = True  # "start it afresh with the same seed?" - yes
    assert not again.load_game(saved)
    title, text = prompts.shown[-1]
    assert text.startswith(tr("problem.changed", path=str(saved)).split("\n")[0])
    assert tr("problem.restart", seed=5) in text
    game = again.session.game
    assert (game.seed, game.turn, game.phase, game.scenario.turns) == (5, 1, "plan", 7)
    assert again.session.seat == "hexi" and again.session.scenario_path == scenario
    assert saved.read_bytes() == before
