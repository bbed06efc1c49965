"""What a seat may know: estimates and reports of subordinates, never their true capacity."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.knowledge import OTHER, SELF, SUBORDINATE, SUPERIOR, Knowledge, seat_series
from game.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _play(name: str, humans: tuple[str, ...], turns: int) -> Game:
    game = Game(load_scenario(SCENARIOS / f"{name}.yaml"), seed=3, humans=humans)
    while game.turn <= turns and not game.over:
        game.advance()
    return game


@pytest.fixture(scope="module")
def bureau_game() -> Game:
    return _play("tutorial", ("county_agri",), 3)


@pytest.fixture(scope="module")
def rice_game() -> Game:
    return _play("double_rice", ("beiyuan",), 3)


def _numbers(value: object) -> list[float]:
    if dataclasses.is_dataclass(value):
        return [n for f in dataclasses.fields(value) for n in _numbers(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [n for item in value for n in _numbers(item)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in _numbers(item)]
    return [float(value)] if isinstance(value, int | float) and not isinstance(value, bool) else []


def test_standing_names_self_subordinate_superior_and_other(rice_game: Game) -> None:
    knowledge = Knowledge(rice_game, "county_agri")
    assert knowledge.standing("county_agri") == SELF
    assert knowledge.standing("beiyuan") == SUBORDINATE
    assert knowledge.standing("city_agri") == SUPERIOR
    assert knowledge.standing("y_city") == OTHER


def test_superior_sees_its_estimate_not_the_true_capacity(bureau_game: Game) -> None:
    knowledge = Knowledge(bureau_game, "county_agri")
    task = knowledge.unit("hexi").tasks[0]
    assert task.estimate == pytest.approx(
        bureau_game.relations[("county_agri", "hexi")].estimates["reclaim"], abs=1e-3)
    assert task.capacity is None and task.delivered is None


def test_no_figure_of_another_unit_equals_its_hidden_capacity(bureau_game: Game) -> None:
    knowledge = Knowledge(bureau_game, "county_agri")
    for unit in ("hexi", "shanqian", "liutang"):
        truth = round(bureau_game.assignments[(unit, "reclaim")].capacity, 3)
        assert truth not in _numbers(knowledge.unit(unit))


def test_carrier_knows_its_own_capacity_and_output(rice_game: Game) -> None:
    task = Knowledge(rice_game, "beiyuan").unit("beiyuan").tasks[0]
    assignment = rice_game.assignments[("beiyuan", "double_rice")]
    assert task.capacity == round(assignment.capacity, 3)
    assert task.delivered == round(assignment.delivered, 3)


def test_owner_does_not_know_its_subordinates_summed_capacity(rice_game: Game) -> None:
    own = Knowledge(rice_game, "county_agri").unit("county_agri").tasks[0]
    assert own.capacity is None and own.delivered is None
    assert own.estimate is not None


def test_resources_only_for_the_seat_itself(rice_game: Game) -> None:
    knowledge = Knowledge(rice_game, "beiyuan")
    assert knowledge.unit("beiyuan").resources is not None
    assert knowledge.unit("county_agri").resources is None


def test_superior_flow_reports_the_last_assessed_figure(bureau_game: Game) -> None:
    last = [e for e in bureau_game.log if e.kind == "assessment" and e.target == "hexi"][-1]
    flow = Knowledge(bureau_game, "county_agri").flow("county_agri", "hexi", "reclaim")
    assert flow.known and flow.reported == last.data["reported"]
    assert flow.delivered is None


def test_flow_off_the_seat_is_unknown(rice_game: Game) -> None:
    flow = Knowledge(rice_game, "beiyuan").flow("city_agri", "county_agri", "double_rice")
    assert not flow.known and flow.escalated is None and flow.trust is None


def test_flows_cover_every_edge_of_the_task_line(rice_game: Game) -> None:
    flows = Knowledge(rice_game, "county_agri").flows("double_rice")
    assert len(flows) == 7
    assert sum(f.known for f in flows) == 7


def test_subordinate_sees_trust_only_from_relation_turns() -> None:
    game = Game(load_scenario(SCENARIOS / "tutorial.yaml"), seed=1, humans=("hexi",))
    knowledge = Knowledge(game, "hexi")
    assert knowledge.relation("county_agri", "hexi").trust is None
    while not any(e.kind == "relation_turn" for e in game.log):
        game.advance()
    knowledge.update()
    seen = [e for e in game.log if e.kind == "relation_turn" and e.target == "hexi"][-1]
    assert knowledge.relation("county_agri", "hexi").trust == seen.data["trust"]


def test_update_reads_only_new_events() -> None:
    game = Game(load_scenario(SCENARIOS / "tutorial.yaml"), seed=1, humans=("county_agri",))
    knowledge = Knowledge(game, "county_agri")
    before = knowledge.flow("county_agri", "hexi", "reclaim").reported
    for _ in range(6):
        game.advance()
    knowledge.update()
    assert before is None
    assert knowledge.flow("county_agri", "hexi", "reclaim").reported is not None


def test_series_delivered_follows_the_carriers_execution(rice_game: Game) -> None:
    series = seat_series(rice_game.log, "beiyuan")
    expected = {e.turn: e.data["delivered"] for e in rice_game.log
                if e.kind == "execution" and e.actor == "beiyuan"}
    assert series["progress"]["double_rice"]["delivered"] == expected


def test_series_owner_reported_is_its_subordinates_sum(bureau_game: Game) -> None:
    series = seat_series(bureau_game.log, "county_agri")
    turn = series["turns"][-1]
    total = sum(e.data["reported"] for e in bureau_game.log
                if e.kind == "assessment" and e.actor == "county_agri" and e.turn == turn)
    assert series["progress"]["reclaim"]["reported"][turn] == pytest.approx(total, abs=1e-3)


def test_series_trust_follows_visible_relation_turns(bureau_game: Game) -> None:
    series = seat_series(bureau_game.log, "hexi")
    expected = {e.turn: e.data["trust"] for e in bureau_game.log
                if e.kind == "relation_turn" and e.target == "hexi"}
    assert series["trust"] == {("county_agri", "hexi"): expected}


def test_series_never_holds_another_units_time(bureau_game: Game) -> None:
    series = seat_series(bureau_game.log, "hexi")
    own = {e.turn: e.data["funds"] for e in bureau_game.log
           if e.kind == "unit_turn" and e.actor == "hexi"}
    assert series["time"]["funds"] == own
