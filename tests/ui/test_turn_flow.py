"""A turn without noise: unread means news, read state survives a save, idle phases pass,
and nothing replaces a running game without asking."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from game.engine.moves import SplitQuota
from game.ui.common.i18n import tr
from game.ui.play import inbox_state
from game.ui.play.inbox_view import InboxView
from tests.ui.driver import end_phase, start_game


def _inbox(qtbot, session) -> InboxView:  # type: ignore[no-untyped-def]
    view = InboxView(session)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    return view


def test_what_the_seat_sent_is_never_unread(qtbot, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    game = tutorial_session.game
    shares = {s: 1100.0 for s in game.hierarchy.subordinates("county_agri", "reclaim")}
    assert game.submit("county_agri", SplitQuota(task="reclaim", shares=shares)).ok
    tutorial_session.end_phase()
    view = _inbox(qtbot, tutorial_session)
    model = view.model
    sent = [r for r in range(model.rowCount()) if model.document(r).direction == "out"]
    assert sent
    for row in sent:
        assert model.data(model.index(row, 0), model.UnreadRole) is False
    others = model.rowCount() - len(sent)
    assert model.unread_count() == others


def test_unread_only_marks_only_the_document_opened(qtbot, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    tutorial_session.end_phase()
    tutorial_session.end_phase()
    view = _inbox(qtbot, tutorial_session)
    view.unread_check.setChecked(True)
    before = view.model.unread_count()
    assert view.proxy.rowCount() == before >= 3
    top = view.proxy.index(0, 0)
    opened = view.proxy.data(top, view.model.DocumentRole)
    rect = view.table.visualRect(view.proxy.index(0, 3))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.model.unread_count() == before - 1
    assert view._shown == opened.seq  # noqa: SLF001 — the document shown is the one clicked
    assert view.proxy.rowCount() == before  # it stays listed until the filter changes
    view.unread_check.setChecked(False)
    view.unread_check.setChecked(True)
    assert view.proxy.rowCount() == before - 1


def test_read_state_is_kept_beside_the_save_and_restored(qtbot, window, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    inbox = window.page.inbox
    inbox.show_document(0)
    read = set(window.session.read)
    assert read
    prompts.save_path = tmp_path / "mine.json"
    window.menus.actions["save_as"].trigger()
    side = inbox_state.state_path(tmp_path / "mine.json")
    assert json.loads(side.read_text(encoding="utf-8"))["read"] == sorted(read)
    unread = inbox.model.unread_count()
    window.new_game(window.session.scenario_path, "county_agri")
    assert window.session.read == set()
    assert window.load_game(tmp_path / "mine.json")
    assert window.session.read == read
    assert window.page.inbox.model.unread_count() == unread


def test_a_stale_read_state_is_ignored(tutorial_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "game.json"
    inbox_state.state_path(path).write_text(json.dumps(
        {"scenario": "tutorial", "seed": 99, "seat": "county_agri", "read": [0, 1]}))
    names, events = tutorial_session.identity(), len(tutorial_session.game.log)
    assert inbox_state.read_read_state({**names, "seed": 99}, events, path) == {0, 1}
    assert inbox_state.read_read_state(names, events, path) == set()  # another seed
    assert inbox_state.read_read_state({**names, "seed": 99}, 1, path) == {0}  # not in the log
    inbox_state.state_path(path).write_text("not json")
    assert inbox_state.read_read_state(names, events, path) == set()


def test_an_idle_phase_says_so_and_steps_past(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    end_phase(qtbot, window)  # the bureau's report phase has nothing for it: passed
    assert window.session.game.phase == "respond"
    header = window.page.header
    assert header.passed.isVisible()
    assert tr("header.passed_one", turn=1, phase=tr("phase.report")) in header.passed.text()


def test_a_township_steps_past_its_empty_respond_phase_to_the_turn_report(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    end_phase(qtbot, window)
    end_phase(qtbot, window)
    game = window.session.game
    assert (game.turn, game.phase) == (2, "plan")
    assert window.page.current_key() == "report"
    assert window.page.report.turn_combo.currentData() == 1


def test_the_setting_stops_at_idle_phases_and_is_remembered(qtbot, window, app_paths) -> None:  # type: ignore[no-untyped-def]
    from game.ui.common.settings import Settings

    window.menus.actions["stop_idle"].trigger()
    assert Settings(app_paths).stop_at_idle
    start_game(qtbot, window, "county_agri")
    end_phase(qtbot, window)
    assert window.session.game.phase == "report"
    assert not window.page.header.passed.isVisible()
    assert window.page.composer.hint.text() == tr("composer.nothing")


def test_a_new_game_asks_before_replacing_and_cancel_loses_nothing(qtbot, window, prompts,
                                                                    app_paths) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    end_phase(qtbot, window)
    autosave = app_paths.autosave.read_bytes()
    game = window.session.game
    prompts.answer = False
    window.menus.actions["new"].trigger()
    start_game_click = window.start.begin_button
    qtbot.mouseClick(start_game_click, Qt.MouseButton.LeftButton)
    assert prompts.shown[-1][0] == tr("replace.title")
    assert window.session.game is game
    assert app_paths.autosave.read_bytes() == autosave
    prompts.answer = True
    qtbot.mouseClick(start_game_click, Qt.MouseButton.LeftButton)
    assert window.session.game is not game


def test_loading_asks_before_replacing(qtbot, window, prompts, tmp_path, app_paths) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    prompts.save_path = tmp_path / "other.json"
    window.menus.actions["save_as"].trigger()
    end_phase(qtbot, window)
    game, autosave = window.session.game, app_paths.autosave.read_bytes()
    prompts.open_path = tmp_path / "other.json"
    prompts.answer = False
    window.menus.actions["open"].trigger()
    assert prompts.shown[-1][0] == tr("replace.title")
    assert window.session.game is game and app_paths.autosave.read_bytes() == autosave


def test_a_play_test_from_the_editor_asks_before_replacing(qtbot, window, prompts) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    game = window.session.game
    prompts.answer = False
    from game.engine.game import Game

    other = Game(game.scenario, seed=5, humans=["liutang"])
    window._on_play_from_editor(other, "liutang", window.session.scenario_path)  # noqa: SLF001
    assert prompts.shown[-1][0] == tr("replace.title")
    assert window.session.game is game


def test_opening_a_document_updates_the_autosaves_read_state(qtbot, window, app_paths) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    window.page.inbox.show_document(0)
    side = json.loads(inbox_state.state_path(app_paths.autosave).read_text(encoding="utf-8"))
    assert side["read"] == sorted(window.session.read) != []


def test_resuming_restores_what_was_read(qtbot, window, app_paths, prompts) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    window.page.inbox.show_document(0)
    read = set(window.session.read)
    window._on_continue_requested()  # noqa: SLF001 — "continue the last game" from the autosave
    assert window.session.read == read
