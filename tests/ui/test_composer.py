"""The move composer: prices, addressees, refusals in place, nothing sent twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from game.ui.common.i18n import tr
from game.ui.compose.composer_view import ComposerView


@pytest.fixture
def hexi(make_session):  # type: ignore[no-untyped-def]
    return make_session("hexi")


def _composer(qtbot, session) -> ComposerView:  # type: ignore[no-untyped-def]
    view = ComposerView(session)
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    return view


def _send(qtbot, view: ComposerView) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)


def test_each_action_shows_its_price_and_addressee(qtbot, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    view = _composer(qtbot, tutorial_session)
    assert view.select_action("research_visit")
    cost = "本单位耗时 3.0 人日；对方各耗时 1.0 人日"
    assert view.price.text() == tr("composer.price", cost=cost)
    assert view.addressees.text() == tr("composer.to", units="河西镇、山前乡、柳塘镇")


def test_a_refusal_shows_in_place(qtbot, hexi) -> None:  # type: ignore[no-untyped-def]
    hexi.end_phase()
    view = _composer(qtbot, hexi)
    assert view.select_action("shift_blame")
    _send(qtbot, view)
    assert view.status.text() == tr("composer.refused", reason="没有需要推卸的问责。")
    assert not hexi.game.recorded


def test_the_refusal_speaks_the_players_language(qtbot, hexi) -> None:  # type: ignore[no-untyped-def]
    from game.ui.common import i18n

    i18n.set_language("en")
    hexi.end_phase()
    view = _composer(qtbot, hexi)
    view.select_action("shift_blame")
    _send(qtbot, view)
    assert view.status.text() == "Refused: No sanction to deflect."


def test_nothing_is_sent_twice(qtbot, hexi) -> None:  # type: ignore[no-untyped-def]
    hexi.end_phase()
    view = _composer(qtbot, hexi)
    assert view.select_action("report_progress")
    _send(qtbot, view)
    assert view.status.text().startswith(tr("composer.sent", what="")[:3])
    assert not view.send_button.isEnabled()
    assert view.send_button.toolTip() == tr("composer.already")
    assert [m.move["kind"] for m in hexi.game.recorded] == ["report_progress"]
    assert view.made.rowCount() == 1


def test_the_engine_refuses_a_duplicate_too(hexi) -> None:  # type: ignore[no-untyped-def]
    hexi.end_phase()
    assert hexi.submit({"kind": "report_progress", "task": "reclaim"}).ok
    again = hexi.submit({"kind": "report_progress", "task": "reclaim"})
    assert not again.ok and again.refusal.code == "twice"


def test_an_explanation_needs_a_cause(qtbot, hexi) -> None:  # type: ignore[no-untyped-def]
    hexi.end_phase()
    view = _composer(qtbot, hexi)
    view.select_action("explain_shortfall")
    assert not view.send_button.isEnabled()
    assert view.why.text() == tr("field.incomplete")
    causes = next(f for f in view.form.fields if getattr(f, "key", "") == "causes")
    causes.checks["capacity_limit"].setChecked(True)
    assert view.send_button.isEnabled()
    _send(qtbot, view)
    move = hexi.game.recorded[-1].move
    assert move["causes"] == ["capacity_limit"] and move["proposed_target"] == 1200.0


def test_answers_list_the_requests_addressed_to_the_seat(qtbot, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session("county_agri", seed=0)
    session.end_phase()
    session.end_phase()
    pending = session.game.pending_for("county_agri")
    assert pending
    view = _composer(qtbot, session)
    assert view.select_action("answer")
    model = view.form.model
    assert model.rowCount() == len(pending)
    sender = session.game.scenario.unit(pending[0].sender).name.zh
    assert model.data(model.index(0, 0)) == sender
    assert model.data(model.index(0, 1)) == tr(f"request.{pending[0].kind}")
    _send(qtbot, view)
    assert all(r.answered is not None for r in pending)
    assert view.form is None


def test_the_report_phase_tells_a_bureau_there_is_nothing_to_do(qtbot, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    view = _composer(qtbot, tutorial_session)
    tutorial_session.end_phase()
    assert view.hint.isVisible()
    assert view.hint.text() == tr("composer.nothing")
    assert not view.send_button.isEnabled()


def test_pathologies_are_offered_with_honest_moves(qtbot, hexi) -> None:  # type: ignore[no-untyped-def]
    hexi.end_phase()
    view = _composer(qtbot, hexi)
    assert view.select_action("falsify_report")
    _send(qtbot, view)
    move = hexi.game.recorded[-1].move
    assert move["kind"] == "report_progress" and move["overstate"] == 50.0
