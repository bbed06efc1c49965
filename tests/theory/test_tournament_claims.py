"""Play that matters (issue 8, first "Done when"): the tournament's verdict on every seat.

For a seat, every scripted policy of game/policies.py that suits it plays the seat over seeds
0..N-1 under communicative computer superiors and honest computer subordinates. Thoughtful,
honest play must beat every other policy on the seat's own score by at least 5 points, with
the two-standard-error intervals apart, and the best and the worst seat scores must lie at
least 25 points apart: the seat's choices, not luck or the engine's defaults, decide how the
seat is judged (GAME.md, "Designing for play").

The fast test checks a small representative set (a township and the bureau of the tutorial,
the bureau and a township of double_rice) on 6 seeds, for the gap and the spread; the `slow`
one sweeps every seat of every shipped scenario on 20 seeds and asks for the intervals apart
too (`pytest -m sweep tests/theory/test_tournament_claims.py`; pyproject's addopts deselect
`slow` tests by default).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.tournament import CLOSE, SPREAD, tournament_report

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
REPRESENTATIVE = [("tutorial", "hexi"), ("tutorial", "county_agri"),
                  ("double_rice", "county_agri"), ("double_rice", "beiyuan")]


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{name}.yaml")


def _every_seat() -> list[tuple[str, str]]:
    return [(path.stem, seat) for path in SCENARIOS for seat in load_scenario(path).seats]


def shortfalls(report: dict[str, Any], intervals: bool = True) -> list[str]:
    """What keeps the tournament's verdict from holding: each policy that comes within CLOSE
    points of thoughtful play or (with `intervals`) whose two-standard-error interval reaches
    thoughtful's, and a spread of seat scores under SPREAD."""
    rows = report["policies"]
    best = rows["thoughtful"]["seat_score"]
    problems = []
    for policy, row in rows.items():
        other = row["seat_score"]
        if policy == "thoughtful":
            continue
        gap = best["mean"] - other["mean"]
        apart = best["mean"] - 2 * best["se"] > other["mean"] + 2 * other["se"]
        if gap < CLOSE or (intervals and not apart):
            problems.append(f"{policy} {other['mean']:.2f}±{other['se']:.2f} against thoughtful "
                            f"{best['mean']:.2f}±{best['se']:.2f} (gap {gap:.2f})")
    if report["spread"] < SPREAD:
        problems.append(f"spread {report['spread']:.2f} < {SPREAD}")
    return problems


def _verdict(scenario: str, seat: str, seeds: int, jobs: int, intervals: bool) -> list[str]:
    report = tournament_report(_scenario(scenario), seat, seeds, jobs, "communicative", "honest")
    return shortfalls(report, intervals)


def test_the_verdict_reads_a_close_policy_and_a_narrow_spread() -> None:
    """The check itself can fail: a policy 3 points behind, or one whose interval overlaps,
    and a spread of 10 are each reported."""
    def row(mean: float, se: float) -> dict[str, Any]:
        return {"seat_score": {"mean": mean, "se": se}}

    report = {"policies": {"thoughtful": row(90.0, 1.0), "close": row(87.0, 0.1),
                           "overlapping": row(84.0, 2.5), "clear": row(80.0, 1.0)},
              "spread": 10.0}
    assert [p.split()[0] for p in shortfalls(report)] == ["close", "overlapping", "spread"]
    assert [p.split()[0] for p in shortfalls(report, intervals=False)] == ["close", "spread"]


@pytest.mark.parametrize(("scenario", "seat"), REPRESENTATIVE)
def test_thoughtful_play_wins_clearly_on_representative_seats(scenario: str, seat: str) -> None:
    """6 seeds: at least 5 points ahead of every policy, a spread of at least 25 (the
    standard errors of 6 games are too wide to ask for separate intervals)."""
    assert _verdict(scenario, seat, seeds=6, jobs=1, intervals=False) == []


@pytest.mark.sweep
@pytest.mark.parametrize(("scenario", "seat"), _every_seat())
def test_thoughtful_play_wins_clearly_on_every_seat(scenario: str, seat: str) -> None:
    """20 seeds: the whole claim, two-standard-error intervals apart."""
    assert _verdict(scenario, seat, seeds=20, jobs=2, intervals=True) == []
