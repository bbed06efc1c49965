"""Game ▸ Host a workshop: the facilitator's console runs a real session on 127.0.0.1.

Issue 12's "done when": a session of 3 tables with 6 simulated participants (clients of
game/workshop/client.py playing `simple_policy` over loopback) — the console pauses one table,
broadcasts, injects an inspection into another, hands a seat to the computer and back, and
ends the session; screenshots of the console in both languages at 1280x720 and 1024x640.
"""

from __future__ import annotations

import asyncio
import csv
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from game.ui.common.i18n import set_language, tr
from game.ui.workshop.console_window import ConsoleWindow
from game.workshop.client import WorkshopClient, simple_policy
from game.workshop.record import Record
from game.workshop.seat_view import SeatView
from tests.workshop.helpers import SEATS, TUTORIAL
from tests.workshop.scenarios import _EVENT, INSPECTION

WAIT_MS = 30_000
SIZES = ((1280, 720), (1024, 640))
NOTICE_ZH = "还有五分钟，请抓紧。"
NOTICE_EN = "Five minutes left."
T = TypeVar("T")


class Crowd:
    """The participants: one `WorkshopClient` per human seat, on their own event loop in a
    thread (as on their own laptops); the test drives them phase by phase."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.people: dict[tuple[int, str], WorkshopClient] = {}

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(WAIT_MS / 1000)

    def join(self, address: str, codes: list[tuple[int, str, str]]) -> None:
        async def join() -> None:
            self.people = {(t, s): WorkshopClient(address, code, label=f"P{t}-{s[:4]}")
                           for t, s, code in codes}
            await asyncio.gather(*(c.connect() for c in self.people.values()))

        self.run(join())

    def view(self, table: int, seat: str) -> SeatView:
        view = self.people[(table, seat)].view
        assert view is not None
        return view

    def play_phase(self, tables: list[int]) -> None:
        """Every participant of these tables plays its seat's phase and ends it."""
        async def play() -> None:
            await asyncio.gather(*(c.play_phase(simple_policy)
                                   for (t, _), c in self.people.items() if t in tables))

        self.run(play())

    def close(self) -> None:
        async def close() -> None:
            for client in self.people.values():
                await client.close()

        self.run(close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture
def crowd() -> Iterator[Crowd]:
    running = Crowd()
    yield running
    running.close()


@pytest.fixture
def console(qtbot, tmp_path: Path) -> Iterator[ConsoleWindow]:  # type: ignore[no-untyped-def]
    """The console, with the tutorial plus an inspection in the author's scenarios folder."""
    own = tmp_path / "scenarios"
    own.mkdir()
    text = TUTORIAL.read_text(encoding="utf-8")
    head, tail = text.split("\nseats:", 1)
    (own / "inspected.yaml").write_text(head + _EVENT.rstrip("\n") + "\nseats:" + tail,
                                        encoding="utf-8")
    set_language("zh")
    window = ConsoleWindow(tmp_path / "records", own, confirm=lambda _text: True,
                           lan="127.0.0.1", bind="127.0.0.1")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.shut_down()
    set_language("zh")


def _set_up(qtbot, console: ConsoleWindow, record: Path) -> None:  # type: ignore[no-untyped-def]
    setup = console.setup
    row = next(r for r, e in enumerate(setup.entries) if e.path.name == "inspected.yaml")
    setup.scenario.setCurrentIndex(row)
    setup.tables.setValue(3)
    setup.set_seats(SEATS)
    setup.set_style(1, "pressure")
    setup.set_style(3, "communicative")
    labels = {(1, "county_agri"): "甲组 1", (1, "hexi"): "甲组 2", (2, "hexi"): "乙组 2"}
    for (table, seat), label in labels.items():
        column = 1 + SEATS.index(seat)
        setup.per_table.item(table - 1, column).setText(label)
    setup.port.setValue(0)
    setup.record.setText(str(record))
    qtbot.keyClick(setup, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Start the session


def _status(console: ConsoleWindow) -> Any:
    assert console.status is not None
    return console.status


def _press(qtbot, console: ConsoleWindow, act: str) -> None:  # type: ignore[no-untyped-def]
    button = console.acts.buttons[act]
    assert button.isEnabled(), act
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answered(qtbot, console: ConsoleWindow, act: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: console.acts.results is not None
                    and console.acts.results[0] == act, timeout=WAIT_MS)


def _shots(console: ConsoleWindow, screenshot, name: str) -> list[Path]:  # type: ignore[no-untyped-def]
    paths = []
    for lang in ("zh", "en"):
        set_language(lang)
        for width, height in SIZES:
            console.resize(width, height)
            QApplication.processEvents()
            assert (console.width(), console.height()) == (width, height), (name, lang)
            paths.append(screenshot(console, f"console-{name}-{width}x{height}"))
    set_language("zh")
    console.resize(1280, 720)
    return paths


def test_a_facilitator_runs_three_tables_from_the_console(  # type: ignore[no-untyped-def]
        qtbot, console: ConsoleWindow, crowd: Crowd, tmp_path: Path, screenshot) -> None:
    record = tmp_path / "records" / "session.sqlite"
    _shots(console, screenshot, "setup")
    _set_up(qtbot, console, record)
    qtbot.waitUntil(lambda: console.status is not None and len(console.status.tables) == 3,
                    timeout=WAIT_MS)
    assert console.stack.currentWidget() is console.session
    assert console.join_line.text() == tr("console.address",
                                          address=f"127.0.0.1:{console.runner.port}")
    assert len(console.codes) == 6 and console.codes_panel.table.rowCount() == 6
    assert console.grid_model.cell_text(0, 0) == f"{tr('grid.table_n', n=1)} · " \
        f"{tr('grid.style.pressure')}"

    # The code sheet: one card per seat, with its code, in a PDF whose text reads back.
    from pypdf import PdfReader

    sheet = console.write_code_sheet(tmp_path / "codes.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(sheet)).pages)
    for _, _, code in console.codes:
        assert f"{code[:3]}-{code[3:]}" in text
    assert "甲组 1" in text and "127.0.0.1" in text

    # Six participants join: every seat acting, with its label.
    crowd.join(f"127.0.0.1:{console.runner.port}", console.codes)
    qtbot.waitUntil(lambda: all(s.state == "acting" and s.label for t in _status(console).tables
                                for s in t.seats), timeout=WAIT_MS)
    seat_cell = console.grid_model.index(0, console.grid_model.seat_column("hexi"))
    assert console.grid_model.data(seat_cell).startswith(tr("grid.seat.acting"))
    console.tabs.setCurrentIndex(1)
    _shots(console, screenshot, "codes")
    console.tabs.setCurrentIndex(0)

    # Pause table 1: its participants are told, and a second pause is refused with a reason.
    console.select(1)
    _press(qtbot, console, "pause")
    _answered(qtbot, console, "pause")
    crowd.run(crowd.people[(1, "hexi")].wait_for(lambda v: v.paused))
    qtbot.waitUntil(lambda: _status(console).tables[0].paused, timeout=WAIT_MS)
    assert console.grid_model.cell_text(0, 2).startswith(tr("grid.paused"))
    _press(qtbot, console, "pause")
    qtbot.waitUntil(lambda: "本桌已暂停" in console.acts.result.text(), timeout=WAIT_MS)
    set_language("en")
    assert "Table 1: The table is paused already." in console.acts.result.text()
    set_language("zh")

    # Tables 2 and 3 play their plan phase meanwhile.
    crowd.play_phase([2, 3])
    qtbot.waitUntil(lambda: [t.phase for t in _status(console).tables]
                    == ["plan", "report", "report"], timeout=WAIT_MS)

    # A broadcast to every table reaches every participant's inbox.
    console.acts.on_all.setChecked(True)
    console.acts.notice_zh.setText(NOTICE_ZH)  # (typed through an input method)
    qtbot.keyClicks(console.acts.notice_en, NOTICE_EN)
    _press(qtbot, console, "broadcast")
    _answered(qtbot, console, "broadcast")
    for key, client in crowd.people.items():
        view = crowd.run(client.wait_for(lambda v: any(
            d.kind == "facilitator_notice" for d in v.documents)))
        notice = next(d for d in view.documents if d.kind == "facilitator_notice")
        assert (notice.data["zh"], notice.data["en"]) == (NOTICE_ZH, NOTICE_EN), key
    console.acts.on_selected.setChecked(True)

    # An inspection injected into table 2 only.
    console.select(2)
    console.acts.event.setCurrentIndex(console.acts.event.findData(INSPECTION))
    _press(qtbot, console, "inject")
    _answered(qtbot, console, "inject")
    assert console.acts.results is not None and all(r.ok for r in console.acts.results[1])

    def inspected(view: SeatView) -> bool:
        return any(d.kind == "world_event" and d.data.get("event") == INSPECTION
                   for d in view.documents)

    crowd.run(crowd.people[(2, "hexi")].wait_for(inspected))
    assert not inspected(crowd.view(3, "hexi"))

    # Watch table 2's township read-only: the mirror draws its own view, no way to act.
    console.select(2, "hexi")
    _press(qtbot, console, "watch")
    qtbot.waitUntil(lambda: console.mirror.page is not None, timeout=WAIT_MS)
    assert console.tabs.currentWidget() is console.mirror
    page = console.mirror.page
    mirrored = page.view
    assert mirrored.seat == "hexi" and mirrored.table == 2
    assert mirrored.documents == crowd.view(2, "hexi").documents
    assert page.views["inbox"].model.rowCount() == len(mirrored.documents)
    assert page.header.end_button.isHidden() and page.views["composer"].send_button.isHidden()
    assert not page.session.submit({"kind": "allocate_time"}).ok  # a mirror acts for no one
    _shots(console, screenshot, "mirror")
    console.stop_watching()

    # Hand table 3's township to the computer, then back to its person.
    console.select(3, "hexi")
    _press(qtbot, console, "to_computer")
    _answered(qtbot, console, "to_computer")
    crowd.run(crowd.people[(3, "hexi")].wait_for(lambda v: v.held_by == "computer"))
    qtbot.waitUntil(lambda: _status(console).tables[2].seats[1].state == "computer",
                    timeout=WAIT_MS)
    hexi3 = console.grid_model.index(2, console.grid_model.seat_column("hexi"))
    assert console.grid_model.data(hexi3).startswith(tr("grid.seat.computer"))
    _shots(console, screenshot, "tables")
    _press(qtbot, console, "to_person")
    _answered(qtbot, console, "to_person")
    crowd.run(crowd.people[(3, "hexi")].wait_for(lambda v: v.held_by == "person"))

    # A phase timer on table 2 shows in the grid; table 3's slow phase is ended by hand.
    console.select(2)
    console.acts.minutes.setValue(10)
    _press(qtbot, console, "timer")
    _answered(qtbot, console, "timer")
    qtbot.waitUntil(lambda: _status(console).tables[1].timer_left is not None, timeout=WAIT_MS)
    assert "（计时剩 " in console.grid_model.cell_text(1, 2)
    console.select(3)
    _press(qtbot, console, "end_phase")
    _answered(qtbot, console, "end_phase")
    qtbot.waitUntil(lambda: _status(console).tables[2].phase == "respond", timeout=WAIT_MS)

    # A refusal from the host is shown with its reason: table 2 is not paused.
    console.select(2)
    _press(qtbot, console, "resume")
    qtbot.waitUntil(lambda: "本桌没有暂停" in console.acts.result.text(), timeout=WAIT_MS)

    # End the session: every table closed, the participants told.
    qtbot.keyClick(console.acts, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: _status(console).ended, timeout=WAIT_MS)
    crowd.run(crowd.people[(2, "county_agri")].wait_for(lambda v: v.closed))
    assert console.alerts.text() == tr("console.ended")
    _shots(console, screenshot, "ended")

    # The records, exported from the console: each table with its own superior style.
    files = console.export_records(tmp_path / "export")
    assert {f.name for f in files} >= {"tables.csv", "moves.csv", "datapackage.json"}
    with (tmp_path / "export" / "tables.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["table"], r["superior_style"]) for r in rows] == [
        ("1", "pressure"), ("2", "mixed"), ("3", "communicative")]

    # The debrief: the session's record opened from the console, its three tables listed.
    opened = console.open_record()
    assert opened is not None
    qtbot.addWidget(opened)
    assert opened.model.rowCount() == 3

    # Every facilitator act is in the record.
    console.shut_down()
    done = Record(record)
    kinds = {n: [a.kind for a in done.acts(n) if (a.data or {}).get("by") == "facilitator"]
             for n in (1, 2, 3)}
    done.close()
    assert kinds[1] == ["pause", "notice", "close"]
    assert kinds[2] == ["notice", "inject", "timer", "close"]
    assert kinds[3] == ["notice", "to_computer", "to_person", "force_end", "close"]
