"""The county map's part of a seat's view: what the seat may know of the units around it.

The map draws the whole organisation from the public `Directory`; the figures on it (quotas
passed down, targets, reports, trust, estimates, the seat's own resources) come from this part
only, built from `game.engine.knowledge.Knowledge`, which reads no other unit's true capacity
or output and no event's hidden part. It lists only the seat and the units next to it on a task
line (a province has 40,000 units; a seat knows figures of a few dozen), so it stays small and
cheap to build after every move (about 1 ms on a county).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ConfigDict

from game.engine.knowledge import (
    OTHER,
    Flow,
    Knowledge,
    TaskKnowledge,
    UnitKnowledge,
)

if TYPE_CHECKING:
    from game.engine.world import World
    from game.workshop.directory import Directory


class MapKnowledge(BaseModel):
    """What the county map may show one seat (`SeatView.map`).

    Attributes:
        seat: the unit whose knowledge this is.
        units: the seat itself, then its superiors and subordinates on any of its tasks,
            each once (`UnitKnowledge`: kind, standing, per task the figures the seat may
            know in the task's own measure — quota received, negotiated target, reported
            figure; the seat's own true capacity and output only where it carries the task;
            for a subordinate the seat's estimate of its capacity —, the relations the seat
            stands in (trust, information symmetry, familiarity as 0-1 shares) and, for the
            seat alone, its resources: cadre time in cadre-days, funds in 万元, morale,
            overload and pressure as 0-1 shares, standing). Every other unit is known only
            from the directory (see `unit`).
        flows: every task edge with the seat at one end (`Flow`: quota passed down,
            negotiated target, last assessed report, the seat's own delivery where it is the
            carrier, trust as the seat may know it).
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    seat: str
    units: list[UnitKnowledge]
    flows: list[Flow]

    def unit(self, unit_id: str, directory: Directory) -> UnitKnowledge:
        """What the seat may know of any unit: its entry here, or for a unit away from the
        seat only its kind and task lines from the directory (standing "other", no figures).

        Raises:
            KeyError: the unit is neither here nor in the directory.
        """
        for known in self.units:
            if known.unit == unit_id:
                return known
        entry = directory.unit(unit_id)
        if entry is None:
            raise KeyError(unit_id)
        tasks = tuple(TaskKnowledge(t, directory.superior(unit_id, t))
                      for t in directory.tasks_of(unit_id))
        return UnitKnowledge(unit_id, entry.kind, OTHER, tasks, (), None)

    def flows_of(self, task: str, directory: Directory) -> list[Flow]:
        """Every edge of the task's line in the directory's order: known where the seat stands
        on it, else an unknown `Flow` (no figures)."""
        known = {(f.superior, f.subordinate, f.task): f for f in self.flows}
        return [known.get((e.superior, e.subordinate, task))
                or Flow(task, e.superior, e.subordinate, known=False)
                for e in directory.edges if e.task == task]


def map_knowledge(knowledge: Knowledge) -> MapKnowledge:
    """The map part from a seat's `Knowledge` as of its last `update` (a pure function)."""
    snapshot = knowledge.snapshot()
    return MapKnowledge.model_construct(seat=snapshot.seat, units=list(snapshot.units),
                                        flows=list(snapshot.flows))


class _Memo:
    """A seat's `Knowledge` kept between views, and the last part built with its key."""

    def __init__(self, game: World, seat: str) -> None:
        # Through a weak proxy: the memo lives in a weak-keyed cache of the game it reads.
        self.knowledge = Knowledge(cast("World", weakref.proxy(game)), seat)
        self.key: tuple[int, int, int, str] | None = None
        self.part: MapKnowledge | None = None


_MEMOS: weakref.WeakKeyDictionary[Any, dict[str, _Memo]] = weakref.WeakKeyDictionary()


def map_knowledge_of(game: World, seat: str) -> MapKnowledge:
    """The seat's map part now, built again only when the log, the moves people made, the turn
    or the phase moved.

    The seat's `Knowledge` is kept per game and seat and reads only the events appended since
    the last call (a host builds views after every move at 15 tables).

    Raises:
        KeyError: `seat` is not a unit of the game.
    """
    if seat not in game.units:
        raise KeyError(seat)
    memos = _MEMOS.setdefault(game, {})
    memo = memos.get(seat)
    if memo is None:
        memo = memos[seat] = _Memo(game, seat)
    key = (len(game.log), len(game.recorded), game.turn, game.phase)
    if memo.part is None or memo.key != key:
        memo.knowledge.update()
        memo.key, memo.part = key, map_knowledge(memo.knowledge)
    return memo.part
