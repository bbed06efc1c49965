"""The score report: every indicator, its rules and contributions, evidence and citation."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from game.engine.game import collector_paused
from game.scoring.debrief import debrief_data
from game.scoring.evaluate import Context, measure, scale
from game.scoring.overrides import effective_rulebook
from game.scoring.seat import score_seats

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.scoring.rules import Indicator, Rule, RuleBook

REPORT_SCHEMA = 1
NO_EVIDENCE = {"zh": "本局没有可供衡量的事件。", "en": "Nothing in this game to measure."}


def score_game(game: Game, rulebook: RuleBook | None = None) -> dict[str, Any]:
    """Score a game against the paper's framework (the scenario's overrides applied).

    Returns:
        {"schema", "indicators": {key: {..., "value": 0-100, a percentage or a count, or None
        when nothing in the game measures it (not applicable, shown as —)}}, "seats": {unit:
        the seat's own score, see `game.scoring.seat.score_seat`} for every human seat,
        and the debrief data (Figure 1, series, outcome)}. No value is ever NaN or infinite.
    """
    with collector_paused():
        report = _score(game, rulebook or effective_rulebook(game.scenario))
        report["seats"] = score_seats(game)
        return report


def _score(game: Game, book: RuleBook) -> dict[str, Any]:
    ctx = Context(game)
    results: dict[str, list[dict[str, Any]]] = {i.key: [] for i in book.indicators}
    for rule in book.rules:
        results[rule.key].append(evaluate_rule(ctx, rule))
    indicators: dict[str, dict[str, Any]] = {}
    by_key = {i.key: i for i in book.indicators}
    for indicator in book.indicators:
        _indicator(indicator, by_key, results, indicators)
    ordered = {i.key: indicators[i.key] for i in book.indicators}
    return {"schema": REPORT_SCHEMA, "indicators": ordered, **debrief_data(game, ctx.by_kind)}


def evaluate_rule(ctx: Context, rule: Rule) -> dict[str, Any]:
    """One rule's measure, scaled value, whether it fired, and its explanation."""
    measured, evidence = measure(ctx, rule.measure)
    if measured is not None and not math.isfinite(measured):
        measured = None  # NaN or inf never reaches a score: nothing measurable
    if measured is None and rule.empty is not None:
        measured = rule.empty
    if measured is None:
        return {"id": rule.id, "fired": False, "measured": None, "value": None,
                "weight": rule.weight, "contribution": 0.0, "explanation": dict(NO_EVIDENCE),
                "evidence": evidence, "citation": rule.citation.model_dump()}
    value = scale(measured, rule.scale)
    fired = rule.threshold is not None and (
        measured <= rule.threshold if rule.fires_below else measured >= rule.threshold)
    return {
        "id": rule.id,
        "fired": fired,
        "measured": round(measured, 4),
        "value": round(value, 2),
        "weight": rule.weight,
        "contribution": 0.0,
        "explanation": {lang: getattr(rule.explanation, lang).format(measured=measured,
                                                                      value=value)
                        for lang in ("zh", "en")},
        "evidence": evidence,
        "citation": rule.citation.model_dump(),
    }


def _indicator(
    indicator: Indicator,
    by_key: dict[str, Indicator],
    results: dict[str, list[dict[str, Any]]],
    done: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    if indicator.key in done:
        return done[indicator.key]
    rules = results[indicator.key]
    parts: list[tuple[float, float]] = [(r["weight"], r["value"]) for r in rules
                                        if r["value"] is not None and r["weight"] > 0]
    for key, weight in (indicator.compose or {}).items():
        value = _indicator(by_key[key], by_key, results, done)["value"]
        if value is None:
            continue  # not applicable: it leaves the composite
        value = min(100.0, value)
        parts.append((weight, 100.0 - value if key in indicator.invert else value))
    total = sum(w for w, _ in parts)
    value = sum(w * v for w, v in parts) / total if total else None
    for rule in rules:
        if rule["value"] is not None and total:
            rule["contribution"] = round(rule["weight"] * rule["value"] / total, 2)
    evidence = sorted({seq for r in rules for seq in r["evidence"]})
    done[indicator.key] = {
        "key": indicator.key,
        "group": indicator.group,
        "label": indicator.label.model_dump(),
        "description": indicator.description.model_dump(),
        "value": None if value is None else round(value, 2),
        "unit": indicator.unit,
        "rules": rules,
        "composed_of": dict(indicator.compose or {}),
        "evidence": evidence[:100],
        "citation": indicator.citation.model_dump(),
    }
    return done[indicator.key]


_GROUP_TITLES = {
    "forms": ("沟通式动员的形式", "Forms of communicative mobilization"),
    "mechanisms": ("生成机理", "Generative mechanisms"),
    "effects": ("动员效果", "Effects"),
    "pathologies": ("病理", "Pathologies"),
    "outcome": ("结果", "Outcome"),
}


def render_score(score: dict[str, Any], lang: str) -> str:
    """The score report as readable text in `lang`."""
    zh = lang == "zh"
    lines: list[str] = []
    for group, (title_zh, title_en) in _GROUP_TITLES.items():
        lines.append(f"{title_zh if zh else title_en}:")
        for entry in score["indicators"].values():
            if entry["group"] != group:
                continue
            unit = {"score": "/100", "percent": "%", "count": ""}[entry["unit"]]
            label = entry["label"]["zh" if zh else "en"]
            shown = "—" if entry["value"] is None else f"{entry['value']:g}{unit}"
            lines.append(f"  {label} [{entry['key']}]: {shown}")
            for rule in entry["rules"]:
                if rule["fired"]:
                    lines.append(f"    · {rule['explanation']['zh' if zh else 'en']}")
    return "\n".join(lines)
