"""Game ▸ Open a workshop record…: a past session's tables, a read-only replay of any table to
any turn for a chosen seat, and the comparison of tables — and a file that is not a record is
refused with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.workshop.table import Table
from tests.workshop.compare_session import STYLES, play_session


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, Table]]:
    path = tmp_path_factory.mktemp("open") / "session.db"
    return path, play_session(path)


def test_the_menu_offers_a_record(window) -> None:  # type: ignore[no-untyped-def]
    action = window.menus.actions["open_record"]
    assert action in window.menus.game_menu.actions()
    assert action.text() == "打开工作坊记录(&R)…"


def test_the_record_lists_its_tables(window, session, screenshot) -> None:  # type: ignore[no-untyped-def]
    opened = window.open_record(session[0])
    assert opened is not None
    assert opened.model.rowCount() == 3
    styles = [opened.model.index(r, 1).data() for r in range(3)]
    assert styles == ["沟通型", "混合型", "压力型"]
    assert "河西镇（甲组·河西镇）" in opened.model.index(0, 2).data()
    assert opened.turn_spin.text() == "记录结束处"
    screenshot(opened, "record-open")


def test_a_table_replayed_to_a_turn_opens_read_only(qtbot, window, session, screenshot) -> None:  # type: ignore[no-untyped-def]
    path, tables = session
    opened = window.open_record(path)
    opened.tables.selectRow(2)
    opened.turn_spin.setValue(3)
    assert opened.turn_slider.value() == 3
    opened.seat_combo.setCurrentIndex(opened.seat_combo.findData("liutang"))
    opened.replay_button.click()
    replay = opened.replays[-1]
    qtbot.addWidget(replay)
    session_ = replay.session
    game = session_.game
    assert (session_.table, session_.seat, game.turn, game.phase) == (3, "liutang", 3, "plan")
    whole = tables[3].game.log
    assert [e.to_dict() for e in game.log] == [e.to_dict() for e in whole][:len(game.log)]
    assert session_.view.options == [] and session_.view.closed
    before = len(game.log)
    result = session_.submit({"kind": "allocate_time", "task": "reclaim", "days": 1})
    assert not result.ok and result.refusal.code == "replay"
    assert session_.end_phase() == [] and len(game.log) == before
    assert "第3桌" in replay.windowTitle() and "柳塘" in replay.windowTitle()
    assert not replay.end_action.isEnabled()
    assert "只读重放" in replay.banner.text()
    replay.page.show_tab("composer")
    screenshot(replay, "record-replay-composer")
    replay.page.show_tab("inbox")
    screenshot(replay, "record-replay-inbox")
    assert window.session is None  # the window's own game (and autosave) untouched


def test_the_record_end_is_where_the_table_ended(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    path, tables = session
    opened = window.open_record(path)
    replay = opened.open_replay(number=1, turn=None, seat="hexi")
    qtbot.addWidget(replay)
    assert replay.session.game.log.to_json() == tables[1].game.log.to_json()
    assert replay.session.game.over


def test_the_tables_are_compared_from_the_record(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    opened = window.open_record(session[0])
    with qtbot.waitSignal(opened.compared, timeout=60_000) as signal:
        opened.compare_button.click()
    view = signal.args[0]
    qtbot.addWidget(view)
    assert [t.superior_style for t in view.comparison.tables] == list(STYLES.values())
    assert opened.compare_button.isEnabled()


def test_a_file_that_is_not_a_record_is_named_and_left_alone(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.db"
    path.write_bytes(b"plain text, not SQLite")
    assert window.open_record(path) is None
    assert "无法打开这份记录" in window.statusBar().currentMessage()
    assert path.read_bytes() == b"plain text, not SQLite"


def test_only_the_turns_a_record_reached_are_offered(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from game.ui.workshop.session_open import SessionOpenWindow

    opened = window.open_record(session[0])
    full = opened.sources[0]
    assert opened.turn_spin.maximum() == full.scenario.turns + 1  # every turn, then the end
    stopped = dataclasses.replace(full, acts=tuple(a for a in full.acts if a.turn == 1))
    short = SessionOpenWindow(session[0], [stopped])
    qtbot.addWidget(short)
    assert short.turn_spin.maximum() == 2 and short.turn_slider.maximum() == 2
    assert short.turn_spin.text() == "记录结束处"
    assert short.chosen_turn() is None


def test_a_missing_record_is_named_in_plain_words_and_cleared_by_a_success(
        window, session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.ui.common import i18n

    missing = tmp_path / "gone.db"
    assert window.open_record(missing) is None
    said = window.statusBar().currentMessage()
    assert f"没有这个文件：{missing}" in said and "Errno" not in said
    i18n.set_language("en")
    try:
        assert window.open_record(missing) is None
        assert f"no such file: {missing}" in window.statusBar().currentMessage()
    finally:
        i18n.set_language("zh")
    opened = window.open_record(session[0])
    assert opened is not None
    opened.close()
    assert window.statusBar().currentMessage() == ""
