"""RemoteSession: a workshop seat as the game window holds it, without a host.

The connection's signals are fed by hand (views built from a local game, answers as a host
would give them): what the session does on the spot, what it leaves pending, and how the
answer comes back.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.engine.game import Game
from game.ui.workshop.connection import WorkshopConnection
from game.ui.workshop.remote_session import RemoteSession
from game.workshop.client import JoinError, Reply
from game.workshop.seat_view import SeatView, seat_view
from tests.workshop.helpers import tutorial

WAIT_MS = 5_000


@pytest.fixture
def session(qapp) -> RemoteSession:  # type: ignore[no-untyped-def]
    connection = WorkshopConnection("127.0.0.1:9", "ABCDEF")  # never started: fed by hand
    sent: list[tuple[str, Any]] = []
    connection.submit = lambda move, tag=None: sent.append(("move", move))  # type: ignore[method-assign]
    connection.end_phase = lambda tag=None: sent.append(("end_phase", None))  # type: ignore[method-assign]
    remote = RemoteSession(connection)
    remote.sent = sent  # type: ignore[attr-defined]
    return remote


def _view(**changes: Any) -> SeatView:
    game = Game(tutorial(), seed=1, humans=["hexi"])
    return seat_view(game, "hexi", table=2).model_copy(update=changes)


def _feed(qtbot, session: RemoteSession, view: SeatView, link: str = "connected") -> None:  # type: ignore[no-untyped-def]
    session.connection.view_changed.emit(view)
    session.connection.state_changed.emit(link)
    qtbot.waitUntil(lambda: session.ready() and session.link == link and (
        session.view.turn, session.view.phase) == (view.turn, view.phase), timeout=WAIT_MS)


def test_before_the_first_view_nothing_can_be_done(session: RemoteSession) -> None:
    assert not session.ready() and not session.local
    with pytest.raises(LookupError):
        _ = session.view
    refused = session.submit({"kind": "report_progress", "task": "reclaim"})
    assert not refused.ok and not refused.pending and refused.reason.code == "offline"


def test_the_first_view_replaces_the_game_and_later_ones_change_it(
        qtbot, session: RemoteSession) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignals([session.signals.first_view, session.bridge.game_replaced],
                           timeout=WAIT_MS):
        session.connection.view_changed.emit(_view())
    assert session.seat == "hexi" and session.directory.units
    later = _view(directory=None, turn=2)
    with qtbot.waitSignal(session.bridge.state_changed, timeout=WAIT_MS):
        session.connection.view_changed.emit(later)
    assert session.view.turn == 2
    assert session.view.directory is not None  # sent once a connection: kept


def test_a_move_is_pending_and_its_answer_comes_by_signal(
        qtbot, session: RemoteSession) -> None:  # type: ignore[no-untyped-def]
    _feed(qtbot, session, _view())
    move = {"kind": "allocate_time", "weights": {"local_needs": 0.5}}
    outcome = session.submit(move)
    assert outcome.pending and not outcome.ok and outcome.reason is None
    assert session.sent == [("move", move)]  # type: ignore[attr-defined]
    with qtbot.waitSignal(session.bridge.answered, timeout=WAIT_MS) as answered:
        session.connection.replied.emit(
            Reply(False, code="funds", zh="经费不足。", en="Not enough funds."),
            ("move", move))
    sent, result = answered.args
    assert sent == move and not result.ok and result.reason.code == "funds"
    assert result.reason.text("en") == "Not enough funds."


def test_a_phase_end_waits_for_the_table_and_a_refused_one_can_be_tried_again(
        qtbot, session: RemoteSession) -> None:  # type: ignore[no-untyped-def]
    _feed(qtbot, session, _view())
    assert session.end_phase().pending
    again = session.end_phase()  # not twice while the first is on its way
    assert not again.pending and again.reason.code == "ended"
    with qtbot.waitSignal(session.bridge.answered, timeout=WAIT_MS) as answered:
        session.connection.replied.emit(Reply(False, code="paused", zh="暂停", en="paused"),
                                        ("end_phase", None))
    assert answered.args[0] is None and answered.args[1].reason.code == "paused"
    assert session.cannot_act() == ""
    assert session.end_phase().pending
    _feed(qtbot, session, _view(phase="report", directory=None))  # the table moved on
    assert session.cannot_act() == ""


@pytest.mark.parametrize(("changes", "link", "code"), [
    ({}, "reconnecting", "offline"),
    ({"over": True}, "connected", "over"),
    ({"closed": True}, "connected", "closed"),
    ({"paused": True}, "connected", "paused"),
    ({"held_by": "computer"}, "connected", "computer"),
    ({"ended": True}, "connected", "ended"),
])
def test_a_seat_that_cannot_act_is_refused_on_the_spot_with_the_reason(
        qtbot, session: RemoteSession, changes: dict[str, Any], link: str, code: str) -> None:  # type: ignore[no-untyped-def]
    _feed(qtbot, session, _view(**changes), link)
    for outcome in (session.submit({"kind": "report_progress", "task": "reclaim"}),
                    session.end_phase()):
        assert not outcome.ok and not outcome.pending and outcome.reason.code == code
        assert outcome.reason.zh and outcome.reason.en
    assert session.sent == []  # type: ignore[attr-defined]  # nothing went to the host


def test_a_lost_connection_says_why(qtbot, session: RemoteSession) -> None:  # type: ignore[no-untyped-def]
    states: list[str] = []
    session.signals.link_changed.connect(states.append)
    session.connection.failed.emit("No seat has this join code.")
    qtbot.waitUntil(lambda: states == ["lost"], timeout=WAIT_MS)
    assert session.failure == "No seat has this join code."


@pytest.mark.parametrize("link", ["connected", "reconnecting", "ended"])
def test_an_ended_session_refuses_as_ended_whatever_the_connection(
        qtbot, session: RemoteSession, link: str) -> None:  # type: ignore[no-untyped-def]
    _feed(qtbot, session, _view(closed=True), link)
    refused = session.submit({"kind": "report_progress", "task": "reclaim"})
    assert not refused.pending and refused.reason.code == "closed"
    assert (refused.reason.zh, refused.reason.en) == ("本场研讨已结束。", "The session has ended.")


def test_a_lost_connection_keeps_the_reason_in_both_languages(
        qtbot, session: RemoteSession) -> None:  # type: ignore[no-untyped-def]
    session.connection.failed.emit(JoinError("No seat has this join code.", "没有这个加入码。",
                                             "token"))
    qtbot.waitUntil(lambda: session.link == "lost", timeout=WAIT_MS)
    assert session.failure_code == "token"
    assert session.failure_text("zh") == "没有这个加入码。"
    assert session.failure_text("en") == "No seat has this join code."
