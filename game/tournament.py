"""The policy tournament: every scripted policy in one seat over many seeds, and the table.

`python main.py tournament SCENARIO --seat UNIT [--superior S] [--subordinate S] [--seeds N]
[--jobs J] [--json]` plays each policy of game/policies.py that suits the seat over seeds
0..N-1 and prints each policy's seat score ("how you played") and the county's `resilience`,
as mean and standard error. GAME.md, "Designing for play": thoughtful play must beat every
degenerate policy on the seat's own score, and the seat's choices must move that score far
more than luck does. So it flags every policy within 5 points of `thoughtful` on the seat
score, and a spread (best minus worst) under 25. Results are gathered by seed, so they do not
depend on how many processes played them.

`python main.py play SCENARIO --seat UNIT --policy NAME [--seed N] [--json]` plays one game.
"""

from __future__ import annotations

import json
import math
import os
import sys
import unicodedata
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from statistics import fmean, stdev
from typing import Any, TextIO

from game.balance import _Progress
from game.engine.game import Game
from game.headless import game_report, render_text, style_words
from game.policies import POLICIES, Hand, play_policy, policies_for
from game.scenario.models import Scenario
from game.scoring.report import score_game

CLOSE = 5.0  # a policy this close to thoughtful play on the seat score is flagged
SPREAD = 25.0  # best minus worst seat score below this is flagged
FIGURES = ("seat_score", "resilience")
_CHUNK = 5
_setup: tuple[Scenario, str, str | None, str | None] | None = None  # this worker's game


