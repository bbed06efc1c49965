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


def test_other_phases_keep_the_common_hint() -> None:
    game = _in_plan()
    game.advance()
    assert phase_hint(seat_view(game, "hexi")) == phase_hint(seat_view(game, "county_agri"))
