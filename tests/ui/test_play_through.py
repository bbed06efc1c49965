"""Play the tutorial from the start screen to the end through the window's widgets alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from game.ui.common.i18n import tr
from tests.ui.driver import (
    choose_action,
    end_phase,
    field,
    send,
    show_tab,
    start_game,
    type_number,
)


def _bureau_plans(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    composer = window.page.composer
    if choose_action(qtbot, composer, "split_quota"):
        shares = field(composer, "shares")
        for unit, value in (("hexi", 1300), ("shanqian", 950), ("liutang", 1100)):
            type_number(qtbot, shares.spins[unit], value)
        assert send(qtbot, composer), composer.status.text()
    assert choose_action(qtbot, composer, "research_visit")
    subordinate = field(composer, "subordinate")
    subordinate.combo.setCurrentIndex(window.session.game.turn % 3)
    assert send(qtbot, composer), composer.status.text()


def _bureau_responds(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    composer = window.page.composer
    while choose_action(qtbot, composer, "answer"):
        assert send(qtbot, composer), composer.status.text()
    assert choose_action(qtbot, composer, "incentive")
    assert send(qtbot, composer), composer.status.text()


def _township_plans(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    composer = window.page.composer
    assert choose_action(qtbot, composer, "allocate_time")
    weights = field(composer, "weights")
    type_number(qtbot, weights.spins["local_needs"], 0.25)
    assert send(qtbot, composer), composer.status.text()
    if window.session.game.turn == 1:
        assert choose_action(qtbot, composer, "lever_social")
        assert send(qtbot, composer), composer.status.text()


def _township_reports(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    composer = window.page.composer
    if window.session.game.turn == 1:
        assert choose_action(qtbot, composer, "explain_shortfall")
        cause = field(composer, "causes").checks["capacity_limit"]
        cause.setFocus()
        qtbot.keyClick(cause, Qt.Key.Key_Space)
        assert send(qtbot, composer), composer.status.text()
    assert choose_action(qtbot, composer, "report_progress")
    assert send(qtbot, composer), composer.status.text()


PLAYS = {
    "county_agri": {"plan": _bureau_plans, "respond": _bureau_responds},
    "hexi": {"plan": _township_plans, "report": _township_reports},
}


def _play_to_the_end(qtbot, window, seat: str) -> None:  # type: ignore[no-untyped-def]
    game = window.session.game
    while not game.over:
        show_tab(qtbot, window, "composer")
        play = PLAYS[seat].get(game.phase)
        if play is None:
            assert window.page.composer.hint.text() == tr("composer.nothing")
        else:
            play(qtbot, window)
        turn = game.turn
        end_phase(qtbot, window)
        # Phases with nothing for the seat to do are stepped past: it always lands on one
        # where it has something to do, and a finished turn shows its report.
        game = window.session.game
        assert game.over or window.session.idle() is False
        if game.turn != turn and not game.over:
            assert window.page.current_key() == "report"
            assert window.page.report.turn_combo.currentData() == turn


def _phases_played(window) -> set[str]:  # type: ignore[no-untyped-def]
    return {move.phase for move in window.session.game.recorded}


def test_the_bureau_plays_the_tutorial_to_the_end(qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri", seed=4)
    _play_to_the_end(qtbot, window, "county_agri")
    game = window.session.game
    assert game.over and game.turn == game.scenario.turns
    assert _phases_played(window) == {"plan", "respond"}
    assert any(m.move["kind"] == "split_quota" for m in game.recorded)
    assert tr("over.title") in [title for title, _ in prompts.shown]
    assert not window.menus.actions["end_phase"].isEnabled()


def test_a_township_plays_the_tutorial_to_the_end(qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi", seed=2)
    _play_to_the_end(qtbot, window, "hexi")
    game = window.session.game
    assert game.over
    assert _phases_played(window) == {"plan", "report"}
    kinds = {m.move["kind"] for m in game.recorded}
    assert {"allocate_time", "lever_social", "explain_shortfall", "report_progress"} <= kinds
    assert window.page.header.phase.text() == tr("header.over")


def test_the_end_phase_shortcut_moves_the_game_on(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.session.bridge.state_changed):
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.game.phase == "report"
