"""Play the tutorial through the window as the township and as the bureau: after every turn,
each move's reply carries a reason and the turn report lists what the move changed; at the end
the reveal shows the figure the township falsified, caught or not."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from game.engine.effects import move_effects
from game.scoring.debrief import reveal
from game.ui.common.i18n import language, tr
from game.ui.play.turn_account import change_text
from tests.ui.driver import choose_action, end_phase, field, send, show_tab, start_game, type_number
from tests.ui.test_play_through import PLAYS


def _falsifying_township_reports(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The tutorial township's report phase, with one falsified figure on turn 2."""
    if window.session.game.turn != 2:
        PLAYS["hexi"]["report"](qtbot, window)
        return
    composer = window.page.composer
    assert choose_action(qtbot, composer, "falsify_report")
    type_number(qtbot, field(composer, "overstate").spin, 80)
    assert send(qtbot, composer), composer.status.text()


def _check_turn(window, seat: str, turn: int) -> None:  # type: ignore[no-untyped-def]
    game, report = window.session.game, window.page.report
    report.show_turn(turn)
    text = report.browser.toPlainText()
    effects = move_effects(game, seat, turn)
    made = [r.move["kind"] for r in game.recorded if r.turn == turn and r.seat == seat]
    assert made, f"no move made in turn {turn}"
    assert [m.move_kind for m in effects.moves] == made
    assert text.index(tr("account.moves")) < text.index(tr("account.tasks"))
    for effect in effects.moves:
        assert change_text(window.session.directory, effect) in text, (turn, effect.move_kind)
        if effect.move_kind == "answer":
            replies = [effect.move]
        else:
            replies = [r for r in effect.replies if r.kind == "request_answered"]
            assert replies or "request" not in effect.move.data, (turn, effect.move_kind)
        for reply in replies:
            reason = reply.data["reason"][language()]
            assert reason and reason in text, (turn, effect.move_kind)


def _play(qtbot, window, seat: str, plays) -> list[int]:  # type: ignore[no-untyped-def]
    checked = []
    while not window.session.game.over:
        game = window.session.game
        show_tab(qtbot, window, "composer")
        play = plays.get(game.phase)
        if play is not None:
            play(qtbot, window)
        turn = game.turn
        end_phase(qtbot, window)
        # A turn ends with its respond phase, ended by the player or stepped past (a township
        # has nothing to do in it).
        if window.session.game.turn != turn or window.session.game.over:
            show_tab(qtbot, window, "report")
            _check_turn(window, seat, turn)
            checked.append(turn)
    return checked


def test_the_township_sees_every_reply_reason_and_effect(qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi", seed=2)
    plays = {**PLAYS["hexi"], "report": _falsifying_township_reports}
    checked = _play(qtbot, window, "hexi", plays)
    game = window.session.game
    assert checked == list(range(1, game.scenario.turns + 1))
    row = next(r for r in reveal(game)["false_figures"] if r["unit"] == "hexi")
    assert row["turn"] == 2 and row["overstate"] == 80
    show_tab(qtbot, window, "debrief")
    debrief = window.page.views["debrief"]
    debrief.tabs.setCurrentWidget(debrief.reveal)
    text = debrief.reveal.browser.toPlainText()
    outcome = tr(f"reveal.caught.{row['how']}") if row["caught"] else tr("reveal.not_caught")
    assert tr("reveal.title") in text and outcome in text and f"#{row['seq']}" in text
    debrief.reveal.browser.anchorClicked.emit(QUrl(f"event:{row['seq']}"))  # a click
    assert debrief.reveal.events.rowCount() > 0


def test_the_bureau_sees_every_reply_reason_and_effect(qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri", seed=4)
    checked = _play(qtbot, window, "county_agri", PLAYS["county_agri"])
    game = window.session.game
    assert checked == list(range(1, game.scenario.turns + 1))
    answers = [e for e in game.log if e.kind == "request_answered" and e.actor == "county_agri"
               and not e.data.get("expired")]
    assert answers and all(e.data["reason"]["zh"] and e.data["reason"]["en"] for e in answers)
