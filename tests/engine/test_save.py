"""Saves: scenario + seed + human moves replay to the identical log; bad saves say why."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    MAX_MOVES,
    MAX_SAVE_BYTES,
    SAVE_VERSION,
    SaveError,
    ScenarioChanged,
    integrity_digest,
    mechanics_digest,
    nesting_depth,
    parse_save,
    replay,
    to_save,
    write_atomically,
)
from game.scenario.models import Scenario
from tests.engine.helpers import accepted, advance_to, changed, task_data, unit_data

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


# ----- limits, integrity and the mechanics digest ----------------------------------------------


def test_a_save_records_its_mechanics_and_an_integrity_digest(played: Game) -> None:
    save = to_save(played, "/somewhere/else/double_rice.yaml")
    assert save.save_version == SAVE_VERSION == 2
    assert save.mechanics_digest == mechanics_digest(played.scenario)
    assert save.integrity == integrity_digest(save)
    assert save.scenario_path == "double_rice.yaml"  # a name to look up, never a path


@pytest.mark.parametrize(
    ("key", "value"),
    [("seed", 22), ("humans", ["beiyuan"]), ("superior_style", "pressure"), ("turn", 2)],
)
def test_a_hand_edited_save_is_refused_not_loaded_as_another_game(
        played: Game, key: str, value: object) -> None:
    data = saved_dict(played)
    data[key] = value
    with pytest.raises(SaveError, match="changed after it was written") as caught:
        parse_save(json.dumps(data))
    assert caught.value.kind == "tampered"


def test_a_hand_edited_move_is_refused(played: Game) -> None:
    data = saved_dict(played)
    data["moves"][1]["move"]["subordinate"] = "hukou"
    with pytest.raises(SaveError, match="changed after it was written"):
        parse_save(json.dumps(data))


def test_a_save_without_its_integrity_digest_is_refused(played: Game) -> None:
    data = saved_dict(played)
    del data["integrity"]
    with pytest.raises(SaveError, match="integrity digest is missing"):
        parse_save(json.dumps(data))


def test_a_format_1_save_still_replays(played: Game) -> None:
    data = saved_dict(played)
    data["save_version"] = 1
    del data["integrity"], data["mechanics_digest"]
    again = replay(parse_save(json.dumps(data)), played.scenario)
    assert again.log.to_json() == played.log.to_json()


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested 100000 levels deep", "limit"),
        ('{"a": ' * 5_000 + "1" + "}" * 5_000, "nested 5000 levels deep", "limit"),
        ("1" + "0" * 4_300, "4,301 digits", "limit"),
        ('{"save_version": 1, "seed": -' + "9" * 25 + "}", "25 digits", "limit"),
        ('{"save_version": 1, "seed": 1e999}', "too large", "limit"),
        ('{"save_version": 1, "seed": NaN}', "NaN is not a number", "corrupt"),
        ('{"save_version": 1, "seed": -Infinity}', "-Infinity is not a number", "corrupt"),
    ],
)
def test_a_save_beyond_the_limits_is_refused_with_a_reason(text: str, phrase: str,
                                                           kind: str) -> None:
    with pytest.raises(SaveError, match=phrase) as caught:
        parse_save(text)
    assert caught.value.kind == kind


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    assert nesting_depth('{"a": ["[[[{{{", "\\"]]]"], "b": {}}') == 2
    assert nesting_depth("12") == 0


def test_a_save_over_the_size_limit_is_refused_before_parsing() -> None:
    text = b'{"save_version": 1, "pad": "' + b"x" * MAX_SAVE_BYTES + b'"}'
    with pytest.raises(SaveError, match="at most 20 MB"):
        parse_save(text)


def test_a_save_with_too_many_moves_is_refused_before_it_is_validated(played: Game) -> None:
    data = saved_dict(played)
    data["moves"] = [0] * (MAX_MOVES + 1)  # not even moves: the count is refused first
    with pytest.raises(SaveError, match="20,001 moves"):
        parse_save(json.dumps(data))


def test_prose_is_not_a_mechanic(double_rice: Scenario) -> None:
    def rewrite(data: dict[str, Any]) -> None:
        data["notes"] = {"zh": "改了一个错字。", "en": "A typo fixed."}
        data["title"]["en"] = "Single to double, retitled"
        data["author"] = "someone else"
        data["version"] = "1.1"
        unit_data(data, "hukou")["name"]["en"] = "Hukou Town"
        task_data(data, "double_rice")["description"] = {"zh": "新说明", "en": "New words"}

    reworded = changed(double_rice, rewrite)
    assert mechanics_digest(reworded) == mechanics_digest(double_rice)


@pytest.mark.parametrize(
    "edit",
    [
        lambda data: unit_data(data, "hukou").update(funds=7.5),
        lambda data: data.update(turns=data["turns"] + 1),
        lambda data: data["seats"].reverse(),
        lambda data: task_data(data, "double_rice").update(markup=0.9),
        lambda data: data.update(turn_days=3),
        lambda data: data["scoring"]["weights"].update(oa_supporting_policy=3.0),
    ],
)
def test_every_mechanic_changes_the_digest(double_rice: Scenario,
                                           edit: Callable[[dict[str, Any]], None]) -> None:
    assert mechanics_digest(changed(double_rice, edit)) != mechanics_digest(double_rice)


def test_a_save_survives_a_fixed_typo_in_its_scenario(played: Game) -> None:
    def fix_typo(data: dict[str, Any]) -> None:
        data["briefing"]["en"] = data["briefing"]["en"].replace("quota", "quota (fixed)")
        data["notes"] = {"zh": "教学提示", "en": "Teaching notes"}

    again = replay(parse_save(to_save(played).model_dump_json()),
                   changed(played.scenario, fix_typo))
    assert again.snapshot() == played.snapshot()


def test_a_changed_mechanic_refuses_as_a_scenario_change(played: Game) -> None:
    other = changed(played.scenario, lambda data: unit_data(data, "hukou").update(funds=7.5))
    with pytest.raises(ScenarioChanged, match="units, tasks, numbers or events") as caught:
        replay(parse_save(to_save(played).model_dump_json()), other)
    assert caught.value.kind == "changed"


# ----- writing ------------------------------------------------------------------------------


def test_a_rewrite_keeps_the_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "autosave.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o664)
    write_atomically(path, '{"again": true}')
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert path.read_text(encoding="utf-8") == '{"again": true}'


def test_a_new_file_gets_the_usual_permissions_not_the_temporary_ones(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    write_atomically(path, "{}")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "autosave.json"
    path.write_text("old", encoding="utf-8")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(path, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["autosave.json"]
    assert path.read_text(encoding="utf-8") == "old"
