"""What a seat's moves changed: built from what the seat may see, never a hidden field."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from game.engine.effects import move_effects
from game.engine.game import Game
from game.engine.moves import (
    AllocateTime,
    ExplainShortfall,
    ReportProgress,
    RequestPolicy,
    ResearchVisit,
)
from tests.engine.helpers import accepted, advance_to, load


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {str(k) for k in value} | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list | tuple):
        return {k for v in value for k in _keys(v)}
    return set()


def _played_township() -> Game:
    game = Game(load("tutorial"), seed=2, humans=["hexi"])
    task = game.hierarchy.tasks_of("hexi")[0]
    for turn in (1, 2, 3):
        advance_to(game, turn, "plan")
        accepted(game.submit("hexi", AllocateTime(weights={task: 1.0, "local_needs": 0.2})))
        game.advance()
        accepted(game.submit("hexi", ExplainShortfall(task=task, causes=["weather"],
                                                      proposed_target=100.0)))
        accepted(game.submit("hexi", RequestPolicy(task=task)))
        accepted(game.submit("hexi", ReportProgress(task=task, overstate=150.0)))
        game.advance()
        game.advance()
    return game


def test_every_move_of_the_turn_is_listed_with_its_reply() -> None:
    game = _played_township()
    for turn in (1, 2, 3):
        effects = move_effects(game, "hexi", turn)
        made = [r.move["kind"] for r in game.recorded if r.turn == turn]
        assert [m.move_kind for m in effects.moves] == made
        for effect in effects.moves:
            if "request" in effect.move.data:  # sent up: answered by the end of the turn
                answers = [r for r in effect.replies if r.kind == "request_answered"]
                assert len(answers) == 1 and answers[0].data["reason"]["zh"]
        assert effects.cadre_days == sum(m.changes["cadre_days"] for m in effects.moves)


def test_a_caught_lie_shows_its_cost_in_trust() -> None:
    game = _played_township()
    caught = [m for t in (1, 2, 3) for m in move_effects(game, "hexi", t).moves
              if any(r.kind in ("false_cause_detected", "falsification_detected")
                     for r in m.replies)]
    assert caught
    assert all(m.changes["trust"] < 0 for m in caught)


def test_the_effects_hold_no_hidden_field() -> None:
    game = _played_township()
    hidden = {k for e in game.log for k in e.hidden} - {k for e in game.log for k in e.data}
    assert {"truthful", "false_causes", "overstate", "lowball"} <= hidden
    for turn in (1, 2, 3):
        shown = asdict(move_effects(game, "hexi", turn))
        assert not _keys(shown) & hidden


def test_a_bureau_sees_its_visit_raise_symmetry_and_the_relations_move() -> None:
    game = Game(load("tutorial"), seed=1, humans=["county_agri"])
    advance_to(game, 1, "plan")
    accepted(game.submit("county_agri", ResearchVisit(subordinate="hexi")))
    while game.turn == 1:
        game.advance()
    effects = move_effects(game, "county_agri", 1)
    visit = next(m for m in effects.moves if m.move_kind == "research_visit")
    assert visit.changes["symmetry"] > 0 and visit.changes["cadre_days"] == 3.0
    hexi = next(r for r in effects.relations if r.subordinate == "hexi")
    assert hexi.symmetry_before is not None and hexi.symmetry_after is not None
    assert effects.funds[0] is not None
