"""The console's parts without a running session: the grid over a status, the alerts, the
set-up's checks, a start that fails, and the menu that opens the console."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.ui.common.i18n import set_language, tr
from game.ui.workshop.console_grid import STUCK_TINT, TableGridModel, clock
from game.ui.workshop.console_window import ConsoleWindow
from game.workshop.protocol import Alert, SeatStatus, StatusMessage, TableResult, TableStatus
from game.workshop.seat_view import seat_view
from tests.ui.conftest import TUTORIAL


def _table(number: int, seats: list[SeatStatus], **changes: object) -> TableStatus:
    fields: dict[str, object] = dict(
        table=number, turn=2, turns=6, phase="report", over=False, paused=False, closed=False,
        waiting_for=["hexi"], seats=seats, phase_s=75.0, idle_s=10.0, timer_left=None,
        events=40, stuck=False)
    fields.update(changes)
    return TableStatus.model_validate(fields)


def _status() -> StatusMessage:
    return StatusMessage(seq=0, at=0.0, scenario_id="tutorial", stuck_s=300.0, ended=False,
                         tables=[
                             _table(1, [SeatStatus(seat="county_agri", state="done", label="甲"),
                                        SeatStatus(seat="hexi", state="disconnected")]),
                             _table(2, [SeatStatus(seat="county_agri", state="computer"),
                                        SeatStatus(seat="hexi", state="acting",
                                                   label="乙", connected=True)],
                                    stuck=True, idle_s=420.0, timer_left=30.0)],
                         alerts=[Alert(table=2, code="stuck", zh="第 2 桌已 7 分钟没有动作。",
                                       en="Table 2: no act for 7 min.")])


@pytest.fixture
def console(qtbot, tmp_path: Path) -> Iterator[ConsoleWindow]:  # type: ignore[no-untyped-def]
    set_language("zh")
    window = ConsoleWindow(tmp_path / "records", None, confirm=lambda _text: True,
                           lan="127.0.0.1", bind="127.0.0.1")
    qtbot.addWidget(window)
    yield window
    window.shut_down()
    set_language("zh")


def test_the_grid_says_each_seats_state_in_words_and_marks_a_stuck_table() -> None:
    set_language("en")
    model = TableGridModel(str, {1: "pressure"}, scenario_style="mixed")
    model.set_status(_status())
    assert (model.rowCount(), model.columnCount()) == (2, 5)
    assert model.cell_text(0, 0) == "Table 1 · Pressure"
    assert model.cell_text(1, 0) == "Table 2 · Mixed (scenario's)"
    assert model.cell_text(0, 1) == "Turn 2/6 · Report"
    assert model.cell_text(0, 2) == "Playing · 1:15"
    assert model.cell_text(1, 2) == "⚠ No act for 7 min · 1:15 (timer: 0:30 left)"
    assert model.cell_text(0, 3) == "✓\u00a0Done · 甲"
    assert model.cell_text(0, 4) == "⚠\u00a0Disconnected"
    assert model.cell_text(1, 3) == "⚙\u00a0Computer"
    stuck = model.data(model.index(1, 4), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(stuck, QBrush) and stuck.color().name() == STUCK_TINT
    assert model.data(model.index(0, 4), Qt.ItemDataRole.BackgroundRole) is None
    set_language("zh")
    assert model.cell_text(0, 3) == "✓\u00a0已结束本阶段 · 甲"
    assert model.seat_at(4) == "hexi" and model.seat_at(2) is None
    assert [clock(s) for s in (0, 59.9, 61, 3725)] == ["0:00", "0:59", "1:01", "1:02:05"]


def test_the_console_shows_the_alerts_in_the_current_language(  # type: ignore[no-untyped-def]
        qtbot, console, screenshot) -> None:
    console.show()
    qtbot.waitExposed(console)
    console._on_status(_status())
    console.stack.setCurrentWidget(console.session)
    assert console.alerts.text() == "⚠ 第 2 桌已 7 分钟没有动作。"
    screenshot(console, "console-alert-1280x720")
    set_language("en")
    assert console.alerts.text() == "⚠ Table 2: no act for 7 min."
    screenshot(console, "console-alert-1280x720")
    ended = _status().model_copy(update={"ended": True, "alerts": []})
    console._on_status(ended)
    assert console.alerts.text() == tr("console.ended")


def test_a_refusal_is_shown_with_its_reason_and_follows_the_language(console) -> None:  # type: ignore[no-untyped-def]
    console.acts.show_results("pause", [
        TableResult(table=1, ok=True),
        TableResult(table=2, ok=False, code="over", zh="对局已结束。", en="The game is over.")])
    assert console.acts.result.text() == "暂停 — 第 2 桌：对局已结束。"
    set_language("en")
    assert console.acts.result.text() == "Pause — Table 2: The game is over."


def test_the_set_up_says_what_is_missing_and_starts_nothing(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    setup = console.setup
    assert setup.entries and setup.entry() is not None
    setup.set_seats([])
    qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
    assert setup.problem.text() == tr("setup.no_seats") and console.runner is None
    setup.set_seats(["hexi"])
    setup.tables.setValue(4)
    assert setup.per_table.rowCount() == 4 and setup.per_table.columnCount() == 2
    setup.set_style(4, "communicative")
    setup.per_table.item(2, 1).setText("  丙组  ")
    plan = setup.plan()
    assert not isinstance(plan, str)
    assert (plan.tables, plan.seats, plan.styles, plan.labels) == (
        4, ["hexi"], {4: "communicative"}, {(3, "hexi"): "丙组"})


def test_a_taken_port_is_named_and_the_set_up_can_try_again(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    setup = console.setup
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        setup.port.setValue(port)
        qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: setup.start_button.isEnabled(), timeout=20_000)
    assert setup.problem.text() == tr("console.start_failed",
                                      reason=tr("console.port_taken", port=port))
    assert console.runner is None and console.stack.currentWidget() is setup
    assert not Path(setup.record.text()).exists()


def test_game_menu_host_a_workshop_opens_the_console(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.menus.actions["host"].trigger()
    console = window.console
    assert console is not None and console.isVisible()
    qtbot.addWidget(console)
    assert console.stack.currentWidget() is console.setup
    window.menus.actions["host"].trigger()  # again: the same console comes forward
    assert window.console is console
    console.close()


def _mnemonics(root) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(letter, text) of every visible button, label with a buddy and tab under `root`
    (what Alt+letter reaches now)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    texts = [w.text() for w in root.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in root.findChildren(QLabel)
              if w.buddy() is not None and w.isVisible()]
    for bar in root.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(i) for i in range(bar.count())]
    found = []
    for text in texts:
        at = text.replace("&&", "").find("&")
        if at >= 0:
            found.append((text.replace("&&", "")[at + 1].lower(), text))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_act_of_the_console_has_a_key_of_its_own(qtbot, console, lang: str) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    console.show()
    qtbot.waitExposed(console)
    for name, button in console.acts.buttons.items():
        assert "&" in button.text(), name
    setup = _mnemonics(console.setup)
    assert len({k for k, _ in setup}) == len(setup) > 8, sorted(setup)
    console.stack.setCurrentWidget(console.session)
    console.mirror.set_watched((1, "hexi"))
    game = Game(load_scenario(TUTORIAL), seed=1, humans=["county_agri", "hexi"])
    console.mirror.show_view(1, "hexi", seat_view(game, "hexi", table=1))
    assert console.mirror.page is not None
    for tab in range(console.tabs.count()):
        console.tabs.setCurrentIndex(tab)
        page = _mnemonics(console.session)
        assert len({k for k, _ in page}) == len(page) > 3, (tab, sorted(page))


def test_a_tables_style_and_labels_are_chosen_from_the_keyboard(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QLineEdit

    console.show()
    qtbot.waitExposed(console)

    def editor(kind):  # type: ignore[no-untyped-def]
        [found] = [w for w in grid.findChildren(kind) if w.isVisible()]
        return found

    grid = console.setup.per_table
    grid.setFocus()
    grid.setCurrentCell(1, 0)
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    box = editor(QComboBox)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert console.setup.styles() == {2: "communicative"}
    assert grid.item(1, 0).text() == tr("grid.style.communicative")
    grid.setCurrentCell(2, 2)
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    line = editor(QLineEdit)
    qtbot.keyClicks(line, "Grp3")
    qtbot.keyClick(line, Qt.Key.Key_Tab)  # on to the next cell: the label is taken
    assert console.setup.labels() == {(3, "hexi"): "Grp3"}


def test_once_the_session_ended_only_watching_is_left(console) -> None:  # type: ignore[no-untyped-def]
    console._on_status(_status())
    console.select(2, "hexi")
    assert console.acts.buttons["pause"].isEnabled()
    console._on_status(_status().model_copy(update={"ended": True}))
    enabled = {act for act, button in console.acts.buttons.items() if button.isEnabled()}
    assert enabled == {"watch"}


def test_the_console_connects_to_a_host_run_elsewhere(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from game.scenario.loader import load_scenario
    from game.workshop.runner import HostRunner, SessionPlan
    from tests.workshop.helpers import SEATS, TUTORIAL

    runner = HostRunner(SessionPlan(load_scenario(TUTORIAL), str(TUTORIAL),
                                    tmp_path / "elsewhere.sqlite", 2, SEATS, bind="127.0.0.1"))
    port = runner.start()
    try:
        token = runner.call(lambda host: host.facilitator_token)
        setup = console.setup
        qtbot.keyClicks(setup.address, f"127.0.0.1:{port}")
        qtbot.keyClicks(setup.token, f"{token[:5].lower()}-{token[5:]}")  # as read aloud
        qtbot.mouseClick(setup.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: console.status is not None, timeout=20_000)
        assert console.stack.currentWidget() is console.session
        assert console.grid_model.headerData(4, Qt.Orientation.Horizontal) == "河西镇"
        assert console.acts.event.count() == len(load_scenario(TUTORIAL).events)
        assert console.codes_panel.note.text() == tr("console.codes_remote")
        assert not console.codes_panel.print_button.isEnabled()
    finally:
        console.shut_down()
        runner.stop()


def test_text_grows_for_the_room_and_back(console) -> None:  # type: ignore[no-untyped-def]
    def size(widget) -> float:  # type: ignore[no-untyped-def]
        widget.ensurePolished()
        return float(widget.font().pointSizeF())

    base, button = size(console.grid), size(console.acts.buttons["pause"])
    assert base == pytest.approx(button * 1.25, abs=0.1)
    [larger, smaller, normal] = console.zoom_actions
    larger.trigger()
    larger.trigger()
    assert size(console.grid) == pytest.approx(base * 1.15 ** 2, abs=0.1)
    assert size(console.acts.buttons["pause"]) == pytest.approx(button * 1.15 ** 2, abs=0.1)
    for _ in range(20):
        smaller.trigger()
    assert console.zoom == 0.8
    normal.trigger()
    assert size(console.grid) == pytest.approx(base, abs=0.1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_wrong_token_leaves_the_connect_form_with_the_reason(  # type: ignore[no-untyped-def]
        qtbot, console, tmp_path: Path, lang: str) -> None:
    from game.workshop.runner import HostRunner, SessionPlan
    from tests.workshop.helpers import SEATS, TUTORIAL

    set_language(lang)
    runner = HostRunner(SessionPlan(load_scenario(TUTORIAL), str(TUTORIAL),
                                    tmp_path / "elsewhere.sqlite", 1, SEATS, bind="127.0.0.1"))
    port = runner.start()
    try:
        token = runner.call(lambda host: host.facilitator_token)
        setup = console.setup
        qtbot.keyClicks(setup.address, f"127.0.0.1:{port}")
        qtbot.keyClicks(setup.token, "WRONG-TOKEN")
        qtbot.mouseClick(setup.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: console.stack.currentWidget() is setup
                        and setup.problem.isVisibleTo(console), timeout=20_000)
        said = setup.problem.text()
        assert said.startswith(tr("console.failed", reason="")), said
        assert ("口令" in said) if lang == "zh" else ("token" in said.lower())
        assert setup.token.selectedText() == "WRONG-TOKEN" and console.link is None
        setup.token.setText(f"{token[:5]}-{token[5:]}")  # retyped, and it works
        qtbot.mouseClick(setup.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: console.status is not None, timeout=20_000)
        assert console.stack.currentWidget() is console.session
        assert console.codes_panel.token_line.text() == tr(
            "console.token", token=f"{token[:5]}-{token[5:]}")  # one dash, not two
    finally:
        console.shut_down()
        runner.stop()


def test_a_seat_nobody_joined_yet_is_said_so_not_disconnected() -> None:
    status = _status()
    first = status.tables[0].model_copy(update={"seats": [
        SeatStatus(seat="county_agri", state="disconnected", joined=False),
        SeatStatus(seat="hexi", state="disconnected", label="丙")]})
    model = TableGridModel(str)
    model.set_status(status.model_copy(update={"tables": [first, status.tables[1]]}))
    set_language("en")
    assert model.cell_text(0, 3) == "○\u00a0Not joined yet"
    assert model.cell_text(0, 4) == "⚠\u00a0Disconnected · 丙"
    set_language("zh")
    assert model.cell_text(0, 3) == "○\u00a0尚未加入"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_table_the_computer_holds_alone_is_named_as_waiting_for_a_person(  # type: ignore[no-untyped-def]
        console, lang: str) -> None:
    from game.workshop.host import WorkshopHost
    from game.workshop.record import Record
    from tests.workshop.helpers import SEATS

    host = WorkshopHost(load_scenario(TUTORIAL), Record(":memory:"), tables=2, seats=SEATS,
                        seed=1)
    try:
        before = host.status()
        assert not any(s.joined for t in before.tables for s in t.seats)
        for seat in SEATS:
            assert host.tables[2].to_computer(seat) is None
        refusal = host.tables[2].to_computer("hexi")
        assert refusal is not None and "'hexi'" not in refusal.en and "河西镇" in refusal.zh
        assert "Hexi" in refusal.en
        set_language(lang)
        console._on_status(host.status())
        said = console.alerts.text()
        assert said != tr("console.no_alerts")
        assert ("第 2 桌" in said and "有人回到席位" in said) if lang == "zh" else (
            "Table 2" in said and "waits for a person to return" in said)
    finally:
        host.record.close()


def test_the_notice_fields_are_cleared_once_it_is_sent(console) -> None:  # type: ignore[no-untyped-def]
    console.acts.notice_zh.setText("请注意")
    console.acts.notice_en.setText("Mind this")
    console.acts.show_results("broadcast", [TableResult(table=0, ok=False, code="lost",
                                                        zh="主机没有答复", en="No answer")])
    assert console.acts.notice_zh.text() == "请注意"  # refused: kept to send again
    console.acts.show_results("broadcast", [TableResult(table=1, ok=True)])
    assert (console.acts.notice_zh.text(), console.acts.notice_en.text()) == ("", "")
