"""The map's part of a seat's view: what the seat may know of the units around it, and nothing
of another unit's true capacity or output, of an event it cannot see or of an event's hidden
part — checked at every phase of a whole tutorial game played by the policies."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from game.engine.game import INTERACTIVE, Game
from game.engine.knowledge import OTHER, SELF, SUBORDINATE, SUPERIOR, Knowledge
from game.policies import POLICIES, Hand
from game.scenario.loader import load_scenario
from game.workshop.map_knowledge import MapKnowledge, map_knowledge, map_knowledge_of
from game.workshop.protocol import ViewMessage, encode, parse_host
from game.workshop.seat_view import SeatView, directory_of, seat_view
from game.workshop.table import Table
from tests.workshop.helpers import TUTORIAL

BUREAU, TOWNSHIP = "county_agri", "hexi"
POLICY = {BUREAU: "thoughtful", TOWNSHIP: "falsify"}


def _numbers(value: object, skip: tuple[str, ...] = ()) -> list[float]:
    """Every number in a part, leaving out the fields named in `skip`."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [n for f in dataclasses.fields(value) if f.name not in skip
                for n in _numbers(getattr(value, f.name), skip)]
    if isinstance(value, MapKnowledge):
        return _numbers(value.units, skip) + _numbers(value.flows, skip)
    if isinstance(value, tuple | list):
        return [n for item in value for n in _numbers(item, skip)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in _numbers(item, skip)]
    return [float(value)] if isinstance(value, int | float) and not isinstance(value, bool) else []


def _shift(value: Any) -> Any:
    """Another number in place of a number (structure kept), recursively."""
    if isinstance(value, bool) or not isinstance(value, int | float | dict | list):
        return value
    if isinstance(value, dict):
        return {k: _shift(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v) for v in value]
    return value * 1.37 + 11


def _other_truths_changed(game: Game, seat: str) -> Game:
    """A copy of the game in which everything the seat may not know is different: every other
    unit's true capacity, output and resources, every relation it is not the superior of, the
    data of every event it cannot see and the hidden part of every event."""
    other = copy.deepcopy(game)
    for (unit, _), assignment in other.assignments.items():
        if unit != seat:
            assignment.capacity = _shift(assignment.capacity)
            assignment.delivered = _shift(assignment.delivered)
            assignment.inflation = _shift(assignment.inflation)
    for (superior, _), relation in other.relations.items():
        if superior != seat:
            relation.trust, relation.symmetry = relation.trust / 2, relation.symmetry / 2
            relation.familiarity = relation.familiarity / 2
            relation.estimates = _shift(relation.estimates)
    for unit_id, unit in other.units.items():
        if unit_id != seat:
            unit.funds, unit.time_left = _shift(unit.funds), _shift(unit.time_left)
            unit.morale, unit.pressure = unit.morale / 2, unit.pressure / 2
    for event in other.log:
        event.hidden.update(_shift(dict(event.hidden)))
        if not event.visible_to(seat):
            event.data.update(_shift(dict(event.data)))
    return other


def _check(game: Game, seat: str) -> None:
    part = seat_view(game, seat).map
    assert part is not None and part.seat == seat
    # The cache (by log length, moves recorded, turn and phase) gives what a fresh reading gives.
    assert part == map_knowledge(Knowledge(game, seat))
    # Structure: figures only of the seat and its neighbours; truths only of the seat itself.
    for unit in part.units:
        assert unit.standing in (SELF, SUPERIOR, SUBORDINATE)
        if unit.unit != seat:
            assert unit.resources is None
            assert all(t.capacity is None and t.delivered is None for t in unit.tasks)
    for flow in part.flows:
        assert seat in (flow.superior, flow.subordinate) and flow.known
        assert flow.delivered is None or flow.subordinate == seat
    # Counterfactual: what the seat may not know does not move the part at all.
    assert map_knowledge(Knowledge(_other_truths_changed(game, seat), seat)) == part
    # Against the scenario: no other unit's true capacity (as written or as it stands now).
    # Reports are left out: a report is what the subordinate chose to say, and an honest
    # carrier that delivered its whole capacity by the deadline reports exactly that.
    shown = set(_numbers(part, skip=("reported",)))
    written = {float(v) for u in game.scenario.units if u.id != seat
               for v in (u.capacity or {}).values()}
    now = {round(a.capacity, 3) for (u, _), a in game.assignments.items() if u != seat}
    assert not shown & (written | now), (game.turn, game.phase, shown & (written | now), part)
    if seat == TOWNSHIP:  # a township reports nobody's output but its own
        delivered = {round(a.delivered, 3) for (u, _), a in game.assignments.items()
                     if u != seat and a.delivered}
        assert not shown & delivered


