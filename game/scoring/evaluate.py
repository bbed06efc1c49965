"""The small, generic evaluator of the rule vocabulary over a game's event log."""

from __future__ import annotations

from statistics import mean
from typing import TYPE_CHECKING, Any

from game.engine.outcome import outcome
from game.scoring.rules import (
    Count,
    Distinct,
    Figure,
    Mean,
    Rate,
    Ratio,
    Selector,
    Share,
    Sum,
)

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.game import Game
    from game.scoring.rules import Measure

EVIDENCE_CAP = 50
CARRIER_KINDS = ("township", "subdistrict")
Measured = tuple[float | None, list[int]]


class Context:
    """A finished (or running) game, indexed for measuring."""

    def __init__(self, game: Game) -> None:
        self.game = game
        self.by_kind: dict[str, list[Event]] = {}
        for event in game.log:
            self.by_kind.setdefault(event.kind, []).append(event)
        self.unit_kind = {u.id: u.kind for u in game.scenario.units}
        carriers = {c for t in game.scenario.tasks for c in t.carriers}
        levering = {c for t in game.scenario.tasks if t.social_leverage for c in t.carriers}
        owners = {o for t in game.scenario.tasks for o in t.owners}
        turns = max(1, game.turn)
        self.per = {
            "turns": float(turns),
            "carriers": float(max(1, len(carriers))),
            "carrier_turns": float(max(1, len(carriers)) * turns),
            "owner_turns": float(max(1, len(owners)) * turns),
            "leverage_carrier_turns": float(len(levering) * turns),
        }
        self._outcome: dict[str, Any] | None = None

    def figure(self, name: str) -> float:
        """An outcome figure (computed once)."""
        if self._outcome is None:
            self._outcome = outcome(self.game)
        return float(self._outcome[name])

    def field(self, event: Event, path: str) -> Any:
        """The value of a field path on an event (None when absent)."""
        if path.startswith("data."):
            return event.data.get(path[5:])
        if path.startswith("hidden."):
            return event.hidden.get(path[7:])
        if path == "actor_kind":
            return self.unit_kind.get(event.actor)
        if path == "target_kind":
            return self.unit_kind.get(event.target)
        return getattr(event, path)

    def matches(self, event: Event, conditions: dict[str, Any]) -> bool:
        """Whether an event meets every condition."""
        return all(_test(self.field(event, p), c) for p, c in conditions.items())

    def select(self, selector: Selector) -> list[Event]:
        """The events a selector picks, in log order."""
        events: list[Event] = []
        for kind in selector.kinds():
            events.extend(self.by_kind.get(kind, ()))
        if len(selector.kinds()) > 1:
            events.sort(key=lambda e: e.seq)
        return [e for e in events if self.matches(e, selector.where)]


def _test(value: Any, condition: Any) -> bool:
    if not isinstance(condition, dict):
        return bool(value == condition)
    return all(_compare(value, op, expected) for op, expected in condition.items())


def _compare(value: Any, op: str, expected: Any) -> bool:
    if op == "eq":
        return bool(value == expected)
    if op == "ne":
        return bool(value != expected)
    if op == "in":
        return bool(value in expected)
    if value is None or isinstance(value, str | dict | list):
        return False
    return bool({"gt": value > expected, "gte": value >= expected, "lt": value < expected,
                 "lte": value <= expected}[op])


def _seqs(events: list[Event]) -> list[int]:
    return [e.seq for e in events[:EVIDENCE_CAP]]


def _numbers(ctx: Context, events: list[Event], path: str, over: str | None) -> list[float]:
    values = []
    for event in events:
        value = ctx.field(event, path)
        if not isinstance(value, int | float):
            continue
        if over is not None:
            divisor = ctx.field(event, over)
            if not isinstance(divisor, int | float) or not divisor:
                continue
            value = value / divisor
        values.append(float(value))
    return values


def measure(ctx: Context, spec: Measure) -> Measured:
    """Evaluate a measure: its value (None when nothing can be measured) and evidence seqs."""
    if isinstance(spec, Count):
        events = ctx.select(spec.count)
        return float(len(events)), _seqs(events)
    if isinstance(spec, Sum | Mean | Distinct):
        return _field_measure(ctx, spec)
    if isinstance(spec, Share):
        events = ctx.select(spec.share)
        passing = [e for e in events if ctx.matches(e, spec.share.test)]
        return (len(passing) / len(events) if events else None), _seqs(passing)
    if isinstance(spec, Ratio):
        top, top_ev = measure(ctx, spec.ratio.numerator)
        bottom, bottom_ev = measure(ctx, spec.ratio.denominator)
        if top is None or not bottom:
            return None, top_ev
        return top / bottom, sorted(set(top_ev) | set(bottom_ev))[:EVIDENCE_CAP]
    if isinstance(spec, Rate):
        value, evidence = measure(ctx, spec.rate.measure)
        per = ctx.per[spec.rate.per]
        return (None if value is None or not per else value / per), evidence
    assert isinstance(spec, Figure)
    return ctx.figure(spec.figure), []


def _field_measure(ctx: Context, spec: Sum | Mean | Distinct) -> Measured:
    selector = spec.sum if isinstance(spec, Sum) else (
        spec.mean if isinstance(spec, Mean) else spec.distinct)
    events = ctx.select(selector)
    if isinstance(spec, Distinct):
        values = {repr(ctx.field(e, selector.field)) for e in events
                  if ctx.field(e, selector.field) is not None}
        return float(len(values)), _seqs(events)
    numbers = _numbers(ctx, events, selector.field, selector.over)
    if isinstance(spec, Sum):
        return sum(numbers), _seqs(events)
    return (mean(numbers) if numbers else None), _seqs(events)


def scale(value: float, ends: tuple[float, float] | None) -> float:
    """Map a measure onto 0-100 linearly between the scale's ends (clipped)."""
    if ends is None:
        return value
    low, high = ends
    fraction = (value - low) / (high - low)
    return 100.0 * min(1.0, max(0.0, fraction))
