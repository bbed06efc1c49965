"""Answering several requests at once: who, what, a default that follows the seat's judgment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from game.engine.game import Game
from game.engine.moves import Collude, ExplainShortfall, ProposeTarget, ResearchVisit
from game.engine.views import pending_requests, suggested_answer
from game.scenario.loader import load_scenario
from game.ui.common.i18n import set_language, tr
from game.ui.compose.composer_view import ComposerView
from game.ui.compose.move_answers import COLUMNS, AnswersForm, AnswersModel
from game.ui.play.session import GameSession
from tests.ui.conftest import TUTORIAL


def _crowded(visit: bool = True) -> GameSession:
    """Tutorial, turn 1 respond: the bureau faces a collusion offer and explanations."""
    game = Game(load_scenario(TUTORIAL), seed=0, humans=["county_agri", "hexi", "liutang"])
    if visit:  # the bureau learns what hexi can really do
        assert game.submit("county_agri", ResearchVisit(subordinate="hexi")).ok
    game.advance()
    assert game.phase == "report"
    assert game.submit("hexi", Collude(task="reclaim")).ok
    assert game.submit("hexi", ExplainShortfall(task="reclaim", causes=["capacity_limit"],
                                                proposed_target=1150.0)).ok
    assert game.submit("liutang", ProposeTarget(task="reclaim", target=0.0)).ok
    game.advance()
    assert game.phase == "respond"
    return GameSession(game, "county_agri", TUTORIAL)


def _composer(qtbot, session) -> ComposerView:  # type: ignore[no-untyped-def]
    view = ComposerView(session)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def _row(model: AnswersModel, sender: str, kind: str) -> int:
    return next(r for r in range(model.rowCount())
                if (req := model.data(model.index(r, 0), AnswersModel.RequestRole)).sender
                == sender and req.kind == kind)


def test_the_answer_model_passes_the_model_checks(qtmodeltester, qapp) -> None:  # type: ignore[no-untyped-def]
    model = AnswersModel(_crowded())
    qtmodeltester.check(model)
    assert model.rowCount() == len(pending_requests(model.session.game, "county_agri")) >= 3


def test_each_row_names_who_and_what(qapp) -> None:  # type: ignore[no-untyped-def]
    model = AnswersModel(_crowded())
    row = _row(model, "hexi", "explanation")
    text = {c: model.data(model.index(row, i)) for i, c in enumerate(COLUMNS)}
    assert text["sender"] == "河西镇"
    assert text["kind"] == tr("request.explanation")
    assert tr("cause.capacity_limit") in text["what"] and "1,150" in text["what"]
    tooltip = model.data(model.index(row, COLUMNS.index("what")), Qt.ItemDataRole.ToolTipRole)
    assert "撂荒地复耕" in tooltip  # one task only: named in the tooltip, not in every row
    assert "你估计其能力约" in text["judgment"]


def test_collusion_is_never_agreed_by_default(qapp) -> None:  # type: ignore[no-untyped-def]
    model = AnswersModel(_crowded())
    row = _row(model, "hexi", "collusion")
    decision = model.index(row, COLUMNS.index("decision"))
    assert model.data(decision, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.data(decision) == tr("answers.refuse")
    assert tr("why.collusion") in model.data(model.index(row, COLUMNS.index("judgment")))


def test_an_explanation_the_estimate_supports_is_agreed_at_the_target_asked(qapp) -> None:  # type: ignore[no-untyped-def]
    session = _crowded()
    game = session.game
    request = next(r for r in pending_requests(game, "county_agri")
                   if r.sender == "hexi" and r.kind == "explanation")
    suggestion = suggested_answer(game, "county_agri", request)
    estimate = game.relations[("county_agri", "hexi")].estimates["reclaim"]
    current = game.assignments[("hexi", "reclaim")].target
    assert suggestion.accept is (estimate < 0.95 * current)
    if suggestion.accept:
        assert suggestion.target == round(min(current, max(1150.0, estimate)), 1)
    model = AnswersModel(session)
    move = next(m for m in model.moves() if m["request"] == request.id)
    assert move["accept"] is suggestion.accept


def test_a_target_of_nothing_asked_is_not_granted_below_the_estimate(qapp) -> None:  # type: ignore[no-untyped-def]
    game = _crowded().game
    request = next(r for r in pending_requests(game, "county_agri") if r.sender == "liutang")
    assert request.data["target"] == 0.0
    suggestion = suggested_answer(game, "county_agri", request)
    estimate = game.relations[("county_agri", "liutang")].estimates["reclaim"]
    assert estimate < 0.95 * game.assignments[("liutang", "reclaim")].target  # seed 0's world
    assert suggestion.accept and suggestion.why == "estimate_supports"
    assert suggestion.target == round(estimate, 1)  # what it can do, not the 0 it asked


def test_answer_all_sends_one_answer_per_row_as_decided(qtbot) -> None:  # type: ignore[no-untyped-def]
    session = _crowded()
    view = _composer(qtbot, session)
    assert view.select_action("answer")
    form = view.form
    assert isinstance(form, AnswersForm)
    assert view.send_button.text() == tr("answers.send")
    rows = form.model.rowCount()
    explanation = _row(form.model, "hexi", "explanation")
    form.model.decide(explanation, True, 1200.0)
    wanted = form.moves()
    qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    answers = [m.move for m in session.game.recorded if m.move["kind"] == "answer"]
    assert len(answers) == rows
    assert [(a["request"], a["accept"], a["target"]) for a in answers] == [
        (m["request"], m["accept"], m["target"]) for m in wanted]
    assert not pending_requests(session.game, "county_agri")
    assert view.status.text() == tr("answers.done", count=rows)


def test_the_done_list_names_who_and_what(qtbot) -> None:  # type: ignore[no-untyped-def]
    session = _crowded()
    view = _composer(qtbot, session)
    assert view.select_action("answer")
    form = view.form
    form.model.decide(_row(form.model, "hexi", "explanation"), True, 1150.0)
    qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    lines = [view.made.data(view.made.index(r)) for r in range(view.made.rowCount())]
    assert "答复 河西镇 的情况说明：同意，目标 1,150 亩" in lines
    assert "答复 河西镇 的“做数据”的提议：不同意" in lines
    assert len(set(lines)) == len(lines)


def test_space_toggles_a_rows_decision(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _composer(qtbot, _crowded())
    assert view.select_action("answer")
    form = view.form
    row = _row(form.model, "hexi", "collusion")
    index = form.model.index(row, COLUMNS.index("decision"))
    form.table.setFocus()
    form.table.setCurrentIndex(index)
    qtbot.keyClick(form.table, Qt.Key.Key_Space)
    assert form.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_screenshot_of_the_answer_table(qtbot, window, screenshot, lang, size) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    window.resize(*size)
    session = _crowded()
    window._open(session.game, "county_agri", TUTORIAL)  # noqa: SLF001 — a prepared game
    window.page.show_tab("composer")
    assert window.page.composer.select_action("answer")
    screenshot(window, f"answers-{size[0]}x{size[1]}")


def test_every_ground_of_a_default_has_words() -> None:
    grounds = ("collusion", "discrepancy", "found_false", "estimate_supports",
               "estimate_refutes", "no_estimate", "grace_only", "funds_short", "help")
    kinds = ("explanation", "proposal", "coordination", "rule", "policy", "collusion",
             "discrepancy")
    keys = [f"why.{g}" for g in grounds] + [f"answers.plain.{k}" for k in kinds]
    for key in keys:
        for lang in ("zh", "en"):
            set_language(lang)
            assert tr(key) != key


def test_a_spiritual_incentive_takes_no_amount(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _composer(qtbot, _crowded())
    assert view.select_action("incentive")
    kinds = next(f for f in view.form.fields if getattr(f, "key", "") == "incentive")
    amount = next(f for f in view.form.fields if getattr(f, "key", "") == "amount")
    kinds.combo.setCurrentIndex(kinds.combo.findData("spiritual"))
    assert not amount.spin.isEnabled()
    assert "amount" not in view.form.move()
    kinds.combo.setCurrentIndex(kinds.combo.findData("economic"))
    assert amount.spin.isEnabled()
    amount.spin.setValue(3.0)
    assert view.form.move()["amount"] == 3.0


def test_a_proposed_target_of_nothing_reads_plainly(qapp) -> None:  # type: ignore[no-untyped-def]
    from game.engine.views import documents
    from game.ui.play import documents as paper

    session = _crowded()
    doc = next(d for d in documents(session.game, "county_agri") if d.kind == "propose_target")
    text = paper.html(doc, session.view)
    assert "将目标调整为 0亩" in text or "将目标调整为 0 亩" in text
    assert "建议：建议" not in text and "0.0" not in text


def test_a_refused_answer_is_named_and_the_others_stand(qtbot) -> None:  # type: ignore[no-untyped-def]
    session = _crowded()
    session.game.units["county_agri"].funds = 0.0  # agreeing to a policy request needs funds
    view = _composer(qtbot, session)
    assert view.select_action("answer")
    form = view.form
    policy = _row(form.model, "shanqian", "policy")
    form.model.decide(policy, True)
    rows = form.model.rowCount()
    qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    left = pending_requests(session.game, "county_agri")
    assert [r.kind for r in left] == ["policy"]
    answered = [m for m in session.game.recorded if m.move["kind"] == "answer"]
    assert len(answered) == rows - 1
    assert view.status.text().startswith(tr("answers.some_refused", count=rows - 1,
                                            problems="")[:4])
    assert "山前乡" in view.status.text()
