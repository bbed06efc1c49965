"""Game ▸ Join a workshop: the game window plays a seat at a real host on 127.0.0.1.

The seat is drawn by the same game page as a local game (header, inbox, work, report, ...),
from the views the host sends; moves and phase ends go over the network and their answers
come back by signal; the header says how the connection stands, and it comes back by itself.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from game.ui.common.i18n import set_language, tr
from game.ui.play.game_page import GamePage
from game.ui.workshop.connection import WorkshopConnection
from game.workshop.facilitator import FacilitatorClient
from game.workshop.host import WorkshopHost
from game.workshop.record import Record
from tests.ui.driver import choose_action, click, field, type_number
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

    def recorded(self) -> list[dict]:  # type: ignore[type-arg]
        """The table's accepted moves, read on the host's own thread."""
        async def moves() -> list[dict]:  # type: ignore[type-arg]
            assert self.host is not None
            return [m.move for m in self.host.tables[1].game.recorded]

        return self._run(moves())  # type: ignore[no-any-return]

    def end_session(self) -> None:
        """The facilitator ends the session (every table closed), from a console."""
        async def end() -> None:
            assert self.host is not None
            console = FacilitatorClient(f"127.0.0.1:{self.port}", self.host.facilitator_token)
            await console.connect()
            assert all(r.ok for r in await console.end_session())
            await console.close()

        self._run(end())

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


def _join(qtbot, window, host: HostThread) -> GamePage:  # type: ignore[no-untyped-def]
    window.menus.actions["join"].trigger()
    dialog = window.join_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.address, f"127.0.0.1:{host.port}")
    code = host.codes()["hexi"]
    qtbot.keyClicks(dialog.code, f"{code[:3].lower()}-{code[3:]}")  # typed as read aloud
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.remote is not None and window.remote.page is not None
                    and window.remote.session.link == "connected", timeout=WAIT_MS)
    return window.remote.page  # type: ignore[no-any-return]


def _send(qtbot, composer) -> str:  # type: ignore[no-untyped-def]
    """Press send; the composer says the move is on its way, then what the host answered."""
    click(qtbot, composer.send_button)
    assert composer.status.text() == tr("composer.sending")
    qtbot.waitUntil(lambda: composer.status.text() != tr("composer.sending"), timeout=WAIT_MS)
    return composer.status.text()  # type: ignore[no-any-return]


def test_a_bad_code_is_named_in_the_dialog_and_nothing_starts(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.menus.actions["join"].trigger()
    dialog = window.join_dialog
    qtbot.keyClicks(dialog.address, "127.0.0.1:9")
    qtbot.keyClicks(dialog.code, "O0I1")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == tr("join.bad_code", n=6)
    assert dialog.isVisible() and window.remote is None


def test_the_game_window_plays_a_remote_seat_and_reconnects_by_itself(
        qtbot, window, host: HostThread, screenshot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("game.ui.workshop.remote_play.HOST_GONE_S", 1.0)
    page = _join(qtbot, window, host)
    remote = window.remote
    session = remote.session
    assert isinstance(page, GamePage) and window.stack.currentWidget() is page
    assert page.session is session and not session.local
    view = session.view
    assert view.seat == "hexi" and view.phase == "plan" and view.held_by == "person"
    assert view.directory is not None  # the first view of the connection carries it
    # the very game page of a local game: its tabs, its header, drawn from the seat's view
    assert {"inbox", "composer", "report"} <= set(page.keys())
    assert "河西镇" in page.header.seat.text()
    assert remote.bar.link.text() == tr("remote.state.connected")
    assert remote.bar.table.text() == tr("remote.table", table=1)
    assert page.inbox.model.rowCount() == len(view.documents) > 0
    assert window.menus.actions["end_phase"].isEnabled()
    assert not window.menus.actions["save"].isEnabled()  # the host keeps the game, not us
    for lang, size in SHOTS:
        set_language(lang)
        window.resize(*size)
        screenshot(window, f"workshop-joined-{size[0]}x{size[1]}")
    set_language("zh")
    window.resize(1280, 720)

    # a move through the composer: pending at once, then accepted; the new view shows it
    page.show_tab("composer")
    composer = page.composer
    assert choose_action(qtbot, composer, "allocate_time")
    spin = field(composer, "weights").spins["local_needs"]
    type_number(qtbot, spin, 0.3)
    assert _send(qtbot, composer).startswith(tr("composer.sent", what="")[:3])
    qtbot.waitUntil(lambda: len(session.view.moves_made) == 1, timeout=WAIT_MS)
    made = session.view.moves_made[0]
    assert made["kind"] == "allocate_time" and made["weights"]["local_needs"] == spin.value() == 0.3
    assert host.recorded()[-1]["kind"] == "allocate_time"
    qtbot.waitUntil(lambda: composer.made.rowCount() == 1, timeout=WAIT_MS)
    screenshot(window, "workshop-composer")

    # a move the engine refuses comes back with its reason, and changes nothing
    before = len(host.recorded())
    assert session.submit({"kind": "allocate_time", "weights": {"nonsense": 1.0}}).pending
    with qtbot.waitSignal(session.bridge.answered, timeout=WAIT_MS) as answered:
        pass
    move, outcome = answered.args
    assert move["kind"] == "allocate_time" and not outcome.ok and outcome.reason.en
    assert len(host.recorded()) == before

    # end the phase from the header: the table (only Hexi is a person) moves on
    click(qtbot, page.header.end_button)
    qtbot.waitUntil(lambda: session.view.phase == "report", timeout=WAIT_MS)
    assert tr("phase.report") in page.header.phase.text()
    assert composer.select_action("report_progress")

    # the network drops: the header says so, and the client comes back by itself
    states: list[str] = []
    session.signals.link_changed.connect(states.append)
    remote.connection.drop()
    qtbot.waitUntil(lambda: states[-2:] == ["reconnecting", "connected"], timeout=WAIT_MS)
    assert remote.bar.link.text() == tr("remote.state.connected")

    # the host goes away: acting is refused on the spot; it comes back from its record
    host.stop()
    qtbot.waitUntil(lambda: remote.bar.link.text() == tr("remote.state.reconnecting"),
                    timeout=WAIT_MS)
    assert not window.menus.actions["end_phase"].isEnabled()
    refused = session.submit({"kind": "report_progress", "task": "reclaim"})
    assert not refused.ok and not refused.pending and refused.reason.code == "offline"
    screenshot(window, "workshop-reconnecting")
    # still away after a while: the header says the host is gone (and it keeps trying)
    qtbot.waitUntil(lambda: remote.bar.link.text() == tr("remote.state.gone"), timeout=WAIT_MS)
    host.start()
    qtbot.waitUntil(lambda: remote.bar.link.text() == tr("remote.state.connected"),
                    timeout=WAIT_MS)
    assert session.view.phase == "report" and window.menus.actions["end_phase"].isEnabled()

    # on to the end with the window's action: after each turn its report comes to the front
    while not session.view.over:
        at = (session.view.turn, session.view.phase)
        qtbot.waitUntil(window.menus.actions["end_phase"].isEnabled, timeout=WAIT_MS)
        window.menus.actions["end_phase"].trigger()
        qtbot.waitUntil(lambda at=at: (session.view.turn, session.view.phase) != at,
                        timeout=WAIT_MS)
        if session.view.turn != at[0] and not session.view.over:
            assert page.current_key() == "report"
    qtbot.waitUntil(lambda: session.view.score is not None, timeout=WAIT_MS)
    assert session.view.score["unit"] == "hexi"
    if "debrief" in page.views:  # the game's end brings the seat's debrief to the front
        assert page.current_key() == "debrief"
    assert not window.menus.actions["end_phase"].isEnabled()
    assert page.header.phase.text() == tr("header.over")
    screenshot(window, "workshop-over")
    window.leave_workshop()
    assert window.remote is None


def test_a_code_the_host_does_not_know_is_named_and_the_page_says_lost(
        qtbot, window, host: HostThread) -> None:  # type: ignore[no-untyped-def]
    known = set(host.codes().values())
    code = next(c for c in ("ABCDEF", "ABCDEG") if c not in known)
    window.join_workshop(f"127.0.0.1:{host.port}", code)
    remote = window.remote
    qtbot.waitUntil(lambda: remote.joining.link.text() == tr("remote.state.lost"),
                    timeout=WAIT_MS)
    assert window.stack.currentWidget() is remote.joining
    assert remote.joining.text.text().startswith(tr("remote.failed", reason="")[:4])
    assert remote.page is None and not window.menus.actions["end_phase"].isEnabled()
    window.leave_workshop()
    assert window.remote is None


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "无法加入：没有这个加入码。请核对地址和加入码"),
    ("en", "Could not join: No seat has this join code. Check the address and the code"),
])
def test_a_wrong_code_is_named_in_the_windows_language_with_single_punctuation(
        qtbot, window, host: HostThread, lang: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    known = set(host.codes().values())
    window.join_workshop(f"127.0.0.1:{host.port}", next(
        c for c in ("ABCDEF", "ABCDEG") if c not in known))
    remote = window.remote
    qtbot.waitUntil(lambda: remote.session.failure != "", timeout=WAIT_MS)
    assert remote.joining.text.text().startswith(expected)
    assert not remote.joining.cancel.isVisible()  # nothing left to cancel
    set_language("en" if lang == "zh" else "zh")  # the reason follows the language
    other = "无法加入：没有这个加入码。" if lang == "en" else "Could not join: No seat has"
    assert remote.joining.text.text().startswith(other)
    window.leave_workshop()


def test_after_the_session_ended_the_header_says_only_that_and_nothing_reconnects(
        qtbot, window, host: HostThread, screenshot) -> None:  # type: ignore[no-untyped-def]
    page = _join(qtbot, window, host)
    remote, session = window.remote, window.remote.session
    host.end_session()
    qtbot.waitUntil(lambda: session.view.closed, timeout=WAIT_MS)
    for lang in ("zh", "en"):
        set_language(lang)
        assert remote.bar.link.text() == tr("remote.state.ended")
        assert remote.bar.waiting.text() == ""  # no stale "waiting for" run into it
    set_language("zh")
    states: list[str] = []
    session.signals.link_changed.connect(states.append)
    host.stop()  # the headless host shuts down after the session
    qtbot.waitUntil(lambda: session.link == "ended", timeout=WAIT_MS)
    assert "reconnecting" not in states and "unreachable" not in states
    assert remote.connection.client.reconnections == 0
    assert remote.bar.link.text() == tr("remote.state.ended")
    refused = session.submit({"kind": "report_progress", "task": "reclaim"})
    assert not refused.ok and not refused.pending and refused.reason.code == "closed"
    assert refused.reason.en == "The session has ended."
    assert not window.menus.actions["end_phase"].isEnabled()
    # the seat's pages are still there to read
    assert window.stack.currentWidget() is page
    page.show_tab("report")
    assert page.current_key() == "report"
    screenshot(window, "workshop-session-ended")
    window.leave_workshop()


def test_a_seat_taken_over_on_another_device_says_so_and_stays_with_it(
        qtbot, window, host: HostThread) -> None:  # type: ignore[no-untyped-def]
    _join(qtbot, window, host)
    remote, session = window.remote, window.remote.session
    other = WorkshopConnection(f"127.0.0.1:{host.port}", host.codes()["hexi"], "tablet")
    other.start()
    try:
        qtbot.waitUntil(lambda: session.link == "lost", timeout=WAIT_MS)
        assert session.failure_code == "replaced"
        for lang, words in (("zh", "这个席位已在另一台设备上接管"),
                            ("en", "This seat was taken over on another device")):
            set_language(lang)
            assert words in remote.bar.link.text()
        set_language("zh")
        qtbot.waitUntil(lambda: other.state == "connected", timeout=WAIT_MS)
        assert remote.connection.client.reconnections == 0
        assert remote.connection.client.state == "closed"  # no loop stealing it back
        assert not window.menus.actions["end_phase"].isEnabled()
    finally:
        other.close()
    window.leave_workshop()


def test_an_address_typed_as_a_web_address_connects(qtbot, window, host: HostThread) -> None:  # type: ignore[no-untyped-def]
    window.join_workshop(f"http://127.0.0.1:{host.port}/", host.codes()["hexi"])
    qtbot.waitUntil(lambda: window.remote.session.link == "connected", timeout=WAIT_MS)
    assert window.remote.connection.client.url == f"ws://127.0.0.1:{host.port}/"
    window.leave_workshop()


def test_a_host_never_reached_is_named_and_joining_can_be_cancelled(
        qtbot, window, host: HostThread) -> None:  # type: ignore[no-untyped-def]
    port = host.port
    host.stop()  # nothing listens there now
    window.join_workshop(f"ws://127.0.0.1:{port}", "ABCDEF")
    remote = window.remote
    for lang in ("zh", "en"):
        set_language(lang)
        qtbot.waitUntil(lambda: remote.joining.link.text() == tr(
            "remote.state.unreachable", address=f"127.0.0.1:{port}"), timeout=WAIT_MS)
        assert remote.joining.link.text() != tr("remote.state.reconnecting")
        assert f"127.0.0.1:{port}" in remote.joining.link.text()
    set_language("zh")
    assert remote.joining.cancel.isVisible()
    click(qtbot, remote.joining.cancel)
    assert window.remote is None
    host.start()  # the fixture stops it again


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_address_that_can_be_no_hosts_is_named_in_the_dialog(qtbot, window, lang: str) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    window.menus.actions["join"].trigger()
    dialog = window.join_dialog
    qtbot.keyClicks(dialog.address, "http://192.168.1.5:port/")
    qtbot.keyClicks(dialog.code, "ABCDEF")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == tr("join.bad_address", address="http://192.168.1.5:port/")
    assert dialog.isVisible() and window.remote is None
    dialog.reject()
