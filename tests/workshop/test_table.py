"""A table's rules without the network: phases end when every person has ended them; a seat
goes to the computer and back; the record replays to the same table."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.game import Game, GameOver
from game.workshop.record import Record
from game.workshop.table import Advanced, Table, rebuild
from tests.workshop.helpers import SEATS, tutorial


def _table(path: Path | None = None) -> Table:
    record = Record(path) if path else None
    return Table(1, Game(tutorial(), seed=3, humans=SEATS), list(SEATS), record=record)


def test_a_phase_ends_only_when_every_person_has_ended_it() -> None:
    table = _table()
    assert table.end_phase("county_agri", 1, "plan", 1) is None
    assert table.waiting_for() == ["hexi"]
    advanced = table.end_phase("hexi", 1, "plan", 1)
    assert isinstance(advanced, Advanced) and (advanced.turn, advanced.phase) == (1, "plan")
    assert table.game.phase == "report"


def test_ending_a_phase_that_is_over_is_refused() -> None:
    table = _table()
    refusal = table.end_phase("hexi", 1, "report", 1)
    assert refusal is not None and not isinstance(refusal, Advanced)
    assert refusal.code == "stale"


def test_a_released_seat_is_played_by_the_computer_from_the_next_phase() -> None:
    table = _table()
    table.end_phase("county_agri", 1, "plan", 1)
    advanced = table.release("hexi")
    assert isinstance(advanced, Advanced)  # the only person left had ended the phase
    reports = [e for e in table.game.log if e.kind == "report_progress" and e.actor == "hexi"]
    assert reports, "the computer official reported for the township"
    refused = table.submit("hexi", {"kind": "report_progress", "task": "reclaim"}, 2)
    assert refused.refusal is not None and refused.refusal.code == "computer_holds"


def test_a_participant_back_in_the_phase_of_the_takeover_has_the_seat_at_once() -> None:
    table = _table()
    table.release("hexi")
    assert table.game.is_bot("hexi")
    assert table.rejoin("hexi") is None
    assert not table.game.is_bot("hexi")


def test_a_table_nobody_holds_waits_and_goes_on_when_someone_returns() -> None:
    table = _table()
    table.release("county_agri")  # in the plan phase
    table.end_phase("hexi", 1, "plan", 1)  # the computer plays the bureau from the report on
    table.release("hexi")
    assert table.game.phase == "report" and not table.person_held()
    advanced = table.rejoin("county_agri")
    assert isinstance(advanced, Advanced) and table.game.phase == "respond"
    assert not table.game.is_bot("county_agri") and table.game.is_bot("hexi")


def test_a_seat_taken_over_in_an_earlier_phase_comes_back_at_the_next_one() -> None:
    table = _table()
    table.release("hexi")
    table.end_phase("county_agri", 1, "plan", 1)
    assert table.rejoin("hexi") is None and table.game.is_bot("hexi")
    table.end_phase("county_agri", 1, "report", 2)
    assert table.game.phase == "respond" and not table.game.is_bot("hexi")


def test_only_a_person_held_seat_can_be_released() -> None:
    game = Game(tutorial(), seed=3, humans=["hexi"])
    with pytest.raises(ValueError, match="no person"):
        game.release_seat("shanqian")
    game.run_to_end()
    with pytest.raises(GameOver):
        game.release_seat("hexi")


def test_the_record_rebuilds_the_table_with_its_seats_and_phase_ends(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    table = _table(path)
    table.end_phase("county_agri", 1, "plan", 4)
    table.end_phase("hexi", 1, "plan", 9)
    table.release("hexi")
    table.end_phase("county_agri", 1, "report", 5)
    table.rejoin("hexi")
    again = rebuild(1, tutorial(), 3, SEATS, Record(path).acts(1))
    assert again.game.log.to_json() == table.game.log.to_json()
    assert again.game.snapshot() == table.game.snapshot()
    assert again.ended == table.ended and table.game.phase == "respond"
    # Who is waiting to come back is not recorded: their client says hello again.
    assert table.returning == {"hexi"} and again.returning == set()
    assert again.last_accepted_seq == {"county_agri": 5, "hexi": 9}


def test_a_record_resumes_only_with_the_same_mechanics(tmp_path: Path) -> None:
    from game.workshop.host import WorkshopHost
    from game.workshop.record import RecordError

    path = tmp_path / "s.sqlite"
    scenario = tutorial()
    first = WorkshopHost(scenario, Record(path), 2, SEATS)
    reworded = scenario.model_copy(update={"author": "someone else"})
    again = WorkshopHost(reworded, Record(path))  # prose changed: the tables replay the same
    assert again.codes() == first.codes()
    with pytest.raises(RecordError, match="changed"):
        WorkshopHost(scenario.model_copy(update={"turns": 5}), Record(path))
