"""The shell: header, menus, the way back to a running game, the end of a game."""

from __future__ import annotations

from game.ui.common.i18n import tr
from tests.ui.driver import click, end_phase, start_game


def test_the_header_shows_turn_phase_and_means(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    header = window.page.header
    assert header.turn.text() == tr("header.turn", turn=1, turns=6)
    assert header.phase.text() == tr("header.phase", phase=tr("phase.plan"))
    assert "60.0" in header.means.text() and "10.0" in header.means.text()


def test_the_end_action_says_turn_in_the_respond_phase(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.menus.actions["stop_idle"].setChecked(True)
    start_game(qtbot, window, "hexi")
    action = window.menus.actions["end_phase"]
    assert action.text() == tr("act.end_phase")
    end_phase(qtbot, window)
    end_phase(qtbot, window)
    assert window.session.game.phase == "respond"
    assert action.text() == tr("act.end_turn")


def test_new_game_leaves_a_way_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    window.menus.actions["new"].trigger()
    assert window.stack.currentWidget() is window.start
    assert window.start.back_button.isVisible()
    click(qtbot, window.start.back_button)
    assert window.stack.currentWidget() is window.page
    assert window.session.seat == "hexi"


def test_a_second_game_replaces_the_first(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    page = window.page
    window.menus.actions["new"].trigger()
    with qtbot.waitSignal(window.session.bridge.game_replaced):
        start_game(qtbot, window, "county_agri")
    assert window.page is page
    assert window.page.header.seat.text().startswith("县农业农村局")
    assert window.page.inbox.model.rowCount() > 0


def test_the_about_box_cites_the_paper(qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.start.about_button)
    title, text = prompts.shown[-1]
    assert title == tr("about.title")
    assert "10.13300/j.cnki.hnwkxb.2022.05.007" in text and "杨华、张丹丹" in text


def test_the_last_turn_leads_to_the_debrief(qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "liutang")
    while not window.session.game.over:
        end_phase(qtbot, window)
    expected = "debrief" if "debrief" in window.page.views else "report"
    assert window.page.current_key() == expected
    assert window.page.report.turn_combo.currentData() == window.session.game.turn
    assert prompts.shown[-1][0] == tr("over.title")
    assert not window.page.header.end_button.isEnabled()
