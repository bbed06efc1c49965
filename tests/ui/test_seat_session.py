"""The play and compose rooms draw a seat's view with no `Game` behind it.

A fake `SeatSession` is fed `SeatView`s read from JSON, as a remote table would send them; the
header, the inbox and its papers, the composer with its forms and its answer table, and the
hand-over screen draw from it alone, and every act goes through `submit` / `end_phase`. This is
what proves a local game and a remote table provide that view alike (issue 11, item 1).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction

from game.engine.game import Game
from game.engine.moves import ExplainShortfall
from game.engine.world import Refusal
from game.scenario.loader import load_scenario
from game.ui.common.bridge import EngineBridge
from game.ui.common.i18n import tr
from game.ui.compose.composer_view import ComposerView
from game.ui.compose.move_answers import COLUMNS, AnswersForm
from game.ui.compose.move_forms import MoveForm
from game.ui.play.header_view import HeaderView
from game.ui.play.hotseat import HandOverView
from game.ui.play.inbox_model import COLUMNS as INBOX_COLUMNS
from game.ui.play.inbox_view import InboxView
from game.ui.play.session import GameSession, Outcome, SeatSession
from game.workshop.seat_view import SeatView, seat_view
from tests.ui.conftest import TUTORIAL


class FakeSession(SeatSession):
    """A seat played from views alone: no game, no engine; acts are written down."""

    local = False

    def __init__(self, view_json: str) -> None:
        self.bridge = EngineBridge()
        self.read: set[int] = set()
        self._now = SeatView.model_validate_json(view_json)
        self.seat = self._now.seat
        self.moves: list[dict[str, Any]] = []
        self.ended = 0
        self.refuse: Refusal | None = None

    @property
    def view(self) -> SeatView:
        return self._now

    def receive(self, view_json: str) -> None:
        """A new view arrives; a host leaves the directory out after the first, so the
        session fills in the one it has (as a remote session must)."""
        view = SeatView.model_validate_json(view_json)
        if view.directory is None:
            view = view.model_copy(update={"directory": self._now.directory})
        self._now = view
        self.bridge.state_changed.emit()

    def submit(self, move: Any) -> Outcome:
        self.moves.append(dict(move))
        return Outcome(self.refuse is None, self.refuse)

    def end_phase(self) -> Outcome:
        self.ended += 1
        return Outcome(True)


def _respond_views() -> tuple[str, str]:
    """The bureau's view on turn 3, respond phase (the rain announced, hexi's explanation
    pending), as JSON; and the view after the bureau answered it, without the directory."""
    game = Game(load_scenario(TUTORIAL), seed=0, humans=["county_agri", "hexi"])
    while (game.turn, game.phase) != (3, "report"):
        game.advance()
    assert game.submit("hexi", ExplainShortfall(task="reclaim", causes=["weather"],
                                                proposed_target=900.0)).ok
    game.advance()
    first = seat_view(game, "county_agri").model_dump_json()
    [request] = [r for r in game.pending_for("county_agri")]
    assert game.submit("county_agri", {"kind": "answer", "request": request.id,
                                       "accept": False}).ok
    later = seat_view(game, "county_agri", with_directory=False).model_dump_json()
    return first, later


@pytest.fixture(scope="module")
def views() -> tuple[str, str]:
    return _respond_views()


@pytest.fixture
def fake(qapp, views) -> FakeSession:  # type: ignore[no-untyped-def]
    return FakeSession(views[0])


def test_the_fake_has_no_game(fake) -> None:  # type: ignore[no-untyped-def]
    assert not hasattr(fake, "game") and not fake.local
    assert fake.directory.unit_name("county_agri", "zh") == "县农业农村局"


def test_the_header_draws_the_view(qtbot, fake) -> None:  # type: ignore[no-untyped-def]
    header = HeaderView(fake, QAction("end"))
    qtbot.addWidget(header)
    view = fake.view
    assert "县农业农村局" in header.seat.text() and "撂荒地复耕" in header.seat.text()
    assert header.turn.text() == tr("header.turn", turn=3, turns=view.turns)
    assert tr("phase.respond") in header.phase.text()
    assert f"{view.resources.time_left:,.1f}" in header.means.text()


def test_the_inbox_and_its_papers_draw_the_view(qtbot, fake, views) -> None:  # type: ignore[no-untyped-def]
    inbox = InboxView(fake)
    qtbot.addWidget(inbox)
    model = inbox.model
    assert model.rowCount() == len(fake.view.documents)
    rain = next(r for r in range(model.rowCount()) if model.document(r).kind == "world_event")
    title = model.data(model.index(rain, INBOX_COLUMNS.index("title")))
    assert title == "连续阴雨"  # the headline from the view's notes, not the scenario
    inbox.show_document(rain)
    assert "山前乡部分地块无法翻耕" in inbox.reader.toPlainText()
    assert model.document(rain).seq in fake.read
    before = model.rowCount()
    with qtbot.waitSignal(model.rowsInserted):
        fake.receive(views[1])  # the answer's reply arrives (without the directory)
    assert model.rowCount() == before + 1 == len(fake.view.documents)
    assert model.document(before).kind == "request_answered"
    assert model.data(model.index(before, INBOX_COLUMNS.index("recipient"))) == "河西镇"


def test_the_composer_answers_from_the_views_suggestions(qtbot, fake) -> None:  # type: ignore[no-untyped-def]
    composer = ComposerView(fake)
    qtbot.addWidget(composer)
    listed = {o.action for o in composer.options.options()}
    assert listed == {o.action for o in fake.view.options}
    assert composer.select_action("answer")
    form = composer.form
    assert isinstance(form, AnswersForm)
    [request] = fake.view.pending
    suggestion = fake.view.notes.suggestion(request.id)  # type: ignore[union-attr]
    model = form.model
    assert model.data(model.index(0, COLUMNS.index("sender"))) == "河西镇"
    assert tr(f"why.{suggestion.why}") in model.data(model.index(0, COLUMNS.index("judgment")))
    model.decide(0, True, 950.0)
    composer.send_button.click()
    assert fake.moves == [{"kind": "answer", "request": request.id, "accept": True,
                           "target": 950.0}]
    assert composer.status.text() == tr("answers.done", count=1)


def test_a_move_form_names_from_the_directory_and_a_refusal_shows(qtbot, fake) -> None:  # type: ignore[no-untyped-def]
    composer = ComposerView(fake)
    qtbot.addWidget(composer)
    assert composer.select_action("adjust_target")
    form = composer.form
    assert isinstance(form, MoveForm)
    unit = next(f for f in form.fields if getattr(f, "key", "") == "subordinate")
    names = [unit.combo.itemText(i) for i in range(unit.combo.count())]
    assert "河西镇" in names
    fake.refuse = Refusal("test", "不行。", "No.")
    composer.send_button.click()
    assert fake.moves and fake.moves[-1]["kind"] == "adjust_target"
    assert composer.status.text() == tr("composer.refused", reason="不行。")


def test_the_hand_over_names_the_seat_from_the_directory(qtbot, fake) -> None:  # type: ignore[no-untyped-def]
    screen = HandOverView()
    qtbot.addWidget(screen)
    screen.hand_to(lambda: fake.directory.unit_name(fake.seat, "zh"))
    assert tr("hotseat.hand_to", unit="县农业农村局") in screen.texts()


def test_a_local_game_gives_the_same_view_as_json(make_session) -> None:  # type: ignore[no-untyped-def]
    session: GameSession = make_session("county_agri")
    assert session.local and isinstance(session, SeatSession)
    again = SeatView.model_validate_json(session.view.model_dump_json())
    assert again == session.view
    outcome = session.submit({"kind": "research_visit", "subordinate": "nowhere"})
    assert not outcome.ok and outcome.reason is not None and outcome.reason.text("en")


def test_an_answer_made_is_named_from_the_views_documents(qtbot, fake, views) -> None:  # type: ignore[no-untyped-def]
    fake.receive(views[1])  # the request is answered: no longer pending, its reply is a paper
    assert not fake.view.pending
    composer = ComposerView(fake)
    qtbot.addWidget(composer)
    [line] = [composer.made.data(composer.made.index(r)) for r in range(composer.made.rowCount())]
    assert line == tr("moves.answered", sender="河西镇", kind=tr("request.explanation"),
                      verdict=tr("moves.refused"), target="")
