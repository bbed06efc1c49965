"""Saves: scenario + seed + human moves replay to the identical log; bad saves say why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.moves import (
    AllocateTime,
    Answer,
    ExplainShortfall,
    ReportProgress,
    ResearchVisit,
    Sanction,
    SplitQuota,
)
from game.engine.save import (
    SAVE_VERSION,
    SaveError,
    parse_save,
    replay,
    to_save,
    write_atomically,
)
from game.scenario.models import Scenario
from tests.engine.helpers import accepted, advance_to, changed, unit_data

CARRIERS = ("beiyuan", "hukou", "shuangfeng", "tianxin", "hetang", "baishi")


def play_turn_one(game: Game) -> None:
    """Human moves in every interactive phase of turn 1 (the game stands at its plan)."""
    owed = game.assignments[("county_agri", "double_rice")].target
    shares = {c: owed * 1.05 / len(CARRIERS) for c in CARRIERS}
    accepted(game.submit("county_agri", SplitQuota(task="double_rice", shares=shares)))
    accepted(game.submit("county_agri", ResearchVisit(subordinate="beiyuan")))
    accepted(game.submit("beiyuan", AllocateTime(weights={"double_rice": 3, "local_needs": 1})))
    game.advance()
    accepted(game.submit("beiyuan", ReportProgress(task="double_rice", overstate=120.5)))
    accepted(game.submit("beiyuan", ExplainShortfall(task="double_rice",
                                                     causes=["capacity_limit"],
                                                     proposed_target=4300.0)))
    game.advance()
    for request in game.pending_for("county_agri"):
        accepted(game.submit("county_agri", Answer(request=request.id,
                                                   accept=request.sender == "beiyuan")))
    accepted(game.submit("county_agri", Sanction(subordinate="hukou", task="double_rice",
                                                 sanction="notice")))


@pytest.fixture
def played(double_rice: Scenario) -> Game:
    """A game with human moves in the plan, report and respond phases of turn 1, and later."""
    game = Game(double_rice, seed=21, humans=["county_agri", "beiyuan"])
    play_turn_one(game)
    advance_to(game, 3, "plan")
    accepted(game.submit("beiyuan", AllocateTime(weights={"double_rice": 1})))
    return game


def round_trip(game: Game) -> Game:
    text = to_save(game).model_dump_json()
    return replay(parse_save(text), game.scenario)


def test_replay_mid_game_gives_the_identical_log(played: Game) -> None:
    again = round_trip(played)
    assert again.log.to_json() == played.log.to_json()


def test_replay_mid_game_gives_the_identical_state(played: Game) -> None:
    assert round_trip(played).snapshot() == played.snapshot()


def test_replay_of_a_finished_game_gives_the_identical_log(played: Game) -> None:
    played.run_to_end()
    again = round_trip(played)
    assert again.over
    assert again.log.to_json() == played.log.to_json()


def test_a_replayed_game_plays_on_like_the_original(played: Game) -> None:
    again = round_trip(played)
    played.run_to_end()
    again.run_to_end()
    assert again.log.to_json() == played.log.to_json()


def test_moves_made_in_the_phase_of_the_save_are_replayed(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=21, humans=["county_agri", "beiyuan"])
    game.advance()
    accepted(game.submit("beiyuan", ReportProgress(task="double_rice", overstate=10.0)))
    again = round_trip(game)
    assert (again.turn, again.phase) == (1, "report")
    assert again.snapshot() == game.snapshot()


def test_the_save_records_every_human_move(played: Game) -> None:
    save = to_save(played)
    assert {(m.turn, m.phase) for m in save.moves} == {
        (1, "plan"), (1, "report"), (1, "respond"), (3, "plan")
    }
    assert {m.seat for m in save.moves} == {"county_agri", "beiyuan"}


def test_a_save_written_to_disk_reads_back(played: Game, tmp_path: Path) -> None:
    path = tmp_path / "saves" / "game.json"
    write_atomically(path, to_save(played).model_dump_json())
    again = replay(parse_save(path.read_text(encoding="utf-8")), played.scenario)
    assert again.log.to_json() == played.log.to_json()
    assert [p.name for p in path.parent.iterdir()] == ["game.json"]


# ----- bad saves ----------------------------------------------------------------------------


def saved_dict(game: Game) -> dict:  # type: ignore[type-arg]
    return json.loads(to_save(game).model_dump_json())  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("", "corrupt save file"),
        ("{not json", "corrupt save file"),
        ("[1, 2, 3]", "corrupt save file"),
        ('{"save_version": 1}', "scenario_id"),
        ("\udcff", "corrupt save file"),
    ],
)
def test_corrupt_save_raises_save_error(text: str, phrase: str) -> None:
    with pytest.raises(SaveError, match=phrase):
        parse_save(text)


def test_truncated_save_raises_save_error(played: Game) -> None:
    text = to_save(played).model_dump_json()
    with pytest.raises(SaveError, match="corrupt save file"):
        parse_save(text[: len(text) // 2])


def test_save_with_a_wrong_field_type_names_the_field(played: Game) -> None:
    data = saved_dict(played)
    data["seed"] = "seven"
    with pytest.raises(SaveError, match="seed"):
        parse_save(json.dumps(data))


@pytest.mark.parametrize("version", [SAVE_VERSION + 1, 99, float(SAVE_VERSION + 1)])
def test_save_from_a_newer_game_raises_save_error(played: Game, version: float) -> None:
    data = saved_dict(played)
    data["save_version"] = version
    with pytest.raises(SaveError, match="newer version"):
        parse_save(json.dumps(data))


def test_save_with_an_impossible_version_raises_save_error(played: Game) -> None:
    data = saved_dict(played)
    data["save_version"] = 0
    with pytest.raises(SaveError, match="save_version"):
        parse_save(json.dumps(data))


def test_save_of_another_scenario_version_raises_save_error(played: Game) -> None:
    other = changed(played.scenario, lambda data: unit_data(data, "hukou").update(funds=7.5))
    with pytest.raises(SaveError, match="another version of scenario"):
        replay(to_save(played), other)


def test_save_naming_a_human_who_is_no_seat_raises_save_error(played: Game) -> None:
    save = to_save(played).model_copy(update={"humans": ["y_city"]})
    with pytest.raises(SaveError, match="y_city"):
        replay(save, played.scenario)


def test_save_with_a_move_that_no_longer_applies_raises_save_error(played: Game) -> None:
    save = to_save(played)
    bad = save.moves[0].model_copy(update={"move": {"kind": "research_visit",
                                                    "subordinate": "y_city"}})
    with pytest.raises(SaveError, match="no longer applies"):
        replay(save.model_copy(update={"moves": [bad, *save.moves[1:]]}), played.scenario)


def test_save_with_moves_out_of_order_raises_save_error(played: Game) -> None:
    save = to_save(played)
    with pytest.raises(SaveError, match="out of order"):
        replay(save.model_copy(update={"moves": list(reversed(save.moves))}), played.scenario)


def test_save_with_a_move_after_its_own_point_raises_save_error(played: Game) -> None:
    save = to_save(played).model_copy(update={"turn": 2, "phase": "plan"})
    with pytest.raises(SaveError, match="after the point of the save"):
        replay(save, played.scenario)


def test_save_stopping_beyond_the_last_turn_raises_save_error(double_rice: Scenario) -> None:
    game = Game(double_rice, seed=21, humans=["beiyuan"])
    save = to_save(game).model_copy(update={"turn": double_rice.turns + 5})
    with pytest.raises(SaveError, match="never reaches"):
        replay(save, double_rice)


def test_save_stopping_in_a_phase_where_no_one_moves_is_corrupt(played: Game) -> None:
    data = saved_dict(played)
    data["phase"] = "execute"
    with pytest.raises(SaveError, match="phase"):
        parse_save(json.dumps(data))
