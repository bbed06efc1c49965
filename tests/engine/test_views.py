"""What a seat may know: documents, stakes, requests and the moves open to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import views
from game.engine.events import EVENT_KINDS
from game.engine.game import Game
from game.engine.moves import PHASE_OF, ExplainShortfall, ReportProgress
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = load_scenario(ROOT / "scenarios" / "tutorial.yaml")


def _played(seat: str, seed: int = 0) -> Game:
    game = Game(TUTORIAL, seed=seed, humans=[seat], superior_style="pressure",
                subordinate_style="gaming")
    game.run_to_end()
    return game


def test_every_event_kind_is_a_document_or_a_statistic() -> None:
    assert set(EVENT_KINDS) == set(views.CATEGORY) | set(views.STATISTICS)


def test_every_category_is_listed() -> None:
    assert set(views.CATEGORY.values()) | {"sent"} == set(views.CATEGORIES)


def test_documents_carry_no_hidden_field() -> None:
    game = _played("hexi")
    hidden = {key for event in game.log for key in event.hidden}
    for doc in views.documents(game, "hexi"):
        event = game.log[doc.seq]
        assert doc.data == event.data
        assert not (set(doc.data) - set(event.data))
    assert hidden  # the log does hold truths; none of them reached the documents


def test_a_township_sees_neither_peers_work_nor_their_talks() -> None:
    game = _played("hexi")
    seen = views.visible_events(game, "hexi")
    assert not [e for e in seen if e.kind == "execution" and e.actor != "hexi"]
    assert not [e for e in seen if e.kind == "explain_shortfall" and e.actor != "hexi"]


def test_meetings_and_rankings_reach_the_units_they_name() -> None:
    game = Game(TUTORIAL, seed=0, humans=["county_agri"])
    event = game.log.append(game.turn, game.phase, "mobilization_meeting", actor="county_agri",
                            task="reclaim", data={"attended": ["hexi", "liutang"]})
    assert views.reaches(event, "hexi")
    assert not views.reaches(event, "shanqian")


def test_a_task_arrives_from_the_owners_government() -> None:
    game = Game(TUTORIAL, seed=0, humans=["county_agri"])
    first = next(d for d in views.documents(game, "county_agri") if d.kind == "task_started")
    assert (first.sender, first.recipient, first.direction) == ("c_county", "county_agri", "in")


def test_what_the_seat_sent_files_under_sent() -> None:
    game = Game(TUTORIAL, seed=0, humans=["county_agri"])
    assert game.phase == "plan"
    game.advance()  # a person's bureau splits in the plan phase; unsplit, it is passed on
    directives = [d for d in views.documents(game, "county_agri")
                  if d.kind == "directive_issued"]
    assert {d.category for d in directives} == {"sent"}
    received = [d for d in views.documents(game, "hexi") if d.kind == "directive_issued"]
    assert {d.category for d in received} == {"directive"}


def test_an_owner_knows_reports_not_truths() -> None:
    game = _played("county_agri")
    stake = views.stakes(game, "county_agri")[0]
    assert stake.capacity is None and stake.delivered is None
    assert [s.unit for s in stake.subordinates] == ["hexi", "shanqian", "liutang"]


def test_a_carrier_knows_its_own_capacity() -> None:
    game = Game(TUTORIAL, seed=0, humans=["hexi"])
    stake = views.stakes(game, "hexi")[0]
    assert stake.capacity == pytest.approx(1200.0)
    assert stake.superior == "county_agri" and not stake.subordinates


def test_pending_requests_hide_whether_they_are_true() -> None:
    game = Game(TUTORIAL, seed=0, humans=["county_agri", "hexi"])
    game.advance()
    assert game.submit("hexi", ExplainShortfall(task="reclaim", causes=["weather"])).ok
    game.advance()
    pending = [p for p in views.pending_requests(game, "county_agri") if p.sender == "hexi"]
    assert pending and pending[0].kind == "explanation"
    assert not hasattr(pending[0], "truthful")


@pytest.mark.parametrize(
    ("seat", "phase", "expected"),
    [
        ("county_agri", "plan", {"split_quota", "research_visit", "symposium"}),
        ("hexi", "plan", {"allocate_time", "lever_social", "quasi_exit"}),
        ("hexi", "report", {"report_progress", "explain_shortfall", "falsify_report"}),
    ],
)
def test_options_fit_the_seat_and_the_phase(seat: str, phase: str, expected: set[str]) -> None:
    game = Game(TUTORIAL, seed=0, humans=[seat])
    while game.phase != phase:
        game.advance()
    options = {o.action: o for o in views.move_options(game, seat)}
    assert expected <= set(options)
    assert all(PHASE_OF[o.move_kind] == phase for o in options.values())


def test_a_bureau_has_nobody_to_report_to_in_the_tutorial() -> None:
    game = Game(TUTORIAL, seed=0, humans=["county_agri"])
    game.advance()
    assert game.phase == "report"
    assert views.move_options(game, "county_agri") == []


def test_split_is_offered_only_when_the_task_arrives() -> None:
    game = Game(TUTORIAL, seed=0, humans=["county_agri"])
    assert "split_quota" in {o.action for o in views.move_options(game, "county_agri")}
    for _ in range(3):
        game.advance()
    assert "split_quota" not in {o.action for o in views.move_options(game, "county_agri")}


def test_options_carry_the_engine_costs() -> None:
    game = Game(TUTORIAL, seed=0, humans=["county_agri"])
    visit = next(o for o in views.move_options(game, "county_agri")
                 if o.action == "research_visit")
    assert (visit.cadre_days, visit.addressee_days) == game.params.move_costs["research_visit"]
    assert visit.addressees == ["hexi", "shanqian", "liutang"]


def test_pathologies_are_grouped_apart() -> None:
    game = Game(TUTORIAL, seed=0, humans=["hexi"])
    game.advance()
    groups = {o.action: o.group for o in views.move_options(game, "hexi")}
    assert groups["falsify_report"] == groups["collude"] == "pathology"
    assert groups["report_progress"] == "up"


def test_moves_made_lists_this_phase_only() -> None:
    game = Game(TUTORIAL, seed=0, humans=["hexi"])
    game.advance()
    assert game.submit("hexi", ReportProgress(task="reclaim")).ok
    assert [m["kind"] for m in views.moves_made(game, "hexi")] == ["report_progress"]
    game.advance()
    assert views.moves_made(game, "hexi") == []


def test_no_options_once_the_game_is_over() -> None:
    assert views.move_options(_played("hexi"), "hexi") == []
