"""Hot-seat: the bureau and a township both played by people at one computer, to the end."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from game.ui.common.i18n import set_language, tr
from game.ui.common.lang import text_of
from game.ui.play import saves
from tests.ui.driver import click, show_tab, type_number
from tests.ui.test_play_through import PLAYS

SEATS = ("county_agri", "hexi")
DIGITS = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万]")


def _start_hotseat(qtbot, window, seed: int = 4) -> None:  # type: ignore[no-untyped-def]
    start = window.start
    start.seat_combo.setCurrentIndex(start.seat_combo.findData("county_agri"))
    people = start.people_button
    hexi = next(a for a in people.menu().actions() if a.data() == "hexi")
    hexi.trigger()  # as a click on the menu's entry does
    assert people.chosen() == ["hexi"]
    type_number(qtbot, start.seed_spin, seed)
    click(qtbot, start.begin_button)
    qtbot.waitUntil(lambda: window.session is not None and window.stack.currentWidget()
                    is window.page)


def _handover_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    widget = window.handover
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton)]
    return [*texts, *widget.texts(), widget.accessibleName()]


def _assert_hides_both_seats(window, next_seat: str) -> None:  # type: ignore[no-untyped-def]
    """The hand-over screen is in front, the game hidden; it names the next seat and shows
    no figure and no other unit or task of either seat."""
    assert window.stack.currentWidget() is window.handover
    assert not window.page.isVisible()
    assert not DIGITS.search(window.statusBar().currentMessage())
    game = window.session.game
    texts = _handover_texts(window)
    joined = " ".join(texts)
    assert not DIGITS.search(joined), joined
    names = {u.id: text_of(u.name) for u in game.scenario.units}
    assert names[next_seat] in joined
    for unit, name in names.items():
        if unit != next_seat:
            assert name not in joined, (name, joined)
    for task in game.scenario.tasks:
        assert text_of(task.name) not in joined
    assert not window.menus.actions["end_phase"].isEnabled()


def test_the_bureau_and_a_township_play_the_tutorial_at_one_computer(
        qtbot, window, prompts, screenshot) -> None:  # type: ignore[no-untyped-def]
    _start_hotseat(qtbot, window)
    session = window.session
    game = session.game
    assert session.humans == list(SEATS) and game.humans == set(SEATS)
    handovers = 0
    while not game.over:
        seat = session.seat
        show_tab(qtbot, window, "composer")
        play = PLAYS[seat].get(game.phase)
        if play is not None:
            play(qtbot, window)
        at = (game.turn, game.phase)
        click(qtbot, window.page.header.end_button)
        qtbot.waitUntil(lambda at=at, seat=seat: session.seat != seat
                        or (game.turn, game.phase) != at or game.over)
        if session.seat != seat:
            handovers += 1
            _assert_hides_both_seats(window, session.seat)
            if handovers == 1:  # the screen follows the language, still without figures
                for lang, size in (("zh", (1280, 800)), ("en", (1024, 640)),
                                   ("zh", (1024, 640)), ("en", (1280, 800))):
                    set_language(lang)
                    window.resize(*size)
                    _assert_hides_both_seats(window, session.seat)
                    screenshot(window, f"hotseat-handover-{size[0]}x{size[1]}")
                assert "Hand the computer to Hexi town" in window.handover.title.text()
                set_language("zh")
                window.resize(1280, 720)
            window.handover.button.setFocus()
            qtbot.keyClick(window.handover.button, Qt.Key.Key_Space)  # keyboard reachable
            qtbot.waitUntil(lambda: window.stack.currentWidget() is window.page)
            assert window.page.header.seat.text().startswith(
                text_of(game.scenario.unit(session.seat).name))
    assert game.over
    moved = {(m.seat, m.phase) for m in game.recorded}
    assert {("county_agri", "plan"), ("county_agri", "respond"), ("hexi", "plan"),
            ("hexi", "report")} <= moved
    # the bureau and Hexi take turns in plan every turn, and hand over to each other
    assert handovers >= 2 * game.scenario.turns
    assert tr("over.title") in [title for title, _ in prompts.shown]


def test_a_hotseat_save_keeps_both_people_and_replays(
        qtbot, window, app_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _start_hotseat(qtbot, window, seed=2)
    session = window.session
    PLAYS["county_agri"]["plan"](qtbot, window)
    click(qtbot, window.page.header.end_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.handover)
    assert session.seat == "hexi" and session.ended == {"county_agri"}
    assert session.game.phase == "plan"  # the game waits for Hexi
    click(qtbot, window.handover.button)
    PLAYS["hexi"]["plan"](qtbot, window)
    click(qtbot, window.page.header.end_button)
    qtbot.waitUntil(lambda: session.game.phase != "plan")
    path = tmp_path / "two.json"
    assert window.save_to(path)
    loaded = saves.load_save(path)
    assert loaded.game.humans == set(SEATS)
    assert loaded.game.log.to_json() == session.game.log.to_json()
    autosaved = saves.load_save(app_paths.autosave)
    assert autosaved.game.humans == set(SEATS)
    assert window.load_game(path)
    assert set(window.session.humans) == set(SEATS)
    _assert_hides_both_seats(window, window.session.seat)  # the game opens behind a hand-over
    click(qtbot, window.handover.button)
    assert window.stack.currentWidget() is window.page
