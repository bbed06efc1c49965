"""The debrief's fair comparisons: the seat held by a computer official, and the other superior
style with that same official in both games."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.game import Game
from game.headless import compare_rows, fair_comparisons, figures, seat_by_computer
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tutorial():  # type: ignore[no-untyped-def]
    return load_scenario(ROOT / "scenarios" / "tutorial.yaml")


def _played(scenario, seed: int, humans: list[str]) -> Game:  # type: ignore[no-untyped-def]
    """A person plays each seat in `humans`: all time on local needs, a truthful report."""
    game = Game(scenario, seed=seed, humans=humans, superior_style="mixed")
    while not game.over:
        for seat in humans:
            if game.phase == "plan":
                game.submit(seat, {"kind": "allocate_time",
                                   "weights": {"reclaim": 1.0, "local_needs": 2.0}})
            elif game.phase == "report":
                game.submit(seat, {"kind": "report_progress", "task": "reclaim"})
        game.advance()
    return game


def test_seat_by_computer_changes_only_who_moves_for_the_seat(tutorial) -> None:  # type: ignore[no-untyped-def]
    game = _played(tutorial, 4, ["hexi", "shanqian"])
    replica = seat_by_computer(game, "hexi")
    # Set identically: scenario, seed, mechanics, styles of every unit, the other person.
    assert replica.scenario is game.scenario and replica.seed == game.seed
    assert replica.params == game.params
    assert (replica.superior_style, replica.subordinate_style) == \
        (game.superior_style, game.subordinate_style)
    assert replica.comm == game.comm and replica.honesty == game.honesty
    assert replica.humans == {"shanqian"} and replica.over and game.over
    # The other person's moves are made again, at their turn and phase.
    theirs = [(m.turn, m.phase, m.move) for m in game.recorded if m.seat == "shanqian"]
    again = [(m.turn, m.phase, m.move) for m in replica.recorded if m.seat == "shanqian"]
    assert again == theirs and theirs
    # Only the seat's moves differ: the person's against the computer official's.
    mine = [(m.turn, m.phase, m.move) for m in game.recorded if m.seat == "hexi"]
    assert mine and replica.seat_moves and mine != replica.seat_moves
    assert {m[2]["kind"] for m in replica.seat_moves} != {m[2]["kind"] for m in mine}
    # Before the first interactive phase nothing differs: the two logs agree byte for byte.
    first_plan = next(i for i, e in enumerate(game.log) if e.phase == "plan")
    assert [e.to_dict() for e in game.log[:first_plan]] == \
        [e.to_dict() for e in replica.log[:first_plan]]
    # And the person's own game is not touched.
    assert all(m.seat in {"hexi", "shanqian"} for m in game.recorded)


def test_seat_by_computer_stops_where_a_running_game_stands(tutorial) -> None:  # type: ignore[no-untyped-def]
    game = Game(tutorial, seed=2, humans=["hexi"])
    for _ in range(4):
        game.advance()
    replica = seat_by_computer(game, "hexi")
    assert (replica.turn, replica.phase) == (game.turn, game.phase) and not replica.over


def test_seat_by_computer_refuses_an_unknown_unit(tutorial) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="nowhere"):
        seat_by_computer(Game(tutorial, seed=1, humans=["hexi"]), "nowhere")


def test_other_style_keeps_the_seat_official_and_changes_only_the_superiors(tutorial) -> None:  # type: ignore[no-untyped-def]
    game = _played(tutorial, 6, ["county_agri"])
    result = fair_comparisons(game, "county_agri")
    assert result["other_style"] == "pressure"
    computer = seat_by_computer(game, "county_agri")
    styled = seat_by_computer(game, "county_agri", "pressure")
    assert styled.superior_style == "pressure" and computer.superior_style == "mixed"
    # The same official in both: the seat's own style is pinned, the other superiors change.
    assert styled.comm["county_agri"] == computer.comm["county_agri"] == game.comm["county_agri"]
    assert styled.honesty == computer.honesty
    assert styled.comm["c_county"] < computer.comm["c_county"]
    keys = [row["key"] for row in result["style_vs_style"]]
    assert keys[0] == "seat_score" and "resilience" in keys and "seat.real_target" in keys


def test_rows_mark_differences_by_which_way_is_better() -> None:
    def figs(seat_score, formalism, delivered):  # type: ignore[no-untyped-def]
        return {"seat": {"score": seat_score, "indicators": {}},
                "indicators": {
                    "formalism": {"group": "pathologies", "label": {"zh": "形式主义",
                                  "en": "Formalism"}, "unit": "score", "value": formalism},
                    "delivered_vs_original": {"group": "outcome", "label": {"zh": "完成",
                                              "en": "Done"}, "unit": "percent",
                                              "value": delivered}}}
    rows = {r["key"]: r for r in compare_rows(figs(50.0, 10.0, 90.0), figs(None, 30.0, 90.0))}
    assert rows["seat_score"]["diff"] is None and rows["seat_score"]["better"] is None
    assert rows["formalism"]["diff"] == 20.0 and rows["formalism"]["better"] is False
    assert rows["delivered_vs_original"]["diff"] == 0.0
    assert rows["delivered_vs_original"]["better"] is None
    rows = {r["key"]: r for r in compare_rows(figs(50.0, 30.0, 80.0), figs(60.0, 10.0, 95.0))}
    assert rows["formalism"]["better"] is True and rows["delivered_vs_original"]["better"]
    assert rows["seat_score"]["better"] is True


def _style_figures(scenario, seat: str, seeds: range, subordinate: str) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """Both styles over `seeds`, the seat held by the same computer official in both: the
    debrief's "other superior style" comparison, as the scenario's notes describe it."""
    communicative, pressure = [], []
    for seed in seeds:
        game = Game(scenario, seed=seed, humans=[seat], superior_style="communicative",
                    subordinate_style=subordinate)
        game.run_to_end()
        communicative.append(figures(seat_by_computer(game, seat), seat))
        pressure.append(figures(seat_by_computer(game, seat, "pressure"), seat))
    return communicative, pressure


def _mean(games: list, key: str) -> float:  # type: ignore[type-arg]
    return sum(g["indicators"][key]["value"] for g in games) / len(games)


def _the_general_contrast(communicative: list, pressure: list) -> None:  # type: ignore[type-arg]
    """Pressure-type superiors sanction more, pile on forms, and the system is less resilient."""
    assert _mean(pressure, "accountability_events") > _mean(communicative, "accountability_events")
    assert _mean(pressure, "formalism") > _mean(communicative, "formalism")
    assert _mean(pressure, "resilience") < _mean(communicative, "resilience")


def test_tutorial_other_style_shows_what_its_notes_say() -> None:
    """The notes (scenarios/tutorial.yaml, 20 games a style, honest townships): both styles meet
    the real target; a communicative bureau sanctions less than once a game; Formalism and
    Overload come out three to four times higher under pressure, and no more is delivered."""
    scenario = load_scenario(ROOT / "scenarios" / "tutorial.yaml")
    communicative, pressure = _style_figures(scenario, "hexi", range(20), "honest")
    _the_general_contrast(communicative, pressure)
    assert _mean(communicative, "delivered_vs_original") >= 100
    assert _mean(pressure, "delivered_vs_original") >= 100
    assert _mean(communicative, "accountability_events") < 1
    assert _mean(pressure, "formalism") >= 2.5 * _mean(communicative, "formalism")
    assert _mean(pressure, "overload") >= 2.5 * _mean(communicative, "overload")
    assert _mean(pressure, "delivered_vs_original") <= \
        _mean(communicative, "delivered_vs_original") + 1


def test_double_rice_other_style_shows_what_its_notes_say() -> None:
    """The notes (scenarios/double_rice.yaml, 20 games a style): with honest townships a
    communicative superior delivers over 90% of the real target yet falls short, a pressure-type
    one about 80%, with Formalism several times higher and many times the sanctions; with gaming
    townships Collusion rises under a communicative superior but stays below the pressure-type's."""
    scenario = load_scenario(ROOT / "scenarios" / "double_rice.yaml")
    communicative, pressure = _style_figures(scenario, "hukou", range(20), "honest")
    _the_general_contrast(communicative, pressure)
    assert 90 < _mean(communicative, "delivered_vs_original") < 100
    assert _mean(pressure, "delivered_vs_original") < 85
    assert _mean(pressure, "formalism") >= 3 * _mean(communicative, "formalism")
    assert _mean(pressure, "accountability_events") >= \
        5 * _mean(communicative, "accountability_events")
    gaming_communicative, gaming_pressure = _style_figures(scenario, "hukou", range(20),
                                                           "gaming")
    _the_general_contrast(gaming_communicative, gaming_pressure)
    assert _mean(gaming_communicative, "collusion") > _mean(communicative, "collusion") + 5
    assert _mean(gaming_communicative, "collusion") < _mean(gaming_pressure, "collusion")
