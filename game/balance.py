"""Balance: many seeded bot games for every pairing of styles, and the spread of each indicator.

`python main.py balance SCENARIO --games N [--jobs J] [--json]` plays seeds 0..N-1 for each
of the nine pairings of superior style (communicative, mixed, pressure) and subordinate style
(honest, mixed, gaming), across processes. Results are gathered by seed, so they do not depend
on how many processes played them. It flags a scenario where one pairing is best on every
indicator (no real choice left) or where no pairing reaches the real, original target.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from statistics import fmean, pstdev
from typing import Any, TextIO

from game.scenario.models import Scenario

SUPERIOR_STYLES = ("communicative", "mixed", "pressure")
SUBORDINATE_STYLES = ("honest", "mixed", "gaming")
PAIRINGS: tuple[tuple[str, str], ...] = tuple(
    (sup, sub) for sup in SUPERIOR_STYLES for sub in SUBORDINATE_STYLES
)
STATS = ("mean", "sd", "min", "p10", "p50", "p90", "max")
#: +1 when more is better, -1 when less is better; indicators not listed are shown but do
#: not count towards dominance (counts of events, turns played).
DIRECTIONS: dict[str, int] = {
    "delivered_vs_original": 1,
    "delivered_vs_external": 1,
    "accountability_events": -1,
    "mean_overload": -1,
    "mean_formalism": -1,
    "objective_attribution": 1,
    "organizational_coordination": 1,
    "institutional_feedback": 1,
    "differentiated_incentives": 1,
    "joint_responsibility": 1,
    "internalized_responsibility": 1,
    "collective_consensus": 1,
    "routinized_campaigns": 1,
    "non_accountability_mobilization": 1,
    "local_autonomy": 1,
    "collusion": -1,
    "blame_avoidance": -1,
    "symbolic_execution": -1,
    "formalism": -1,
    "overload": -1,
    "resilience": 1,
}
TARGET_KEY = "delivered_vs_original"
_CHUNK = 8
_scenario: Scenario | None = None  # the scenario of this worker process


def pairing_name(pairing: tuple[str, str]) -> str:
    """'communicative/honest' and the like."""
    return f"{pairing[0]}/{pairing[1]}"


def indicators_of(report: dict[str, Any]) -> dict[str, float]:
    """The numeric figures of a game report: its outcome, then its score values if scored.

    A score indicator whose name an outcome figure already uses is kept as 'score.<name>'.
    """
    values: dict[str, float] = {}
    for key, value in report["outcome"].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            values[key] = float(value)
    for key, entry in report.get("score", {}).get("indicators", {}).items():
        name = f"score.{key}" if key in values else key
        if entry["value"] is not None:  # not applicable in this game: no figure
            values[name] = float(entry["value"])
    return values


def _init_worker(scenario: Scenario) -> None:
    global _scenario
    _scenario = scenario


def play_chunk(pairing: tuple[str, str], seeds: list[int]) -> list[tuple[int, dict[str, float]]]:
    """Play the seeds of one pairing on this worker's scenario; (seed, indicators) each."""
    from game.headless import game_report, play_game

    if _scenario is None:
        raise RuntimeError("the worker has no scenario (call _init_worker first)")
    return [(seed, indicators_of(game_report(play_game(_scenario, seed, *pairing))))
            for seed in seeds]


def play_all(
    scenario: Scenario, games: int, jobs: int, progress: TextIO | None = None
) -> dict[str, list[dict[str, float]]]:
    """Every pairing's indicators, game by game in seed order.

    Args:
        scenario: the scenario to play.
        games: seeds 0..games-1 for each pairing.
        jobs: worker processes; 1 plays in this process.
        progress: where to draw a progress bar (None: no bar).
    """
    chunks = [(p, list(range(s, min(games, s + _CHUNK)))) for p in PAIRINGS
              for s in range(0, games, _CHUNK)]
    bar = _Progress(len(PAIRINGS) * games, progress)
    results: dict[tuple[str, str], dict[int, dict[str, float]]] = {p: {} for p in PAIRINGS}
    if jobs <= 1:
        _init_worker(scenario)
        for pairing, seeds in chunks:
            results[pairing].update(play_chunk(pairing, seeds))
            bar.advance(len(seeds))
    else:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(scenario,)) as pool:
            futures: dict[Future[Any], tuple[str, str]] = {
                pool.submit(play_chunk, pairing, seeds): pairing for pairing, seeds in chunks
            }
            for future in as_completed(futures):
                results[futures[future]].update(future.result())
                bar.advance(len(future.result()))
    bar.close()
    return {pairing_name(p): [games_[s] for s in sorted(games_)] for p, games_ in
            results.items()}


