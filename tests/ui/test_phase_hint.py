"""The header's hint in the plan phase speaks to what the seat does: a township plans its
cadres' time, a bureau splits its quota."""

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.ui.common import i18n
from game.ui.common.vocab import phase_hint
from game.workshop.seat_view import seat_view


def _in_plan() -> Game:
    game = Game(load_scenario("scenarios/tutorial.yaml"), seed=1, humans=["hexi", "county_agri"])
    while game.phase != "plan":
        game.advance()
    return game


def test_a_township_and_a_bureau_hear_different_plan_hints() -> None:
    game = _in_plan()
    i18n.set_language("en")
    try:
        township = phase_hint(seat_view(game, "hexi"))
        bureau = phase_hint(seat_view(game, "county_agri"))
    finally:
        i18n.set_language("zh")
    assert "cadres' time" in township and "split" not in township
    assert "split the quota" in bureau.lower()


def test_other_phases_keep_the_phase_hint() -> None:
    game = _in_plan()
    game.advance()
    assert game.phase == "report"
    assert phase_hint(seat_view(game, "hexi")) == i18n.tr("phase_hint.report")


def test_a_seat_with_nothing_to_do_hears_so_not_the_phase_list() -> None:
    game = _in_plan()
    while game.phase != "respond":
        game.advance()
    view = seat_view(game, "hexi")  # a township answers nothing: nothing to do here
    assert view.options == []
    i18n.set_language("en")
    try:
        assert "nothing to do" in phase_hint(view)
    finally:
        i18n.set_language("zh")
