"""Trying an edited scenario: one game up to a turn, or many seeded games for balance.

Pure Python over the engine (Game + advance, game.headless.game_report), so the editor's
panels only run these in a worker thread and show what they return.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine.game import Game
from game.headless import game_report
from game.scenario.models import Scenario

#: The outcome figures shown beside the score's indicators.
OUTCOME_KEYS = ("delivered_vs_original", "delivered_vs_external", "accountability_events",
                "mean_overload", "mean_formalism")


def play_to_turn(
    scenario: Scenario,
    last_turn: int,
    seed: int = 0,
    superior: str | None = None,
    subordinate: str | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> dict[str, Any]:
    """Play with computer officials in every seat until `last_turn` is over; the report."""
    game = Game(scenario, seed=seed, superior_style=superior,  # type: ignore[arg-type]
                subordinate_style=subordinate)  # type: ignore[arg-type]
    while not game.over and game.turn <= last_turn and not cancelled():
        game.advance()
    return game_report(game)


def hand_over(
    scenario: Scenario,
    turn: int,
    seat: str,
    seed: int = 0,
    superior: str | None = None,
    subordinate: str | None = None,
) -> Game:
    """Computer officials play every seat up to the plan phase of `turn`; then a person takes
    `seat` (the save records when, so the game replays)."""
    game = Game(scenario, seed=seed, superior_style=superior,  # type: ignore[arg-type]
                subordinate_style=subordinate)  # type: ignore[arg-type]
    while not game.over and (game.turn < turn or game.phase != "plan"):
        game.advance()
    game.take_seat(seat)
    return game


def figures(report: dict[str, Any]) -> dict[str, float]:
    """Every number of a report worth comparing across games: outcome and indicators."""
    found = {key: float(report["outcome"][key]) for key in OUTCOME_KEYS}
    for key, entry in report.get("score", {}).get("indicators", {}).items():
        found.setdefault(key, float(entry["value"]))
    return found


def balance_reports(
    scenario: Scenario,
    games: int,
    first_seed: int = 1,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[dict[str, float]]:
    """Figures of up to `games` seeded games (fewer when cancelled), reporting progress."""
    results: list[dict[str, float]] = []
    for offset in range(games):
        if cancelled():
            break
        report = play_to_turn(scenario, scenario.turns, first_seed + offset, cancelled=cancelled)
        if not report["outcome"]["over"]:
            break
        results.append(figures(report))
        progress(offset + 1, games)
    return results


@dataclass(frozen=True)
class Spread:
    """How one figure varied across games."""

    key: str
    mean: float
    stdev: float
    low: float
    high: float
    count: int


def spreads(results: list[dict[str, float]]) -> list[Spread]:
    """The spread of every figure, in the order the first game listed them."""
    if not results:
        return []
    rows = []
    for key in results[0]:
        values = [r[key] for r in results if key in r]
        stdev = statistics.pstdev(values) if len(values) > 1 else 0.0
        rows.append(Spread(key, statistics.fmean(values), stdev, min(values), max(values),
                           len(values)))
    return rows
