"""Screenshots at 1280x800, in both languages, of the turn report's opening ("what your moves
changed") and of the debrief's reveal (test-screenshots/<lang>/)."""

from __future__ import annotations

import pytest

from game.scoring.debrief import reveal
from game.ui.common import i18n
from tests.ui.driver import choose_action, end_phase, field, send, show_tab, start_game, type_number
from tests.ui.test_play_through import PLAYS


@pytest.fixture(params=["zh", "en"])
def lang(request) -> str:  # type: ignore[no-untyped-def]
    i18n.set_language(request.param)
    return request.param


def _report_moves(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    composer = window.page.composer
    assert choose_action(qtbot, composer, "explain_shortfall")
    field(composer, "causes").checks["weather"].setChecked(True)
    assert send(qtbot, composer), composer.status.text()
    assert choose_action(qtbot, composer, "request_policy")
    assert send(qtbot, composer), composer.status.text()
    assert choose_action(qtbot, composer, "falsify_report")
    type_number(qtbot, field(composer, "overstate").spin, 120)
    assert send(qtbot, composer), composer.status.text()


def test_turn_report_and_reveal(qtbot, window, screenshot, lang) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 800)
    start_game(qtbot, window, "hexi", seed=2)
    show_tab(qtbot, window, "composer")
    assert choose_action(qtbot, window.page.composer, "lever_social")
    assert send(qtbot, window.page.composer)
    end_phase(qtbot, window)
    show_tab(qtbot, window, "composer")
    _report_moves(qtbot, window)
    end_phase(qtbot, window)
    end_phase(qtbot, window)
    show_tab(qtbot, window, "report")
    window.page.report.show_turn(1)
    assert screenshot(window, "turn-report-moves").exists()
    while not window.session.game.over:
        end_phase(qtbot, window)
    show_tab(qtbot, window, "debrief")
    debrief = window.page.views["debrief"]
    debrief.tabs.setCurrentWidget(debrief.reveal)
    game = window.session.game
    first = next(r for r in reveal(game)["false_figures"] if r["unit"] == "hexi")
    debrief.reveal.show_event(first["seq"])
    assert screenshot(window, "debrief-reveal").exists()


def test_bureau_turn_report(qtbot, window, screenshot, lang) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 800)
    start_game(qtbot, window, "county_agri", seed=4)
    while window.session.game.turn == 1:  # phases with nothing to do are stepped past
        show_tab(qtbot, window, "composer")
        play = PLAYS["county_agri"].get(window.session.game.phase)
        if play is not None:
            play(qtbot, window)
        end_phase(qtbot, window)
    show_tab(qtbot, window, "report")
    window.page.report.show_turn(1)
    assert screenshot(window, "turn-report-moves-bureau").exists()
