"""The small, generic evaluator of the rule vocabulary over a game's event log."""

from __future__ import annotations

from collections.abc import Callable
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
        self.unit_kind: dict[str, str] = {u.id: u.kind for u in game.scenario.units}
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
        self._getters: dict[str, Callable[[Event], Any]] = {}
        self._predicates: dict[str, Callable[[Event], bool]] = {}
        self._selected: dict[str, list[Event]] = {}

    def figure(self, name: str) -> float:
        """An outcome figure (computed once)."""
        if self._outcome is None:
            self._outcome = outcome(self.game, self.by_kind)
        return float(self._outcome[name])

    def field(self, event: Event, path: str) -> Any:
        """The value of a field path on an event (None when absent)."""
        return self.getter(path)(event)

    def getter(self, path: str) -> Callable[[Event], Any]:
        """A function reading a field path from an event (built once per path)."""
        if path not in self._getters:
            self._getters[path] = _getter(path, self.unit_kind)
        return self._getters[path]

    def matches(self, event: Event, conditions: dict[str, Any]) -> bool:
        """Whether an event meets every condition."""
        return self.predicate(conditions)(event)

    def predicate(self, conditions: dict[str, Any]) -> Callable[[Event], bool]:
        """A function telling whether an event meets every condition (built once)."""
        key = repr(sorted(conditions.items(), key=lambda item: item[0]))
        if key not in self._predicates:
            tests = [(self.getter(p), _compile(c)) for p, c in conditions.items()]
            if not tests:
                self._predicates[key] = lambda event: True
                return self._predicates[key]
            get, test = tests[0]
            predicate = _one(get, test)
            for get, test in tests[1:]:
                predicate = _both(predicate, get, test)
            self._predicates[key] = predicate
        return self._predicates[key]

    def select(self, selector: Selector) -> list[Event]:
        """The events a selector picks, in log order.

        Selections are remembered condition by condition (in the order of the fields' names):
        rules share their first conditions, so each later one filters an already small list.
        """
        conditions = sorted(selector.where.items(), key=lambda item: item[0])
        return self._narrowed(tuple(selector.kinds()), conditions)

    def _narrowed(self, kinds: tuple[str, ...], conditions: list[tuple[str, Any]]) -> list[Event]:
        key = repr((kinds, conditions))
        if key in self._selected:
            return self._selected[key]
        if conditions:
            wider = self._narrowed(kinds, conditions[:-1])
            path, condition = conditions[-1]
            keep = self.predicate({path: condition})
            events = [e for e in wider if keep(e)]
        else:
            events = [e for kind in kinds for e in self.by_kind.get(kind, ())]
            if len(kinds) > 1:
                events.sort(key=lambda e: e.seq)
        self._selected[key] = events
        return events


def _getter(path: str, unit_kind: dict[str, str]) -> Callable[[Event], Any]:
    if path.startswith("data."):
        name = path[5:]
        return lambda e: e.data.get(name)
    if path.startswith("hidden."):
        name = path[7:]
        return lambda e: e.hidden.get(name)
    if path == "actor_kind":
        return lambda e: unit_kind.get(e.actor)
    if path == "target_kind":
        return lambda e: unit_kind.get(e.target)
    return lambda e: getattr(e, path)


def _one(get: Callable[[Event], Any], test: Callable[[Any], bool]) -> Callable[[Event], bool]:
    return lambda event: test(get(event))


def _both(
    first: Callable[[Event], bool], get: Callable[[Event], Any], test: Callable[[Any], bool]
) -> Callable[[Event], bool]:
    return lambda event: first(event) and test(get(event))


def _compile(condition: Any) -> Callable[[Any], bool]:
    """A test of one field's value: equality, or operators that must all hold."""
    if not isinstance(condition, dict):
        return lambda value: bool(value == condition)
    checks = [_operator(op, expected) for op, expected in condition.items()]
    if len(checks) == 1:
        return checks[0]
    first, second, *rest = checks
    if not rest:
        return lambda value: first(value) and second(value)
    return lambda value: all(check(value) for check in checks)


def _operator(op: str, expected: Any) -> Callable[[Any], bool]:
    if op == "eq":
        return lambda value: bool(value == expected)
    if op == "ne":
        return lambda value: bool(value != expected)
    if op == "in":
        try:
            members: frozenset[Any] | list[Any] = frozenset(expected)
        except TypeError:  # unhashable members: compare one by one
            members = list(expected)
        return lambda value: value in members
    compare = {"gt": float.__gt__, "gte": float.__ge__, "lt": float.__lt__,
               "lte": float.__le__}[op]
    bound = float(expected)
    return lambda value: isinstance(value, int | float) and compare(float(value), bound)


def _seqs(events: list[Event]) -> list[int]:
    return [e.seq for e in events[:EVIDENCE_CAP]]


def _numbers(ctx: Context, events: list[Event], path: str, over: str | None) -> list[float]:
    read = ctx.getter(path)
    if over is None:
        return [float(v) for v in map(read, events) if isinstance(v, int | float)]
    divide = ctx.getter(over)
    values = []
    for event in events:
        value, divisor = read(event), divide(event)
        if isinstance(value, int | float) and isinstance(divisor, int | float) and divisor:
            values.append(value / divisor)
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
        passes = ctx.predicate(spec.share.test)
        passing = [e for e in events if passes(e)]
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
    return (sum(numbers) / len(numbers) if numbers else None), _seqs(events)


def scale(value: float, ends: tuple[float, float] | None) -> float:
    """Map a measure onto 0-100 linearly between the scale's ends (clipped)."""
    if ends is None:
        return value
    low, high = ends
    fraction = (value - low) / (high - low)
    return 100.0 * min(1.0, max(0.0, fraction))
