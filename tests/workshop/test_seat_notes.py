"""The seat's notes: suggested answers and announced world events, and nothing hidden."""

from __future__ import annotations

import json
import re

from game.engine.game import Game
from game.engine.moves import Collude, ExplainShortfall, ProposeTarget, ResearchVisit
from game.engine.views import pending_requests, suggested_answer
from game.scenario.loader import load_scenario
from game.workshop.seat_view import SeatView, seat_view

TUTORIAL = "scenarios/tutorial.yaml"


def _respond(visit: bool) -> Game:
    """Tutorial, turn 1 respond: the bureau faces a collusion offer, an explanation and a
    proposal (and, with `visit`, knows hexi's capacity from a research visit)."""
    game = Game(load_scenario(TUTORIAL), seed=0, humans=["county_agri", "hexi", "liutang"])
    if visit:
        assert game.submit("county_agri", ResearchVisit(subordinate="hexi")).ok
    game.advance()
    assert game.submit("hexi", Collude(task="reclaim")).ok
    assert game.submit("hexi", ExplainShortfall(task="reclaim", causes=["capacity_limit"],
                                                proposed_target=1150.0)).ok
    assert game.submit("liutang", ProposeTarget(task="reclaim", target=0.0)).ok
    game.advance()
    assert game.phase == "respond"
    return game


def _figures(text: str) -> set[float]:
    return {round(float(x), 1) for x in re.findall(r"-?\d+\.?\d*(?:e-?\d+)?", text)}


def test_each_pending_request_comes_with_the_seats_own_suggestion() -> None:
    game = _respond(visit=True)
    view = SeatView.model_validate_json(seat_view(game, "county_agri").model_dump_json())
    assert view.notes is not None and len(view.pending) >= 3
    assert [s.request for s in view.notes.suggestions] == [r.id for r in view.pending]
    for request in pending_requests(game, "county_agri"):
        assert view.notes.suggestion(request.id) == suggested_answer(game, "county_agri", request)
    collusion = next(r for r in view.pending if r.kind == "collusion")
    assert view.notes.suggestion(collusion.id).accept is False  # type: ignore[union-attr]


def test_the_suggestions_never_carry_a_true_capacity() -> None:
    game = _respond(visit=False)
    secret = 7777.7  # a true capacity no estimate, target or report could come near
    for unit in ("hexi", "liutang", "shanqian"):
        game.assignments[(unit, "reclaim")].capacity = secret
    notes = seat_view(game, "county_agri").notes
    assert notes is not None and notes.suggestions
    own = game.relations
    for suggestion, request in zip(notes.suggestions, pending_requests(game, "county_agri"),
                                   strict=True):
        assert suggestion.estimate == own[("county_agri", request.sender)].estimates.get("reclaim")
    text = notes.model_dump_json()
    assert secret not in _figures(text), text
    assert "truthful" not in text and "capacity" not in text


def test_an_announced_world_event_is_named_without_its_effects() -> None:
    game = Game(load_scenario(TUTORIAL), seed=0, humans=["hexi"])
    assert seat_view(game, "hexi").notes.events == []  # type: ignore[union-attr]
    while game.turn < 3 and not game.over:
        game.advance()
    for seat in ("hexi", "county_agri"):  # a world event is told to everyone
        view = SeatView.model_validate_json(seat_view(game, seat).model_dump_json())
        assert view.notes is not None
        [rain] = view.notes.events
        assert (rain.id, rain.kind, rain.turn, rain.name.zh) == ("spring_rain", "weather", 3,
                                                                 "连续阴雨")
        assert rain.text is not None and "山前乡" in rain.text.zh
        dumped = json.loads(view.notes.model_dump_json())
        assert "effects" not in json.dumps(dumped) and "0.85" not in json.dumps(dumped)
        assert any(d.kind == "world_event" and d.data["event"] == "spring_rain"
                   for d in view.documents)
