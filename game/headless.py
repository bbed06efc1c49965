"""Headless play: every seat by computer, and the report `play` prints."""

from __future__ import annotations

import re
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
    "delivered_vs_original": ("完成量/真实目标", "delivered / original target", "%"),
    "delivered_vs_external": ("完成量/加码后指标", "delivered / escalated quota", "%"),
    "accountability_events": ("问责次数", "accountability events", ""),
    "mean_overload": ("乡镇平均负荷（工作量/可用时间）", "mean township workload (work / time)",
                      "x"),
    "mean_formalism": ("形式主义占比", "share of time on formalities", "share"),
}
STYLE_WORDS = {
    "communicative": ("沟通型", "communicative"), "mixed": ("混合型", "mixed"),
    "pressure": ("压力型", "pressure-type"), "honest": ("实干型", "honest"),
    "gaming": ("投机型", "gaming"),
}


def style_words(style: str | None, lang: str) -> str:
    """A style id in words ('pressure' -> 压力型 / pressure-type); unknown ids unchanged."""
    pair = STYLE_WORDS.get(style or "")
    return str(style) if pair is None else pair[0 if lang == "zh" else 1]


def _figure(value: Any, unit: str = "") -> str:
    """A figure as read: whole numbers stay whole, others get at most one decimal (a share
    becomes a percentage)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return str(value)
    if unit == "share":
        return f"{100 * value:.0f}%"
    if unit == "%":
        return f"{value:.1f}%"
    if unit == "x":
        return f"{value:.2f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def render_text(report: dict[str, Any], lang: str, plain: bool = False,
                names: dict[str, str] | None = None) -> str:
    """A readable summary of a play report in `lang`: styles in words, figures rounded.

    With `plain` (what a player reads, e.g. the editor's play-test) indicator ids are left
    out; `names` maps task ids to the names to show (ids are shown otherwise).
    """
    if "games" in report:
        parts = [render_text(game, lang, plain, names) for game in report["games"]]
        title = "差异（后者减前者）" if lang == "zh" else "Differences (second minus first)"
        lines = [f"  {k}: {v:+.2f}" for k, v in sorted(report["differences"].items())]
        return "\n\n".join([*parts, "\n".join([title, *lines])])
    zh = lang == "zh"
    sup = style_words(report["superior_style"], lang)
    sub = style_words(report["subordinate_style"], lang)
    head = (f"情景 {report['scenario']}  种子 {report['seed']}  上级风格 {sup}  下级风格 {sub}"
            if zh else
            f"Scenario {report['scenario']}  seed {report['seed']}  superiors {sup}  "
            f"subordinates {sub}")
    out = report["outcome"]
    lines = [head]
    for key, (label_zh, label_en, unit) in _LABELS.items():
        lines.append(f"  {label_zh if zh else label_en}: {_figure(out[key], unit)}")
    for task_id, figures in out["tasks"].items():
        levels = " -> ".join(_figure(v) for v in figures["escalated"])
        name = (names or {}).get(task_id, task_id)
        lines.append(
            f"  [{name}] " + (f"真实目标 {_figure(figures['original'])}，逐级加码 {levels}，"
                              f"协商后 {_figure(figures['negotiated'])}，完成 "
                              f"{_figure(figures['delivered'])}" if zh
                              else f"original {_figure(figures['original'])}, escalated "
                              f"{levels}, negotiated {_figure(figures['negotiated'])}, "
                              f"delivered {_figure(figures['delivered'])}")
        )
    if "score" in report:
        from game.scoring.report import render_score

        score = render_score(report["score"], lang)
        if plain:  # the indicator ids stay in the command line's output only
            score = re.sub(r" \[[a-z0-9_]+\](?=: )", "", score)
        lines.append(score)
    return "\n".join(lines)


# ----- fair comparisons ------------------------------------------------------------------------


class _Replica(Game):
    """A game that keeps the moves the computer makes for one seat, and may pin that seat's
    style (so that the same computer official holds it whatever the superiors' style)."""

    def __init__(self, scenario: Scenario, seed: int, seat: str, pin: tuple[float, float] | None,
                 **kwargs: Any) -> None:
        self.watched = seat
        self.pin = pin
        self.seat_moves: list[tuple[int, str, dict[str, Any]]] = []
        super().__init__(scenario, seed, **kwargs)

    def assign_styles(self) -> None:
        super().assign_styles()
        if self.pin is not None:
            self.comm[self.watched], self.honesty[self.watched] = self.pin

    def submit(self, seat: str, move: Any) -> Any:
        result = super().submit(seat, move)
        if seat == self.watched and result.ok and self.watched not in self.humans:
            dumped = move if isinstance(move, dict) else move.model_dump(mode="json")
            self.seat_moves.append((self.turn, self.phase, dumped))
        return result


def seat_by_computer(game: Game, seat: str, superior: str | None = None) -> _Replica:
    """`game` replayed with `seat` held by a computer official, to the point `game` reached.

    Same scenario, seed, mechanics and subordinate style; the superior style is `game`'s (or
    `superior`); every other person's seat makes its recorded moves at their turn and phase
    (a move the changed world no longer allows is dropped) and every computer seat plays
    itself. The computer plays `seat` with the style `game` gave it — pinned, so that under
    another superior style the same official holds it. The moves it makes are kept in
    `seat_moves` as (turn, phase, move in its JSON form).

    Raises:
        ValueError: `seat` is not a unit of the game.
    """
    if seat not in game.units:
        raise ValueError(f"'{seat}' is not a unit of scenario '{game.scenario.id}'")
    others = sorted(game.initial_humans - {seat})
    replica = _Replica(game.scenario, game.seed, seat, (game.comm[seat], game.honesty[seat]),
                       humans=others, superior_style=superior or game.superior_style,
                       subordinate_style=game.subordinate_style, params=game.params)
    moves = [m for m in game.recorded if m.seat != seat]
    handovers = [h for h in game.handovers if h[0] != seat]
    stop = (game.turn, game.phase)
    while not replica.over:
        point = (replica.turn, replica.phase)
        for handover in [h for h in handovers if (h[1], h[2]) == point]:
            replica.take_seat(handover[0])
        for move in [m for m in moves if (m.turn, m.phase) == point]:
            replica.submit(move.seat, move.move)
        if not game.over and point == stop:
            break
        replica.advance()
    return replica


LOWER_IS_BETTER = {"accountability_events", "accountability_rate"}


def figures(game: Game, seat: str) -> dict[str, Any]:
    """What a comparison shows of one game: its styles, the seat's score and parts, the county
    indicators (see `game.scoring.report.score_game`) and the outcome."""
    from game.scoring.seat import score_seat

    score = score_game(game)
    return {"superior_style": game.superior_style, "subordinate_style": game.subordinate_style,
            "held_by": "person" if seat in game.humans else "computer",
            "seat": score_seat(game, seat), "indicators": score["indicators"],
            "outcome": outcome(game)}


def compare_rows(first: dict[str, Any], second: dict[str, Any]) -> list[dict[str, Any]]:
    """Two `figures` side by side, row by row: the seat's score, its parts, then the county's
    indicators. Each row: {"key", "group" ('seat' or the indicator's group), "label" {zh, en},
    "unit" ('score' | 'percent' | 'count'), "first", "second" (None = not applicable),
    "diff" (second minus first, None when either is not applicable), "better" (True when the
    second is better, False when worse, None when equal or not comparable)}."""
    rows: list[dict[str, Any]] = []

    def add(key: str, group: str, label: dict[str, str], unit: str, a: Any, b: Any,
            lower: bool) -> None:
        diff = None if a is None or b is None else round(float(b) - float(a), 2)
        better = None if not diff else (diff < 0) == lower
        rows.append({"key": key, "group": group, "label": label, "unit": unit,
                     "first": a, "second": b, "diff": diff, "better": better})

    add("seat_score", "seat", {"zh": "席位得分", "en": "Seat score"}, "score",
        first["seat"]["score"], second["seat"]["score"], False)
    for key, part in first["seat"]["indicators"].items():
        other = second["seat"]["indicators"].get(key, {})
        add(f"seat.{key}", "seat", part["label"], "score", part["value"], other.get("value"),
            False)
    for key, entry in first["indicators"].items():
        other = second["indicators"].get(key, {})
        add(key, entry["group"], entry["label"], entry["unit"], entry["value"],
            other.get("value"), entry["group"] == "pathologies" or key in LOWER_IS_BETTER)
    return rows


def other_style(style: str) -> str:
    """The superior style a comparison sets against `style`: pressure against communicative
    or mixed, communicative against pressure."""
    return "communicative" if style == "pressure" else "pressure"


def fair_comparisons(game: Game, seat: str, superior: str | None = None,
                     yours: dict[str, Any] | None = None) -> dict[str, Any]:
    """The debrief's two fair comparisons for the person who played `seat`.

    1. "yours" against "computer": the same game with the seat held by a computer official
       (`seat_by_computer`) — only the seat's moves differ: what the person added.
    2. "computer" against "other_style": both with the seat held by the same computer
       official, only the superiors' style differs (`superior`, by default `other_style`):
       what the style does.

    `yours` is `figures(game, seat)` when the caller has it already (the window computes it
    before handing the replays to a worker thread).

    Returns:
        {"seat", "seed", "style", "other_style", "games": {"yours", "computer",
        "other_style": `figures`}, "seat_moves": {"yours", "computer": how many moves the seat
        made}, "yours_vs_computer": `compare_rows` (computer, yours) — its differences are
        what you added, "style_vs_style": `compare_rows` (computer, other style) — what the
        style does}.
    """
    other = superior or other_style(game.superior_style)
    computer = seat_by_computer(game, seat)
    styled = seat_by_computer(game, seat, other)
    games = {"yours": yours or figures(game, seat), "computer": figures(computer, seat),
             "other_style": figures(styled, seat)}
    return {
        "seat": seat, "seed": game.seed, "style": game.superior_style, "other_style": other,
        "games": games,
        "seat_moves": {"yours": sum(1 for m in game.recorded if m.seat == seat),
                       "computer": len(computer.seat_moves)},
        "yours_vs_computer": compare_rows(games["computer"], games["yours"]),
        "style_vs_style": compare_rows(games["computer"], games["other_style"]),
    }
