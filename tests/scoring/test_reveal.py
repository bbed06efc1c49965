"""The reveal: every false figure and untrue request, caught or not, with its events."""

from __future__ import annotations

import pytest

from game.engine.game import Game
from game.engine.moves import ReportProgress
from game.scoring.debrief import reveal
from tests.engine.helpers import accepted, advance_to, load


@pytest.mark.parametrize(("name", "seed"), [("tutorial", 0), ("double_rice", 3),
                                            ("c_county", 1), ("pressure_system", 2)])
def test_the_reveal_lists_every_overstated_report_caught_or_not(name: str, seed: int) -> None:
    game = Game(load(name), seed=seed, superior_style="pressure", subordinate_style="gaming")
    game.run_to_end()
    overstated = [e.seq for e in game.log
                  if e.kind == "report_progress" and e.hidden.get("overstate", 0) > 0]
    rows = reveal(game)["false_figures"]
    assert overstated and [r["seq"] for r in rows] == overstated
    for row in rows:
        kinds = {game.log[s].kind for s in row["events"]}
        assert row["seq"] in row["events"]
        assert row["caught"] == bool(kinds & {"falsification_detected", "inspection"})
        found = [e for e in game.log if e.kind == "falsification_detected"
                 and (e.turn, e.target, e.task) == (row["turn"], row["unit"], row["task"])]
        assert bool(found) == (row["how"] == "check")


def test_a_players_lie_is_caught_in_play_or_shown_in_the_reveal() -> None:
    game = Game(load("tutorial"), seed=4, humans=["hexi"])
    advance_to(game, 2, "report")
    task = game.hierarchy.tasks_of("hexi")[0]
    report = accepted(game.submit("hexi", ReportProgress(task=task, overstate=100.0)))
    game.run_to_end()
    row = next(r for r in reveal(game)["false_figures"] if r["unit"] == "hexi")
    assert row["seq"] == report.events[0].seq and row["overstate"] == 100.0
    caught = any(e.kind == "falsification_detected" and e.target == "hexi" for e in game.log)
    assert row["caught"] == caught


def test_untrue_requests_and_collusion_are_revealed_with_their_events() -> None:
    game = Game(load("double_rice"), seed=1, superior_style="mixed", subordinate_style="gaming")
    game.run_to_end()
    data = reveal(game)
    untrue = {e.seq for e in game.log if e.kind == "explain_shortfall"
              and not e.hidden["truthful"]}
    assert untrue and untrue <= {r["seq"] for r in data["false_requests"]}
    for row in data["false_requests"]:
        related = [game.log[s] for s in row["events"]]
        assert row["caught"] == any(e.kind in ("false_cause_detected", "request_unfounded")
                                    for e in related)
    colluded = [e.seq for e in game.log if e.kind == "collusion"]
    assert colluded and [r["seq"] for r in data["collusions"]] == colluded


def test_true_capacities_are_revealed_beside_the_superiors_estimates() -> None:
    game = Game(load("tutorial"), seed=0)
    game.run_to_end()
    rows = reveal(game)["capacities"]
    assert {r["unit"] for r in rows} == {"hexi", "shanqian", "liutang"}
    for row in rows:
        assert row["capacity"] == round(game.assignments[(row["unit"], row["task"])].capacity, 3)
