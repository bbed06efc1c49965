"""The seat's part of the debrief: absent during play, then only what the seat may know."""

from __future__ import annotations

import json

import pytest

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.scoring.report import score_game
from game.workshop.debrief_part import COMPARISON_KEYS, debrief_part
from game.workshop.seat_view import SeatView, seat_view

SEATS = ["county_agri", "hexi"]


@pytest.fixture(scope="module")
def finished() -> Game:
    game = Game(load_scenario("scenarios/tutorial.yaml"), seed=5, humans=SEATS)
    game.run_to_end()
    return game


def _linked(report_part: dict) -> set[int]:  # type: ignore[type-arg]
    found: set[int] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("evidence", "events") and isinstance(item, list):
                    found.update(item)
                elif key == "seq" and isinstance(item, int):
                    found.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(report_part)
    return found


def test_there_is_no_part_before_the_end_in_any_phase() -> None:
    game = Game(load_scenario("scenarios/tutorial.yaml"), seed=2, humans=SEATS)
    while not game.over:
        for seat in SEATS:
            assert debrief_part(game, seat) is None
            assert json.loads(seat_view(game, seat).model_dump_json())["debrief"] is None
        game.advance()
    assert debrief_part(game, "hexi") is not None


def test_the_part_holds_the_seats_own_score_and_no_other(finished: Game) -> None:
    report = score_game(finished)
    bureau, township = debrief_part(finished, "county_agri"), debrief_part(finished, "hexi")
    assert bureau is not None and township is not None
    assert bureau.score == report["seats"]["county_agri"]
    assert township.score == report["seats"]["hexi"]
    text = township.model_dump_json()
    # The bureau's own score (its parts' explanations) is nowhere in the township's part.
    for part in report["seats"]["county_agri"]["indicators"].values():
        assert json.dumps(part["explanation"]["zh"], ensure_ascii=False)[1:-1] not in text
    assert township.indicators == report["indicators"]
    assert township.figure1 == report["figure1"]
    assert "series" not in township.model_dump()  # the per-unit series stay out


def test_the_part_holds_only_the_log_entries_it_links_to(finished: Game) -> None:
    part = debrief_part(finished, "hexi")
    assert part is not None
    wanted = _linked({"i": part.indicators, "s": part.score, "r": part.reveal})
    seqs = [e.seq for e in part.events]
    assert seqs == sorted(wanted) and len(seqs) < len(finished.log)
    for event in part.events:
        assert event.to_dict() == finished.log[event.seq].to_dict()  # in full: the reveal
    assert part.event(seqs[0]) is part.events[0] and part.event(-1) is None


def test_the_comparisons_come_in_without_the_three_whole_games(finished: Game) -> None:
    result = {key: key for key in COMPARISON_KEYS} | {"games": {"yours": "…"}}
    part = debrief_part(finished, "hexi", result)
    assert part is not None and part.comparisons == {key: key for key in COMPARISON_KEYS}
    failed = debrief_part(finished, "hexi", comparisons_error="ValueError: no")
    assert failed is not None and failed.comparisons is None
    assert failed.comparisons_error == "ValueError: no"
    assert debrief_part(finished, "hexi").comparisons is None  # type: ignore[union-attr]


def test_the_part_is_built_once_per_seat(finished: Game) -> None:
    assert debrief_part(finished, "hexi") is debrief_part(finished, "hexi")
    with pytest.raises(KeyError):
        debrief_part(finished, "nowhere")


def test_the_part_round_trips_through_json(finished: Game) -> None:
    view = seat_view(finished, "hexi", comparisons={"seat": "hexi", "seed": 5})
    back = SeatView.model_validate_json(view.model_dump_json())
    assert back.debrief == view.debrief
    assert back.debrief is not None and back.debrief.comparisons == {"seat": "hexi", "seed": 5}


def test_a_report_that_cannot_be_made_leaves_an_error_not_a_broken_view(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import game.workshop.debrief_part as module

    def broken(game: Game) -> dict:  # type: ignore[type-arg]
        raise ValueError("no rules")

    monkeypatch.setattr(module, "score_game", broken)
    game = Game(load_scenario("scenarios/tutorial.yaml"), seed=4, humans=["hexi"])
    game.run_to_end()
    part = seat_view(game, "hexi").debrief
    assert part is not None and part.error == "ValueError: no rules"
    assert part.indicators == {} and part.score is None and part.events == []
