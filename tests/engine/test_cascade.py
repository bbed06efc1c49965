"""Quotas cascade down the task line, each level adding its markup (层层加码)."""

from __future__ import annotations

import pytest

from game.engine.events import Event
from game.engine.game import Game
from game.engine.moves import SplitQuota
from game.scenario.models import Scenario
from tests.engine.helpers import accepted, changed, load, task_data

# double_rice: 24,000 mu, the city bureau adds 15%, the county bureau 10% (markup_by_unit).
TASK = load("double_rice").tasks[0]
ORIGINAL = TASK.original_target
CITY_MARKUP = TASK.markup_by_unit.get("city_agri", TASK.markup)
COUNTY_MARKUP = TASK.markup_by_unit.get("county_agri", TASK.markup)
CARRIERS = tuple(TASK.carriers)


def splits(game: Game) -> dict[str, Event]:
    """The first quota_split event of each owner."""
    found: dict[str, Event] = {}
    for event in game.log:
        if event.kind == "quota_split":
            found.setdefault(event.actor, event)
    return found


def markup_of(event: Event) -> float:
    return float(event.data["passed_down"]) / float(event.data["owed"]) - 1.0


@pytest.fixture
def communicative(double_rice: Scenario) -> Game:
    return Game(double_rice, seed=11, superior_style="communicative")


def test_the_top_owner_receives_the_original_target(communicative: Game) -> None:
    assert splits(communicative)["city_agri"].data["owed"] == pytest.approx(ORIGINAL)


def test_each_level_owes_what_the_level_above_passed_down(communicative: Game) -> None:
    found = splits(communicative)
    assert found["county_agri"].data["owed"] == pytest.approx(
        found["city_agri"].data["passed_down"], abs=1e-3
    )


def test_levels_differ_by_the_scenarios_markups(communicative: Game) -> None:
    """The style adds the same to every level, so the scenario's markups show in the gap."""
    found = splits(communicative)
    gap = markup_of(found["city_agri"]) - markup_of(found["county_agri"])
    assert gap == pytest.approx(CITY_MARKUP - COUNTY_MARKUP, abs=1e-6)


@pytest.mark.parametrize("style", ["communicative", "mixed", "pressure"])
@pytest.mark.parametrize(("owner", "markup"), [("city_agri", CITY_MARKUP),
                                               ("county_agri", COUNTY_MARKUP)])
def test_a_level_adds_at_least_its_markup_and_at_most_a_tenth_more(
    double_rice: Scenario, style: str, owner: str, markup: float
) -> None:
    game = Game(double_rice, seed=3, superior_style=style)  # type: ignore[arg-type]
    added = markup_of(splits(game)[owner])
    assert markup - 1e-9 <= added <= markup + 0.1 + 1e-9


def test_pressure_officials_add_more_than_communicative_ones(double_rice: Scenario) -> None:
    pressed = splits(Game(double_rice, seed=3, superior_style="pressure"))
    eased = splits(Game(double_rice, seed=3, superior_style="communicative"))
    for owner in ("city_agri", "county_agri"):
        assert markup_of(pressed[owner]) > markup_of(eased[owner])


def test_markup_by_unit_sets_that_levels_markup(double_rice: Scenario) -> None:
    def raise_county(data: dict) -> None:  # type: ignore[type-arg]
        task_data(data, "double_rice")["markup_by_unit"]["county_agri"] = 0.3

    before = markup_of(splits(Game(double_rice, seed=3))["county_agri"])
    after = markup_of(splits(Game(changed(double_rice, raise_county), seed=3))["county_agri"])
    assert after - before == pytest.approx(0.3 - COUNTY_MARKUP, abs=1e-6)


def test_carriers_quotas_add_up_to_what_the_county_passed_down(communicative: Game) -> None:
    passed = splits(communicative)["county_agri"].data["passed_down"]
    quotas = sum(communicative.assignments[(c, "double_rice")].external for c in CARRIERS)
    assert quotas == pytest.approx(passed, abs=1e-2)


def test_escalated_levels_compound(communicative: Game) -> None:
    found = splits(communicative)
    city, county = markup_of(found["city_agri"]), markup_of(found["county_agri"])
    escalated = ORIGINAL * (1 + city) * (1 + county)
    total = sum(communicative.assignments[(c, "double_rice")].external for c in CARRIERS)
    assert total == pytest.approx(escalated, rel=1e-6)
    assert total > ORIGINAL * (1 + CITY_MARKUP) * (1 + COUNTY_MARKUP) - 1e-6


def test_directives_name_the_markup_of_the_level_that_issued_them(communicative: Game) -> None:
    found = splits(communicative)
    for event in communicative.log:
        if event.kind == "directive_issued":
            assert event.data["markup"] == pytest.approx(markup_of(found[event.actor]), abs=1e-4)


def test_a_human_owner_can_pass_the_quota_on_unmarked(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=3, humans=["county_agri"])
    owed = game.assignments[("county_agri", "double_rice")].target
    shares = {c: owed / len(CARRIERS) for c in CARRIERS}
    accepted(game.submit("county_agri", SplitQuota(task="double_rice", shares=shares)))
    last = [e for e in game.log if e.kind == "quota_split"][-1]
    assert last.actor == "county_agri"
    assert last.data["space"] == pytest.approx(0.0, abs=1e-2)
    assert game.assignments[("hukou", "double_rice")].target == pytest.approx(owed / len(CARRIERS))
