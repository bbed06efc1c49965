"""The engine's facilitator acts: a notice and an injected event, recorded and replayed."""

from __future__ import annotations

import pytest

from game.engine.game import Game, GameOver
from game.engine.moves import ReportProgress
from game.engine.save import SaveError, integrity_digest, parse_save, replay, to_save
from game.engine.views import documents
from tests.workshop.scenarios import INSPECTION, inspected_tutorial

SEATS = ["county_agri", "hexi"]


def _played() -> Game:
    game = Game(inspected_tutorial(), seed=3, humans=SEATS)
    game.notify("请在本阶段结束前完成分解。", "Split your quotas before this phase ends.")
    game.advance()  # plan -> report
    assert game.submit("hexi", ReportProgress(task="reclaim")).ok
    events = game.inject_event(INSPECTION)
    assert [e.kind for e in events] == ["world_event"]
    assert events[0].data["event"] == INSPECTION
    game.advance()
    game.advance()
    return game


def test_a_notice_reaches_every_seat_of_the_table() -> None:
    game = _played()
    for seat in game.scenario.seats:
        notices = [d for d in documents(game, seat) if d.kind == "facilitator_notice"]
        assert [d.data["en"] for d in notices] == ["Split your quotas before this phase ends."]
        assert notices[0].category == "world"


def test_an_injected_inspection_checks_its_targets_this_turn() -> None:
    game = _played()
    assert game.fired_turns[INSPECTION] == 1
    inspections = [e for e in game.log if e.kind == "inspection" and e.turn == 1]
    assert inspections, "the inspection injected in turn 1 checked nobody"
    fresh = Game(inspected_tutorial(), seed=3, humans=SEATS)
    fresh.run_to_end()
    assert fresh.fired_turns[INSPECTION] == 6  # left alone, it comes in the last turn
    game.run_to_end()
    assert game.fired_turns[INSPECTION] == 1  # injected, it does not come again


def test_a_save_replays_the_facilitator_acts_to_the_same_log() -> None:
    game = _played()
    save = parse_save(to_save(game).model_dump_json())
    assert [i.kind for i in save.interventions] == ["notice", "inject"]
    assert save.interventions[1].after == 1  # after hexi's report
    again = replay(save, inspected_tutorial())
    assert again.log.to_json() == game.log.to_json()
    assert again.snapshot() == game.snapshot()


def test_a_save_whose_facilitator_act_was_moved_is_refused() -> None:
    save = to_save(_played())
    moved = [save.interventions[0], save.interventions[1].model_copy(update={"after": 5})]
    bad = save.model_copy(update={"interventions": moved})
    bad = bad.model_copy(update={"integrity": integrity_digest(bad)})
    with pytest.raises(SaveError):
        replay(bad, inspected_tutorial())


def test_a_save_without_facilitator_acts_keeps_its_digest() -> None:
    game = Game(inspected_tutorial(), seed=3, humans=SEATS)
    game.advance()
    save = to_save(game)
    assert "interventions" not in save.model_dump(
        exclude={"integrity", "scenario_path", "scenario_digest", "interventions"})
    content = save.model_dump_json(exclude={"interventions"})
    assert parse_save(content).integrity == save.integrity  # an older save reads as before


def test_bad_facilitator_acts_are_refused_and_change_nothing() -> None:
    game = Game(inspected_tutorial(), seed=3, humans=SEATS)
    before = game.snapshot()
    with pytest.raises(ValueError, match="no event 'storm'"):
        game.inject_event("storm")
    with pytest.raises(ValueError):
        game.notify("", "  ")
    with pytest.raises(ValueError):
        game.notify("长" * 501, "")
    assert game.snapshot() == before
    game.run_to_end()
    with pytest.raises(GameOver):
        game.inject_event(INSPECTION)
