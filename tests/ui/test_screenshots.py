"""Screenshots of every screen of the shell, in both languages (test-screenshots/<lang>/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui.common import dialogs, i18n
from game.ui.play.saves import SaveProblem
from tests.ui.driver import choose_action, end_phase, field, show_tab, start_game


@pytest.fixture(params=["zh", "en"])
def lang(request) -> str:  # type: ignore[no-untyped-def]
    i18n.set_language(request.param)
    return request.param


def _shoot_box(qtbot, screenshot, box, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert screenshot(box, name).exists()
    box.close()


def test_start_screen(qtbot, window, screenshot, lang) -> None:  # type: ignore[no-untyped-def]
    assert screenshot(window, "start").exists()


def test_bureau_tabs(qtbot, window, screenshot, lang) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    show_tab(qtbot, window, "inbox")
    window.page.inbox.show_document(0)
    screenshot(window, "bureau-inbox")
    show_tab(qtbot, window, "composer")
    choose_action(qtbot, window.page.composer, "split_quota")
    screenshot(window, "bureau-composer-split")
    end_phase(qtbot, window)  # the report phase, with nothing for a bureau to do, is passed
    screenshot(window, "bureau-composer-report-phase-passed")
    choose_action(qtbot, window.page.composer, "answer")
    screenshot(window, "bureau-composer-answer")
    end_phase(qtbot, window)
    screenshot(window, "bureau-turn-report")


def test_township_tabs(qtbot, window, screenshot, lang) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    show_tab(qtbot, window, "composer")
    choose_action(qtbot, window.page.composer, "allocate_time")
    screenshot(window, "township-composer-plan")
    end_phase(qtbot, window)
    choose_action(qtbot, window.page.composer, "explain_shortfall")
    field(window.page.composer, "causes").checks["weather"].setChecked(True)
    window.page.composer.send_button.click()
    screenshot(window, "township-composer-refused-or-sent")
    end_phase(qtbot, window)  # and the respond phase, empty for a township, is passed
    screenshot(window, "township-turn-report")
    show_tab(qtbot, window, "inbox")
    window.page.inbox.show_document(window.page.inbox.model.rowCount() - 1)
    screenshot(window, "township-inbox")


def test_dialogs(qtbot, window, screenshot, lang, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _shoot_box(qtbot, screenshot, dialogs.about_box(window, "0.1.0"), "dialog-about")
    _shoot_box(qtbot, screenshot, dialogs.resume_box(window, 3, i18n.tr("phase.report")),
               "dialog-resume")
    broken = SaveProblem("corrupt", tmp_path / "broken.json", "corrupt save file: not JSON")
    _shoot_box(qtbot, screenshot, dialogs.problem_box(window, broken, None), "dialog-corrupt")
    newer = SaveProblem("newer", Path("/home/player/saves/from-the-future.json"),
                        "format 9, this game reads up to 1")
    aside = Path("/home/player/.local/share/county-mobilization/autosave.unreadable-1.json")
    _shoot_box(qtbot, screenshot, dialogs.problem_box(window, newer, aside), "dialog-newer")
    _shoot_box(qtbot, screenshot, dialogs.message_box(window, "over.title",
                                                      i18n.tr("over.text")), "dialog-over")
