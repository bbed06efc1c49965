"""The turn report and the dashboard draw the seat's view alone: the same from a view that went
through JSON (as a remote table sends it) as from the local game's."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from game.engine.game import INTERACTIVE, Game
from game.policies import POLICIES, Hand
from game.scenario.loader import load_scenario
from game.ui.common import i18n
from game.ui.common.bridge import EngineBridge
from game.ui.common.i18n import tr
from game.ui.common.task_model import TASK_ID_ROLE, TaskListModel
from game.ui.play.dashboard_view import DashboardView
from game.ui.play.session import GameSession, SeatSession
from game.ui.play.turn_account import account_html
from game.ui.play.turn_report_view import TurnReportView
from game.workshop.seat_view import SeatView
from tests.ui.conftest import TUTORIAL


class ViewSession(SeatSession):
    """A seat session holding nothing but a view (no game behind it)."""

    local = False

    def __init__(self, view: SeatView) -> None:
        self._held = view
        self.seat = view.seat
        self.bridge = EngineBridge()
        self.read: set[int] = set()

    @property
    def view(self) -> SeatView:
        return self._held

    def submit(self, move: Any) -> Any:
        raise AssertionError("a screen that only shows must not act")

    def end_phase(self) -> Any:
        raise AssertionError("a screen that only shows must not act")


def _played(seat: str, seed: int = 2, until_turn: int | None = None) -> GameSession:
    game = Game(load_scenario(TUTORIAL), seed, humans=[seat])
    hand = Hand(game, seat)
    while not game.over and (until_turn is None or game.turn < until_turn):
        if game.phase in INTERACTIVE:
            POLICIES["thoughtful"].act(hand)
        game.advance()
    return GameSession(game, seat, TUTORIAL)


def _through_json(session: GameSession) -> ViewSession:
    view = session.view
    return ViewSession(SeatView.model_validate_json(view.model_dump_json()))


@pytest.fixture(params=["hexi", "county_agri"])
def session(qapp, request: pytest.FixtureRequest) -> GameSession:  # type: ignore[no-untyped-def]
    return _played(request.param)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_reads_the_same_from_a_view_through_json(qtbot, session, lang: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    local, remote = TurnReportView(session), TurnReportView(_through_json(session))
    qtbot.addWidget(local)
    qtbot.addWidget(remote)
    turns = [local.turn_combo.itemData(i) for i in range(local.turn_combo.count())]
    assert turns == list(range(session.game.scenario.turns, 0, -1))
    for turn in turns:
        local.show_turn(turn)
        remote.show_turn(turn)
        text = local.browser.toPlainText()
        assert tr("account.moves") in text and tr("account.tasks") in text
        assert tr("account.judged") in text and tr("account.time") in text
        assert remote.browser.toPlainText() == text, turn


def _drawn(view: DashboardView) -> list[tuple[Any, ...]]:
    """Every table the dashboard draws, cell by cell, with its headers and chart title."""
    drawn: list[tuple[Any, ...]] = []
    for key, panel in view.panels.items():
        model = panel.model
        headers = [model.headerData(c, 1) for c in range(model.columnCount())]
        cells = [[model.index(r, c).data() for c in range(model.columnCount())]
                 for r in range(model.rowCount())]
        drawn.append((key, panel.shown, panel.view.chart().title(), headers, cells))
    return drawn


def test_the_dashboard_draws_the_same_from_a_view_through_json(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    local, remote = DashboardView(session), DashboardView(_through_json(session))
    qtbot.addWidget(local)
    qtbot.addWidget(remote)
    assert local.task_combo.count() == remote.task_combo.count() > 0
    for row in range(local.task_combo.count()):
        local.task_combo.setCurrentIndex(row)
        remote.task_combo.setCurrentIndex(row)
        drawn = _drawn(local)
        assert all(cells for key, shown, _, _, cells in drawn if shown), drawn
        assert _drawn(remote) == drawn


def test_the_turn_under_way_is_reported_as_not_over_yet(qapp) -> None:  # type: ignore[no-untyped-def]
    session = _played("hexi", until_turn=3)
    view = _through_json(session).view
    assert view.turn == 3 and not view.over
    assert tr("account.not_yet", turn=3) in account_html(view, 3)
    assert tr("account.not_yet", turn=2) not in account_html(view, 2)


def test_the_task_list_reads_the_same_from_the_directory_as_from_the_game(qapp) -> None:  # type: ignore[no-untyped-def]
    session = _played("county_agri", until_turn=1)
    directory = _through_json(session).view.directory
    assert directory is not None
    listed = TaskListModel(directory), TaskListModel(session.game)
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, TASK_ID_ROLE)
    rows = [[[m.index(r).data(role) for role in roles] for r in range(m.rowCount())]
            for m in listed]
    assert rows[0] == rows[1] and rows[0] and all(tip for _, tip, _ in rows[0])
