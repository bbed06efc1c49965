"""The debrief tab opens only when the game is over: its score reads hidden truths."""

from __future__ import annotations

from PySide6.QtGui import QAction

from game.ui.play.game_page import GamePage


def _page(qtbot, tutorial_session) -> GamePage:  # type: ignore[no-untyped-def]
    page = GamePage(tutorial_session, QAction())
    qtbot.addWidget(page)
    return page


def test_the_debrief_tab_is_locked_during_play(qtbot, tutorial_session) -> None:
    page = _page(qtbot, tutorial_session)
    index = page.tabs.indexOf(page.views["debrief"].parentWidget().parentWidget())
    assert not page.tabs.isTabEnabled(index)
    assert not page.show_tab("debrief")


def test_the_debrief_tab_opens_when_the_game_ends(qtbot, tutorial_session) -> None:
    page = _page(qtbot, tutorial_session)
    while not tutorial_session.game.over:
        tutorial_session.end_phase()
    assert page.show_tab("debrief")
    assert page.current_key() == "debrief"
