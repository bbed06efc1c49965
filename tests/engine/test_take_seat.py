"""A person can take over a computer seat mid-game (play-testing from a turn), and the save
replays to the same log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.moves import AllocateTime
from game.engine.save import parse_save, replay, to_save
from game.scenario.loader import load_scenario

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.yaml"


def _to_turn(game: Game, turn: int) -> Game:
    while (game.turn, game.phase) != (turn, "plan"):
        game.advance()
    return game


def test_a_taken_seat_is_played_by_the_person_from_then_on() -> None:
    game = _to_turn(Game(load_scenario(TUTORIAL), seed=4), 3)
    assert game.is_bot("hexi")
    game.take_seat("hexi")
    assert not game.is_bot("hexi")
    assert game.submit("hexi", AllocateTime(weights={"reclaim": 1.0})).ok


def test_moves_for_a_computer_seat_are_still_refused_before_it_is_taken() -> None:
    game = Game(load_scenario(TUTORIAL), seed=4)
    result = game.submit("hexi", AllocateTime(weights={"reclaim": 1.0}))
    assert result.refusal is not None and result.refusal.code == "computer_seat"


def test_only_a_seat_can_be_taken_and_only_once() -> None:
    game = Game(load_scenario(TUTORIAL), seed=4)
    with pytest.raises(ValueError, match="not a seat"):
        game.take_seat("c_county")
    game.take_seat("hexi")
    with pytest.raises(ValueError, match="already"):
        game.take_seat("hexi")


def test_a_game_with_a_taken_seat_replays_byte_for_byte() -> None:
    scenario = load_scenario(TUTORIAL)
    game = _to_turn(Game(scenario, seed=4), 3)
    game.take_seat("hexi")
    game.submit("hexi", AllocateTime(weights={"reclaim": 2.0, "local_needs": 1.0}))
    game.advance()
    game.advance()
    text = json.dumps(to_save(game).model_dump(mode="json"))
    again = replay(parse_save(text), scenario)
    assert again.log.to_json() == game.log.to_json()
    assert again.humans == game.humans