def seat_score(score: dict[str, Any], seat: str) -> float | None:
    """The seat's own score from a score report, or None where the report has none."""
    return _number(score.get("seats", {}).get(seat, {}).get("score"))


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def outcome_of(hand: Hand, score: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the tournament keeps of one game: the two scores and the moves' fate (from
    `score`, the game's score report, when it is at hand)."""
    score = score_game(hand.game) if score is None else score
    return {
        "seat_score": seat_score(score, hand.seat),
        "resilience": _number(score["indicators"]["resilience"]["value"]),
        "accepted": sum(1 for s in hand.submitted if s.ok),
        "refused": sum(1 for s in hand.submitted if not s.ok),
    }


def _init_worker(scenario: Scenario, seat: str, superior: str | None,
                 subordinate: str | None) -> None:
    global _setup
    _setup = (scenario, seat, superior, subordinate)


def play_chunk(policy: str, seeds: list[int]) -> list[tuple[int, dict[str, Any]]]:
    """Play one policy over some seeds on this worker's scenario and seat."""
    if _setup is None:
        raise RuntimeError("the worker has no game set up (call _init_worker first)")
    scenario, seat, superior, subordinate = _setup
    return [(seed, outcome_of(play_policy(scenario, seat, policy, seed, superior, subordinate)))
            for seed in seeds]


def play_all(scenario: Scenario, seat: str, policies: list[str], seeds: int, jobs: int,
             superior: str | None = None, subordinate: str | None = None,
             progress: TextIO | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every policy's games, in seed order.

    Args:
        scenario: the scenario to play.
        seat: the seat the policies play.
        policies: the policies' names.
        seeds: seeds 0..seeds-1 for each policy.
        jobs: worker processes; 1 plays in this process.
        superior: style of the computer superiors (None: the scenario's).
        subordinate: style of the computer subordinates (None: the scenario's).
        progress: where to draw a progress bar (None: no bar).
    """
    chunks = [(p, list(range(s, min(seeds, s + _CHUNK)))) for p in policies
              for s in range(0, seeds, _CHUNK)]
    bar = _Progress(len(policies) * seeds, progress)
    results: dict[str, dict[int, dict[str, Any]]] = {p: {} for p in policies}
    setup = (scenario, seat, superior, subordinate)
    if jobs <= 1:
        _init_worker(*setup)
        for policy, chunk in chunks:
            results[policy].update(play_chunk(policy, chunk))
            bar.advance(len(chunk))
    else:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=setup) as pool:
            futures: dict[Future[Any], str] = {
                pool.submit(play_chunk, policy, chunk): policy for policy, chunk in chunks}
            for future in as_completed(futures):
                results[futures[future]].update(future.result())
                bar.advance(len(future.result()))
    bar.close()
    return {p: [games[s] for s in sorted(games)] for p, games in results.items()}


def mean_se(values: list[float | None]) -> dict[str, float] | None:
    """Mean and standard error of the mean (sample sd / sqrt n), or None if any is missing."""
    if not values or any(v is None for v in values):
        return None
    numbers = [float(v) for v in values if v is not None]
    se = stdev(numbers) / math.sqrt(len(numbers)) if len(numbers) > 1 else 0.0
    return {"mean": round(fmean(numbers), 2), "se": round(se, 2)}


def summarize(games: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """policy -> {seat_score, resilience: {mean, se} or None, games, accepted, refused}."""
    rows = {}
    for policy, played in games.items():
        row: dict[str, Any] = {f: mean_se([g[f] for g in played]) for f in FIGURES}
        row["games"] = len(played)
        for count in ("accepted", "refused"):
            row[count] = round(fmean(g[count] for g in played), 2)
        rows[policy] = row
    return rows


def flags(rows: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """What says the seat's play does not matter enough: policies within CLOSE points of
    thoughtful on the seat score, and a spread under SPREAD (empty without seat scores)."""
    means = {p: r["seat_score"]["mean"] for p, r in rows.items() if r["seat_score"]}
    found: list[dict[str, Any]] = []
    best = means.get("thoughtful")
    if best is not None:
        for policy, mean in means.items():
            if policy != "thoughtful" and mean > best - CLOSE:
                found.append({"code": "close", "policy": policy,
                              "gap": round(best - mean, 2)})
    if len(means) > 1:
        spread = round(max(means.values()) - min(means.values()), 2)
        if spread < SPREAD:
            found.append({"code": "narrow_spread", "spread": spread})
    return found


def tournament_report(scenario: Scenario, seat: str, seeds: int, jobs: int,
                      superior: str | None = None, subordinate: str | None = None,
                      progress: TextIO | None = None) -> dict[str, Any]:
    """Play every policy that suits the seat and summarize; the JSON of `tournament --json`."""
    names = policies_for(Game(scenario, 0, humans=[seat]), seat)
    rows = summarize(play_all(scenario, seat, names, seeds, jobs, superior, subordinate,
                              progress))
    means = [r["seat_score"]["mean"] for r in rows.values() if r["seat_score"]]
    return {
        "scenario": scenario.id,
        "seat": seat,
        "superior_style": superior or scenario.styles.superior,
        "subordinate_style": subordinate or scenario.styles.subordinate,
        "seeds": seeds,
        "policies": rows,
        "spread": round(max(means) - min(means), 2) if means else None,
        "flags": flags(rows),
    }


_TEXT = {
    "zh": {"head": "策略对抗：情景 {scenario}，席位 {seat}（上级 {superior_style}，下级 "
                   "{subordinate_style}），每个策略 {seeds} 个种子；均值 ± 标准误",
           "policy": "策略", "seat": "席位得分", "county": "全县韧性", "flag": "标记",
           "close": "距 thoughtful 不足 5 分", "spread": "席位得分极差（最好减最差）：{spread}",
           "narrow": "FLAG 极差 {spread} 小于 25：玩家的选择对得分影响太小",
           "missing": "（席位得分尚未提供：显示为 —）", "none": "没有标记。"},
    "en": {"head": "Tournament on {scenario}, seat {seat} (superiors {superior_style}, "
                   "subordinates {subordinate_style}), {seeds} seeds per policy; mean ± "
                   "standard error",
           "policy": "policy", "seat": "seat score", "county": "resilience", "flag": "flag",
           "close": "within 5 of thoughtful", "spread": "Spread of seat scores (best minus "
           "worst): {spread}", "narrow": "FLAG spread {spread} is under 25: the seat's "
           "choices move its score too little", "missing": "(no seat scores in this build: "
           "shown as —)", "none": "No flags."},
}


def _pad(text: str, width: int, right: bool = False) -> str:
    """Pad to a display width, Chinese characters counting two columns."""
    wide = sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")
    fill = " " * max(0, width - len(text) - wide)
    return fill + text if right else text + fill


def _cell(figure: dict[str, float] | None) -> str:
    return "—" if figure is None else f"{figure['mean']:6.2f} ± {figure['se']:5.2f}"


def render_tournament(report: dict[str, Any], lang: str = "en") -> str:
    """The tournament as an aligned table, best seat score (then resilience) first, flags
    marked."""
    text = _TEXT["zh" if lang == "zh" else "en"]
    rows = report["policies"]
    close = {f["policy"] for f in report["flags"] if f["code"] == "close"}
    width = max(len(p) for p in rows)

    def rank(policy: str) -> tuple[float, float, int]:
        score, county = rows[policy]["seat_score"], rows[policy]["resilience"]
        return (-score["mean"] if score else 0.0, -county["mean"] if county else 0.0,
                list(rows).index(policy))

    words = {k: style_words(report[k], lang) for k in ("superior_style", "subordinate_style")}
    lines = [text["head"].format(**{**report, **words}), "",
             f"  {_pad(text['policy'], width)}  {_pad(text['seat'], 15, True)}  "
             f"{_pad(text['county'], 15, True)}  {text['flag']}"]
    for policy in sorted(rows, key=rank):
        row = rows[policy]
        mark = text["close"] if policy in close else ""
        lines.append(f"  {policy:<{width}}  {_cell(row['seat_score']):>15}  "
                     f"{_cell(row['resilience']):>15}  {mark}".rstrip())
    lines.append("")
    if report["spread"] is None:
        lines.append(text["missing"])
    else:
        lines.append(text["spread"].format(spread=f"{report['spread']:.2f}"))
    narrow = [f for f in report["flags"] if f["code"] == "narrow_spread"]
    lines.extend(text["narrow"].format(spread=f"{f['spread']:.2f}") for f in narrow)
    if not report["flags"] and report["spread"] is not None:
        lines.append(text["none"])
    return "\n".join(lines)


def seat_problem(scenario: Scenario, seat: str) -> str | None:
    """Why the unit cannot be played (not a seat of the scenario), or None."""
    if seat in scenario.seats:
        return None
    return (f"'{seat}' is not a seat of scenario '{scenario.id}' (seats: "
            f"{', '.join(scenario.seats)})")


def run_tournament(scenario: Scenario, seat: str, seeds: int, jobs: int, as_json: bool,
                   superior: str | None = None, subordinate: str | None = None,
                   lang: str = "en") -> int:
    """`python main.py tournament`: play, print the table (or JSON); 2 on bad input."""
    problem = seat_problem(scenario, seat) or (
        "--seeds must be at least 1" if seeds < 1 else None)
    if problem:
        print(f"tournament: {problem}", file=sys.stderr)
        return 2
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    progress = sys.stderr if sys.stderr.isatty() and not as_json else None
    report = tournament_report(scenario, seat, seeds, jobs, superior, subordinate, progress)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_tournament(report, lang))
    return 0


def run_play(scenario: Scenario, seat: str | None, policy: str | None, seed: int, as_json: bool,
             superior: str | None = None, subordinate: str | None = None,
             lang: str = "en") -> int:
    """`python main.py play --seat UNIT --policy NAME`: one game, its report; 2 on bad input."""
    name = policy or ""
    if not seat:
        print("play: --policy needs --seat UNIT", file=sys.stderr)
        return 2
    problem = seat_problem(scenario, seat)
    if problem is None and name not in POLICIES:
        problem = (f"unknown policy '{name}' (policies: {', '.join(POLICIES)})" if name else
                   "--seat needs --policy NAME")
    if problem:
        print(f"play: {problem}", file=sys.stderr)
        return 2
    hand = play_policy(scenario, seat, name, seed, superior, subordinate)
    report = game_report(hand.game)
    played = outcome_of(hand, report["score"])
    report.update(seat=seat, policy=name, seat_score=played["seat_score"],
                  moves={"accepted": played["accepted"], "refused": played["refused"]})
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    score = "—" if played["seat_score"] is None else f"{played['seat_score']:.2f}"
    tail = (f"席位 {seat} 由策略 {name} 扮演：席位得分 {score}；{played['accepted']} 个动作被"
            f"接受，{played['refused']} 个被拒绝" if lang == "zh" else
            f"Seat {seat} played by {name}: seat score {score}; {played['accepted']} moves "
            f"accepted, {played['refused']} refused")
    print(render_text(report, lang) + "\n" + tail)
    return 0
