"""What a seat may know of each unit, each task edge and each turn (never another's capacity).

A superior knows the quota it passed down, the target it agreed, the figures reported to it,
its own estimate of each subordinate's capacity and its own trust in it. A subordinate knows
its own figures (a carrier even its true output and capacity: the internal consensus is its
own) and what its superior showed it of its trust. Nobody else's true capacity or true output
is ever read here: the map and the dashboard build on this module and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.world import World

SELF, SUPERIOR, SUBORDINATE, OTHER = "self", "superior", "subordinate", "other"


@dataclass(frozen=True)
class Flow:
    """A task edge's quota flow as the seat may know it; None where it cannot know.

    Attributes:
        escalated: the quota the superior passed down (外在标准, with its markup).
        negotiated: the target as agreed since (accepted explanations, adjustments).
        reported: the cumulative figure on the record at the last assessment.
        delivered: true cumulative output; only a carrier knows its own.
        trust: the superior's trust in the subordinate, as the seat may know it.
    """

    task: str
    superior: str
    subordinate: str
    known: bool
    escalated: float | None = None
    negotiated: float | None = None
    reported: float | None = None
    delivered: float | None = None
    trust: float | None = None


@dataclass(frozen=True)
class TaskKnowledge:
    """One unit's stake in one task, as the seat may know it."""

    task: str
    superior: str | None
    external: float | None = None
    target: float | None = None
    reported: float | None = None
    delivered: float | None = None
    estimate: float | None = None
    capacity: float | None = None


@dataclass(frozen=True)
class RelationKnowledge:
    """A relation between the seat and a unit (superior first), as the seat may know it."""

    superior: str
    subordinate: str
    trust: float | None
    symmetry: float | None
    familiarity: float | None


@dataclass(frozen=True)
class UnitKnowledge:
    """Everything the seat may know of one unit."""

    unit: str
    kind: str
    standing: str
    tasks: tuple[TaskKnowledge, ...]
    relations: tuple[RelationKnowledge, ...]
    resources: dict[str, float] | None


@dataclass(frozen=True)
class KnowledgeSnapshot:
    """What a seat may know now of the units around it, as plain frozen data.

    Attributes:
        seat: the unit whose knowledge this is.
        units: the seat itself, then its superiors and subordinates on any of its tasks (each
            once, in the order of the seat's tasks); every other unit is known only by its
            public name, kind and task lines (standing "other", no figures).
        flows: every task edge with the seat at one end, known, in the order of the seat's
            tasks (its superior's edge first, then its subordinates' in line order).
    """

    seat: str
    units: tuple[UnitKnowledge, ...]
    flows: tuple[Flow, ...]


