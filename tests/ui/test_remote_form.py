"""The remote composer's forms: one for every option a seat view offers, each giving a move
the engine can read."""

from __future__ import annotations

from game.engine.game import Game
from game.engine.moves import MOVE_ADAPTER
from game.engine.views import move_options
from game.scenario.loader import load_scenario
from game.ui.common.i18n import set_language, tr
from game.ui.common.lang import plain
from game.ui.workshop.remote_form import RemoteMoveForm
from tests.ui.conftest import TUTORIAL


def test_every_option_of_a_whole_tutorial_builds_a_form_whose_move_parses(qtbot) -> None:  # type: ignore[no-untyped-def]
    game = Game(load_scenario(TUTORIAL), seed=3, humans=["county_agri", "hexi"])
    kinds: set[str] = set()
    while not game.over:
        for seat in ("county_agri", "hexi"):
            for option in move_options(game, seat):
                form = RemoteMoveForm(option, lambda key: key, {r: f"#{r}" for r in
                                                                option.requests})
                qtbot.addWidget(form)
                if "causes" in form.inputs:
                    next(iter(form.inputs["causes"].checks.values())).setChecked(True)
                move = form.move()
                assert move["kind"] == option.move_kind
                MOVE_ADAPTER.validate_python(move)  # raises when the form's move is malformed
                kinds.add(option.move_kind)
        game.advance()
    assert {"split_quota", "allocate_time", "report_progress", "explain_shortfall",
            "research_visit", "incentive"} <= kinds


def test_a_form_keeps_what_was_typed_when_rebuilt_in_the_other_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    game = Game(load_scenario(TUTORIAL), seed=3, humans=["hexi"])
    option = next(o for o in move_options(game, "hexi") if o.action == "allocate_time")
    form = RemoteMoveForm(option, lambda key: key, {})
    qtbot.addWidget(form)
    form.inputs["weights"].spins["local_needs"].setValue(0.5)
    typed = form.move()
    set_language("en")
    again = RemoteMoveForm(option, lambda key: key, {})
    qtbot.addWidget(again)
    again.restore(typed)
    assert again.move() == typed
    assert again.inputs["weights"].accessibleName() == plain(tr("field.weights")) == "Weights"
