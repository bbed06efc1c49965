"""Game ▸ Join a workshop: the window plays a seat at a real host on 127.0.0.1."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from game.ui.common.i18n import set_language, tr
from game.workshop.host import WorkshopHost
from game.workshop.record import Record
from tests.workshop.helpers import tutorial

WAIT_MS = 20_000
SHOTS = [(lang, size) for lang in ("zh", "en") for size in ((1280, 800), (1024, 640))]


class HostThread:
    """A workshop host of the tutorial on its own event loop in a thread (as on another
    laptop): started, stopped and restarted from its record on the same port."""

    def __init__(self, db: Path, seats: list[str]) -> None:
        self.db, self.seats = db, seats
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.host: WorkshopHost | None = None
        self.port = 0

    def _run(self, coroutine):  # type: ignore[no-untyped-def]
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)

    def start(self) -> None:
        async def start() -> None:
            self.host = WorkshopHost(tutorial(), Record(self.db), 1, self.seats, 5, 30.0)
            self.port = await self.host.start("127.0.0.1", self.port)

        self._run(start())

    def stop(self) -> None:
        assert self.host is not None
        self._run(self.host.stop())

    def codes(self) -> dict[str, str]:
        assert self.host is not None
        return {seat: code for _, seat, code in self.host.codes()}

    def close(self) -> None:
        if self.host is not None:
            self._run(self.host.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture
def host(tmp_path: Path) -> Iterator[HostThread]:
    running = HostThread(tmp_path / "session.sqlite", ["hexi"])
    running.start()
    yield running
    running.close()


def _join(qtbot, window, host: HostThread) -> None:  # type: ignore[no-untyped-def]
    window.menus.actions["join"].trigger()
    dialog = window.join_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.address, f"127.0.0.1:{host.port}")
    code = host.codes()["hexi"]
    qtbot.keyClicks(dialog.code, f"{code[:3].lower()}-{code[3:]}")  # typed as read aloud
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.remote is not None and window.remote.view is not None
                    and window.remote.connection.state == "connected", timeout=WAIT_MS)


def test_a_bad_code_is_named_in_the_dialog_and_nothing_starts(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.menus.actions["join"].trigger()
    dialog = window.join_dialog
    qtbot.keyClicks(dialog.address, "127.0.0.1:9")
    qtbot.keyClicks(dialog.code, "O0I1")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == tr("join.bad_code", n=6)
    assert dialog.isVisible() and window.remote is None


def test_the_window_plays_a_remote_seat_and_reconnects_by_itself(
        qtbot, window, host: HostThread, screenshot) -> None:  # type: ignore[no-untyped-def]
    _join(qtbot, window, host)
    page = window.remote
    assert window.stack.currentWidget() is page
    view = page.view
    assert view.seat == "hexi" and view.phase == "plan" and view.held_by == "person"
    assert page.link.text() == tr("remote.state.connected")
    assert "河西镇" in page.seat.text()  # names come from the library's copy of the scenario
    assert page.inbox.count() == len(view.documents) > 0
    assert page.stakes.rowCount() == len(view.stakes) > 0
    for lang, size in SHOTS:
        set_language(lang)
        window.resize(*size)
        screenshot(window, f"workshop-joined-{size[0]}x{size[1]}")
    set_language("zh")
    window.resize(1280, 720)

    page.tabs.setCurrentIndex(2)
    screenshot(window, "workshop-tasks")
    page.tabs.setCurrentIndex(3)
    screenshot(window, "workshop-pending")

    # a move through the composer: the host accepts it and sends a new view
    assert page.choose("allocate_time")
    page.form.inputs["weights"].spins["local_needs"].setValue(0.25)
    page.tabs.setCurrentIndex(1)
    for lang, size in SHOTS:
        set_language(lang)
        window.resize(*size)
        screenshot(window, f"workshop-composer-{size[0]}x{size[1]}")
    set_language("zh")
    window.resize(1280, 720)
    before = len(view.documents)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == tr(
        "composer.sent", what=tr("action.allocate_time")), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(page.view.moves_made) == 1, timeout=WAIT_MS)
    assert page.view.moves_made[0]["kind"] == "allocate_time"
    assert page.view.moves_made[0]["weights"]["local_needs"] == 0.25
    assert len(page.view.documents) >= before
    assert host.host.tables[1].game.recorded[-1].move["kind"] == "allocate_time"

    # a move the engine refuses is named and changes nothing
    assert page.choose("lever_social")
    page.form.inputs["funds"].setValue(999_999)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith(
        tr("composer.refused", reason="")), timeout=WAIT_MS)

    # end the phase: the table (only Hexi is a person) moves on to the report phase
    assert window.menus.actions["end_phase"].isEnabled()  # Ctrl+Return / F5 end it too
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view.phase == "report", timeout=WAIT_MS)
    assert tr("phase.report") in page.turn.text()
    assert page.choose("report_progress")

    # the network drops: the header says so, and the client comes back by itself
    states: list[str] = []
    page.connection.state_changed.connect(states.append)
    page.connection.drop()
    qtbot.waitUntil(lambda: states[-2:] == ["reconnecting", "connected"], timeout=WAIT_MS)
    assert page.link.text() == tr("remote.state.connected")

    # the host goes away and comes back from its record on the same port
    host.stop()
    qtbot.waitUntil(lambda: page.link.text() == tr("remote.state.reconnecting"),
                    timeout=WAIT_MS)
    assert not page.end_button.isEnabled()
    host.start()
    qtbot.waitUntil(lambda: page.link.text() == tr("remote.state.connected"), timeout=WAIT_MS)
    assert page.view.phase == "report" and page.end_button.isEnabled()

    # on to the end: the seat's own score arrives and opens its tab
    assert not page.tabs.isTabEnabled(4)
    while not page.view.over:
        at = (page.view.turn, page.view.phase)
        qtbot.waitUntil(page.end_button.isEnabled, timeout=WAIT_MS)
        window.menus.actions["end_phase"].trigger()
        qtbot.waitUntil(lambda at=at: (page.view.turn, page.view.phase) != at,
                        timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.view.score is not None, timeout=WAIT_MS)
    assert page.tabs.isTabEnabled(4) and page.view.score["unit"] == "hexi"
    assert page.score.text().startswith(tr("remote.score", score="")[:5])
    assert page.parts.rowCount() == len(page.view.score["indicators"]) > 0
    assert not page.end_button.isEnabled() and page.turn.text() == tr("remote.over")
    page.tabs.setCurrentIndex(4)
    screenshot(window, "workshop-score")
    window.leave_workshop()
    assert window.remote is None


def test_a_code_the_host_does_not_know_is_named_and_the_header_says_lost(
        qtbot, window, host: HostThread) -> None:  # type: ignore[no-untyped-def]
    known = set(host.codes().values())
    code = next(c for c in ("ABCDEF", "ABCDEG") if c not in known)
    window.join_workshop(f"127.0.0.1:{host.port}", code)
    page = window.remote
    qtbot.waitUntil(lambda: page.link.text() == tr("remote.state.lost"), timeout=WAIT_MS)
    assert page.waiting.text().startswith(tr("remote.failed", reason="")[:4])
    assert page.view is None and not page.end_button.isEnabled()
    window.leave_workshop()