class Knowledge:
    """A seat's view of the world, kept up to date from the event log it may see.

    Args:
        game: the running game.
        seat: the unit whose view this is.
    """

    def __init__(self, game: World, seat: str) -> None:
        self.game = game
        self.seat = seat
        self._seen = 0
        self._assessed: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._relation_seen: dict[tuple[str, str], dict[str, Any]] = {}
        self.update()

    def update(self) -> None:
        """Read the events appended since the last call."""
        for event in self.game.log.since(self._seen):
            if event.visible_to(self.seat):
                self._take(event)
        self._seen = len(self.game.log)

    def _take(self, event: Event) -> None:
        if event.kind == "assessment":
            self._assessed[(event.actor, event.target, event.task)] = event.data
        elif event.kind == "relation_turn":
            self._relation_seen[(event.actor, event.target)] = event.data

    def snapshot(self) -> KnowledgeSnapshot:
        """The seat's knowledge of the units around it, as of the last `update`.

        Only units that stand next to the seat on a task line are listed (a province has
        40,000 units; the seat knows figures of a few), and only edges it stands on.
        """
        hierarchy = self.game.hierarchy
        near: dict[str, None] = {self.seat: None}
        flows: list[Flow] = []
        for task in hierarchy.tasks_of(self.seat):
            superior = hierarchy.superior(self.seat, task)
            if superior is not None:
                near[superior] = None
                flows.append(self.flow(superior, self.seat, task))
            for subordinate in hierarchy.subordinates(self.seat, task):
                near[subordinate] = None
                flows.append(self.flow(self.seat, subordinate, task))
        return KnowledgeSnapshot(self.seat, tuple(self.unit(u) for u in near), tuple(flows))

    # ----- standing -----------------------------------------------------------------------

    def standing(self, unit: str) -> str:
        """self, superior (above the seat on a task), subordinate (below it) or other."""
        hierarchy = self.game.hierarchy
        if unit == self.seat:
            return SELF
        if hierarchy.adjacent(self.seat, unit):
            return SUBORDINATE
        if hierarchy.adjacent(unit, self.seat):
            return SUPERIOR
        return OTHER

    # ----- edges --------------------------------------------------------------------------

    def flow(self, superior: str, subordinate: str, task: str) -> Flow:
        """The quota flow on one task edge."""
        if self.seat not in (superior, subordinate):
            return Flow(task, superior, subordinate, known=False)
        assignment = self.game.assignments[(subordinate, task)]
        assessed = self._assessed.get((superior, subordinate, task), {})
        delivered = None
        if self.seat == subordinate and self._carries(task):
            delivered = round(assignment.delivered, 3)
        return Flow(
            task, superior, subordinate, known=True,
            escalated=round(assignment.external, 3),
            negotiated=round(assignment.target, 3),
            reported=assessed.get("reported"),
            delivered=delivered,
            trust=self._trust(superior, subordinate),
        )

    def flows(self, task: str) -> list[Flow]:
        """Every edge of the task's line, superior first, in line order."""
        spec = self.game.task_by_id[task]
        result = []
        for unit in (*spec.owners, *spec.carriers):
            superior = self.game.hierarchy.superior(unit, task)
            if superior is not None:
                result.append(self.flow(superior, unit, task))
        return result

    def _carries(self, task: str) -> bool:
        hierarchy = self.game.hierarchy
        return hierarchy.on_task(self.seat, task) and not hierarchy.subordinates(self.seat, task)

    def _trust(self, superior: str, subordinate: str) -> float | None:
        relation = self.relation(superior, subordinate)
        return None if relation is None else relation.trust

    # ----- relations ----------------------------------------------------------------------

    def relation(self, superior: str, subordinate: str) -> RelationKnowledge | None:
        """A relation the seat stands in: its own view as superior, what it was shown below."""
        state = self.game.relation(superior, subordinate)
        if state is None or self.seat not in (superior, subordinate):
            return None
        if self.seat == superior:
            return RelationKnowledge(superior, subordinate, round(state.trust, 4),
                                     round(state.symmetry, 4), round(state.familiarity, 4))
        seen = self._relation_seen.get((superior, subordinate))
        if seen is None:
            return RelationKnowledge(superior, subordinate, None, None, None)
        return RelationKnowledge(superior, subordinate, seen.get("trust"), seen.get("symmetry"),
                                 seen.get("familiarity"))

    # ----- units --------------------------------------------------------------------------

    def unit(self, unit: str) -> UnitKnowledge:
        """What the seat may know of a unit."""
        standing = self.standing(unit)
        tasks = tuple(self._task_knowledge(unit, t, standing)
                      for t in self.game.hierarchy.tasks_of(unit))
        relations = tuple(r for r in (self.relation(self.seat, unit),
                                      self.relation(unit, self.seat)) if r is not None)
        return UnitKnowledge(unit, self.game.hierarchy.kind(unit), standing, tasks, relations,
                             self._resources() if standing == SELF else None)

    def _task_knowledge(self, unit: str, task: str, standing: str) -> TaskKnowledge:
        superior = self.game.hierarchy.superior(unit, task)
        if standing == SELF:
            return self._own_task(task, superior)
        if standing == SUBORDINATE and superior == self.seat:
            flow = self.flow(self.seat, unit, task)
            estimate = self.game.relations[(self.seat, unit)].estimates.get(task)
            return TaskKnowledge(task, superior, flow.escalated, flow.negotiated, flow.reported,
                                 estimate=_round(estimate))
        return TaskKnowledge(task, superior)

    def _own_task(self, task: str, superior: str | None) -> TaskKnowledge:
        assignment = self.game.assignments[(self.seat, task)]
        reported = self._own_reported(task, superior)
        if self._carries(task):
            return TaskKnowledge(task, superior, round(assignment.external, 3),
                                 round(assignment.target, 3), reported,
                                 round(assignment.delivered, 3),
                                 capacity=round(assignment.capacity, 3))
        estimates = [self.game.relations[(self.seat, s)].estimates.get(task)
                     for s in self.game.hierarchy.subordinates(self.seat, task)]
        estimate = sum(e for e in estimates if e is not None) if any(estimates) else None
        return TaskKnowledge(task, superior, round(assignment.external, 3),
                             round(assignment.target, 3), reported, estimate=_round(estimate))

    def _own_reported(self, task: str, superior: str | None) -> float | None:
        if superior is not None:
            return self._assessed.get((superior, self.seat, task), {}).get("reported")
        subs = self.game.hierarchy.subordinates(self.seat, task)
        figures = [self._assessed.get((self.seat, s, task), {}).get("reported") for s in subs]
        known = [f for f in figures if f is not None]
        return round(sum(known), 3) if known else None

    def _resources(self) -> dict[str, float]:
        unit = self.game.units[self.seat]
        return {"cadre_time": unit.cadre_time, "time_left": round(unit.time_left, 3),
                "funds": round(unit.funds, 3), "morale": round(unit.morale, 4),
                "overload": round(unit.overload, 4), "pressure": round(unit.pressure, 4),
                "standing": round(unit.standing, 3)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


# ----- turn by turn ---------------------------------------------------------------------------

SERIES_KINDS = ("unit_turn", "assessment", "relation_turn", "execution", "task_started")


def seat_series(events: Iterable[Event], seat: str) -> dict[str, Any]:
    """The seat's figures turn by turn, from the events it may see (sparse: turn -> value).

    Returns:
        {"turns": sorted turns seen,
         "progress": {task: {"target"|"reported"|"delivered": {turn: value}}},
         "subordinates": {task: {sub: {"target"|"reported": {turn: value}}}},
         "time": {"cadre_time"|"overload"|"funds"|<category>: {turn: value}},
         "trust": {(superior, subordinate): {turn: value}}}
    """
    out: dict[str, Any] = {"turns": set(), "progress": {}, "subordinates": {}, "time": {},
                           "trust": {}}
    subtotal: dict[tuple[str, int], float] = {}
    for event in events:
        if event.kind in SERIES_KINDS and event.visible_to(seat):
            _series_take(out, subtotal, event, seat)
    for (task, turn), total in subtotal.items():
        progress = out["progress"].setdefault(task, {})
        if turn not in progress.get("reported", {}):
            progress.setdefault("reported", {})[turn] = round(total, 3)
    out["turns"] = sorted(out["turns"])
    return out


def _series_take(out: dict[str, Any], subtotal: dict[tuple[str, int], float], event: Event,
                 seat: str) -> None:
    turn, data, task = event.turn, event.data, event.task
    out["turns"].add(turn)
    if event.kind == "unit_turn" and event.actor == seat:
        for key in ("cadre_time", "overload", "funds"):
            out["time"].setdefault(key, {})[turn] = data[key]
        for category, days in data["spent"].items():
            out["time"].setdefault(category, {})[turn] = days
    elif event.kind == "execution" and event.actor == seat:
        _put(out["progress"], task, "delivered", turn, data["delivered"])
        _put(out["progress"], task, "target", turn, data["target"])
    elif event.kind == "task_started" and event.actor == seat:
        _put(out["progress"], task, "target", turn, data["original"])
    elif event.kind == "assessment" and event.target == seat:
        _put(out["progress"], task, "reported", turn, data["reported"])
        _put(out["progress"], task, "target", turn, data["target"])
    elif event.kind == "assessment" and event.actor == seat:
        subs = out["subordinates"].setdefault(task, {})
        _put(subs, event.target, "reported", turn, data["reported"])
        _put(subs, event.target, "target", turn, data["target"])
        subtotal[(task, turn)] = subtotal.get((task, turn), 0.0) + data["reported"]
    elif event.kind == "relation_turn":
        out["trust"].setdefault((event.actor, event.target), {})[turn] = data["trust"]


def _put(table: dict[str, Any], key: str, field: str, turn: int, value: float) -> None:
    table.setdefault(key, {}).setdefault(field, {})[turn] = value