class _Progress:
    """A plain-text progress bar redrawn in place on a terminal stream."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.start = time.perf_counter()
        self.drawn = -1

    def advance(self, count: int) -> None:
        self.done += count
        percent = 100 * self.done // max(1, self.total)
        if self.stream is not None and percent != self.drawn:
            self.drawn = percent
            filled = 30 * self.done // max(1, self.total)
            elapsed = time.perf_counter() - self.start
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/"
                              f"{self.total} games  {elapsed:.1f} s")
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


def percentile(sorted_values: list[float], share: float) -> float:
    """Linear interpolation between closest ranks (numpy's default) of sorted values."""
    position = share * (len(sorted_values) - 1)
    low, high = math.floor(position), math.ceil(position)
    fraction = position - low
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * fraction


def spread(values: list[float]) -> dict[str, float]:
    """mean, sd (population), min, p10, p50, p90 and max, rounded to 4 places."""
    ordered = sorted(values)
    figures = {
        "mean": fmean(ordered),
        "sd": pstdev(ordered) if len(ordered) > 1 else 0.0,
        "min": ordered[0],
        "p10": percentile(ordered, 0.1),
        "p50": percentile(ordered, 0.5),
        "p90": percentile(ordered, 0.9),
        "max": ordered[-1],
    }
    return {k: round(v, 4) for k, v in figures.items()}


def summarize(games: dict[str, list[dict[str, float]]]) -> dict[str, dict[str, dict[str, float]]]:
    """indicator -> pairing -> spread, over the indicators every game reported."""
    names = list(next(iter(games.values()))[0])
    return {
        name: {pairing: spread([g[name] for g in rows if name in g])
               for pairing, rows in games.items()}
        for name in names
    }


def dominant_pairing(means: dict[str, dict[str, float]]) -> str | None:
    """The pairing at least as good as every other on every directed indicator, if any.

    Args:
        means: indicator -> pairing -> mean; indicators missing from DIRECTIONS are ignored.

    Returns:
        The dominant pairing, or None when none is best on every directed indicator (or
        when no indicator has a direction).
    """
    directed = {k: v for k, v in means.items() if _direction(k)}
    if not directed:
        return None
    pairings = sorted(next(iter(directed.values())))
    for candidate in pairings:
        if all(_direction(k) * by_pairing[candidate] >= _direction(k) * by_pairing[other]
               for k, by_pairing in directed.items() for other in by_pairing):
            return candidate
    return None


def _direction(name: str) -> int:
    """+1, -1 or 0 (not ranked) for an indicator, 'score.x' ranked like 'x'."""
    return DIRECTIONS.get(name.removeprefix("score."), 0)


def balance_flags(means: dict[str, dict[str, float]]) -> list[dict[str, str]]:
    """What makes a scenario unbalanced, as {code, message} entries (empty when none).

    Args:
        means: indicator -> pairing -> mean.
    """
    flags = []
    best = dominant_pairing(means)
    if best is not None:
        flags.append({"code": "dominant", "message": f"{best} is at least as good as every "
                      "other pairing on every indicator: the styles leave no real choice"})
    reached = means.get(TARGET_KEY, {})
    if reached and all(value < 100.0 for value in reached.values()):
        top = max(reached, key=lambda p: (reached[p], p))
        flags.append({"code": "target_out_of_reach", "message": "no pairing delivers the "
                      f"original target on average (best: {top}, {reached[top]:.1f}%)"})
    return flags


def balance_report(scenario: Scenario, games: int, jobs: int,
                   progress: TextIO | None = None) -> dict[str, Any]:
    """Play, summarize and flag; the JSON of `balance --json`."""
    start = time.perf_counter()
    played = play_all(scenario, games, jobs, progress)
    seconds = time.perf_counter() - start
    summary = summarize(played)
    means = {name: {p: s["mean"] for p, s in by.items()} for name, by in summary.items()}
    return {
        "scenario": scenario.id,
        "games_per_pairing": games,
        "pairings": [pairing_name(p) for p in PAIRINGS],
        "indicators": summary,
        "flags": balance_flags(means),
        "seconds": round(seconds, 3),
        "jobs": jobs,
    }


def render_balance(report: dict[str, Any]) -> str:
    """The balance report as aligned text: one block per indicator, a row per pairing."""
    width = max(len(p) for p in report["pairings"])
    lines = [f"Balance of {report['scenario']}: {report['games_per_pairing']} games per "
             f"pairing (superior/subordinate), {report['seconds']:.1f} s on {report['jobs']} "
             "process(es)"]
    header = "  ".join(f"{s:>9}" for s in STATS)
    for name, by_pairing in report["indicators"].items():
        direction = {1: "higher is better", -1: "lower is better"}.get(_direction(name),
                                                                        "not ranked")
        lines.extend(["", f"{name} ({direction})", f"  {'pairing':<{width}}  {header}"])
        for pairing, figures in by_pairing.items():
            cells = "  ".join(f"{figures[s]:>9.2f}" for s in STATS)
            lines.append(f"  {pairing:<{width}}  {cells}")
    lines.append("")
    flags = report["flags"]
    lines.extend([f"FLAG {f['code']}: {f['message']}" for f in flags] or ["No balance flags."])
    return "\n".join(lines)


def run_balance(scenario: Scenario, games: int, jobs: int, as_json: bool) -> int:
    """`python main.py balance`: play, print the spread of every indicator and the flags.

    Args:
        scenario: the validated scenario.
        games: games (seeds 0..games-1) per pairing of styles.
        jobs: worker processes; 0 or less means one per CPU.
        as_json: print JSON instead of the table.

    Returns:
        0, or 2 when `games` is below 1.
    """
    if games < 1:
        print("balance: --games must be at least 1", file=sys.stderr)
        return 2
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    report = balance_report(scenario, games, jobs, sys.stderr)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_balance(report))
    return 0