@pytest.fixture(scope="module")
def played() -> tuple[Game, list[tuple[int, str]]]:
    """Plays the tutorial to its end with a bureau and a township held by policies, checking
    both seats' map parts after every act and every phase; returns the phases checked."""
    game = Game(load_scenario(TUTORIAL), seed=7, humans=[BUREAU, TOWNSHIP])
    hands = [(Hand(game, seat), POLICIES[POLICY[seat]].act) for seat in (BUREAU, TOWNSHIP)]
    checked: list[tuple[int, str]] = []
    while not game.over:
        if game.phase in INTERACTIVE:
            for hand, act in hands:
                act(hand)
                _check(game, BUREAU)
                _check(game, TOWNSHIP)
        game.advance()
        _check(game, BUREAU)
        _check(game, TOWNSHIP)
        checked.append((game.turn, game.phase))
    return game, checked


def test_a_whole_game_keeps_other_units_truths_out_of_the_map_part(
        played: tuple[Game, list[tuple[int, str]]]) -> None:
    game, checked = played
    assert game.over
    assert {turn for turn, _ in checked} >= set(range(1, game.scenario.turns + 1))


def test_a_bureau_knows_its_subordinates_and_its_superior() -> None:
    game = Game(load_scenario(TUTORIAL), seed=2, humans=[BUREAU])
    for _ in range(8):
        game.advance()
    part = map_knowledge_of(game, BUREAU)
    directory = directory_of(game)
    standing = {u.unit: u.standing for u in part.units}
    assert standing[BUREAU] == SELF
    assert {u for u, s in standing.items() if s == SUBORDINATE} == {"hexi", "shanqian",
                                                                      "liutang"}
    hexi = part.unit("hexi", directory).tasks[0]
    assert hexi.estimate is not None and hexi.capacity is None
    assert {(f.superior, f.subordinate) for f in part.flows} >= {(BUREAU, "hexi")}


def test_a_unit_away_from_the_seat_is_known_from_the_directory_only() -> None:
    game = Game(load_scenario(TUTORIAL), seed=2, humans=[TOWNSHIP])
    part = map_knowledge_of(game, TOWNSHIP)
    sibling = part.unit("liutang", directory_of(game))
    assert sibling.standing == OTHER and sibling.resources is None
    assert [t.task for t in sibling.tasks] == ["reclaim"]
    assert _numbers(sibling.tasks) == []
    flows = part.flows_of("reclaim", directory_of(game))
    assert [f.known for f in flows if f.subordinate == "liutang"] == [False]
    assert [f.known for f in flows if f.subordinate == TOWNSHIP] == [True]
    with pytest.raises(KeyError):
        part.unit("nowhere", directory_of(game))


def test_the_part_goes_through_json_unchanged() -> None:
    game = Game(load_scenario(TUTORIAL), seed=2, humans=[BUREAU])
    for _ in range(9):
        game.advance()
    view = seat_view(game, BUREAU)
    again = SeatView.model_validate_json(view.model_dump_json())
    assert again.map == view.map and again.map is not None and again.map.units


def test_the_part_is_built_again_only_when_the_game_moved() -> None:
    game = Game(load_scenario(TUTORIAL), seed=2, humans=[BUREAU])
    first = map_knowledge_of(game, BUREAU)
    assert map_knowledge_of(game, BUREAU) is first
    game.advance()
    assert map_knowledge_of(game, BUREAU) is not first
    with pytest.raises(KeyError):
        map_knowledge_of(game, "nowhere")


def test_a_remote_seat_receives_the_part_in_its_view_message() -> None:
    table = Table(1, Game(load_scenario(TUTORIAL), seed=3, humans=[BUREAU, TOWNSHIP]),
                  [BUREAU, TOWNSHIP])
    for _ in range(9):
        table.game.advance()
    for seat in (BUREAU, TOWNSHIP):
        sent = table.view(seat)
        message = parse_host(encode(ViewMessage(v=1, seq=0, view=sent)))
        assert isinstance(message, ViewMessage)
        assert message.view.map == sent.map == map_knowledge(Knowledge(table.game, seat))
