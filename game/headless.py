"""Headless play: every seat by computer, and the report `play` prints."""

from __future__ import annotations

from typing import Any

from game.engine.game import Game
from game.engine.outcome import outcome
from game.scenario.models import Scenario
from game.scoring.report import score_game


def play_game(
    scenario: Scenario, seed: int, superior: str | None, subordinate: str | None
) -> Game:
    """Play a whole game with computer officials in every seat."""
    game = Game(scenario, seed=seed, superior_style=superior,  # type: ignore[arg-type]
                subordinate_style=subordinate)  # type: ignore[arg-type]
    game.run_to_end()
    return game


def game_report(game: Game) -> dict[str, Any]:
    """The report of a finished game: who played how, and the outcome."""
    report: dict[str, Any] = {
        "scenario": game.scenario.id,
        "seed": game.seed,
        "superior_style": game.superior_style,
        "subordinate_style": game.subordinate_style,
        "outcome": outcome(game),
    }
    report["score"] = score_game(game)
    return report


def play_report(
    scenario: Scenario,
    seed: int,
    superior: str | None,
    subordinate: str | None,
    compare: str | None = None,
) -> dict[str, Any]:
    """Play and report; with `compare`, replay the same seed under another superior style."""
    report = game_report(play_game(scenario, seed, superior, subordinate))
    if compare is None:
        return report
    other = game_report(play_game(scenario, seed, compare, report["subordinate_style"]))
    return {"games": [report, other], "differences": differences(report, other)}


def differences(first: dict[str, Any], second: dict[str, Any]) -> dict[str, float]:
    """second minus first, for every numeric figure they share (outcome and score values)."""
    diff: dict[str, float] = {}
    for key, value in first["outcome"].items():
        other = second["outcome"].get(key)
        numeric = isinstance(value, int | float) and isinstance(other, int | float)
        if numeric and not isinstance(value, bool):
            diff[key] = round(other - value, 4)
    for key, entry in first.get("score", {}).get("indicators", {}).items():
        other = second.get("score", {}).get("indicators", {}).get(key)
        if other is not None and None not in (other["value"], entry["value"]):
            diff[key] = round(other["value"] - entry["value"], 4)
    return diff


_LABELS = {
    "delivered_vs_original": ("完成量/真实目标", "delivered / original target"),
    "delivered_vs_external": ("完成量/加码后指标", "delivered / escalated quota"),
    "accountability_events": ("问责次数", "accountability events"),
    "mean_overload": ("乡镇平均负荷", "mean township workload"),
    "mean_formalism": ("形式主义占比", "share of time on formalities"),
}


def render_text(report: dict[str, Any], lang: str) -> str:
    """A readable summary of a play report in `lang`."""
    if "games" in report:
        parts = [render_text(game, lang) for game in report["games"]]
        title = "差异（后者减前者）" if lang == "zh" else "Differences (second minus first)"
        lines = [f"  {k}: {v:+g}" for k, v in sorted(report["differences"].items())]
        return "\n\n".join([*parts, "\n".join([title, *lines])])
    zh = lang == "zh"
    head = (f"情景 {report['scenario']}  种子 {report['seed']}  上级风格 {report['superior_style']}"
            f"  下级风格 {report['subordinate_style']}" if zh else
            f"Scenario {report['scenario']}  seed {report['seed']}  superiors "
            f"{report['superior_style']}  subordinates {report['subordinate_style']}")
    out = report["outcome"]
    lines = [head]
    for key, (label_zh, label_en) in _LABELS.items():
        lines.append(f"  {label_zh if zh else label_en}: {out[key]}")
    for task_id, figures in out["tasks"].items():
        levels = " -> ".join(f"{v:g}" for v in figures["escalated"])
        lines.append(
            f"  [{task_id}] " + (f"真实目标 {figures['original']:g}，逐级加码 {levels}，协商后 "
                                 f"{figures['negotiated']:g}，完成 {figures['delivered']:g}" if zh
                                 else f"original {figures['original']:g}, escalated {levels}, "
                                 f"negotiated {figures['negotiated']:g}, delivered "
                                 f"{figures['delivered']:g}")
        )
    if "score" in report:
        from game.scoring.report import render_score

        lines.append(render_score(report["score"], lang))
    return "\n".join(lines)
