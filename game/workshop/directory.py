"""The public part of a scenario every seat may know: names, kinds, organisation, task lines.

A seat's window names units and tasks and draws the hierarchy; it must not read the scenario for
that, because the scenario also holds every unit's true capacity (the 内部共识 the paper's
superiors cannot see). `Directory` carries only what is public: it is part of the seat's view
(`game.workshop.seat_view.SeatView.directory`), built once per game and sent once per connection.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from game.scenario.models import Text

if TYPE_CHECKING:
    from game.engine.hierarchy import Hierarchy
    from game.engine.world import World


class UnitEntry(BaseModel):
    """One unit as everyone may know it.

    Attributes:
        id: the unit's id.
        kind: province, city, county, bureau, township, subdistrict or village.
        name: the unit's name in both languages.
        parent: the organisational parent (None at the top).
        level: depth in the organisation, 0 at the top.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    name: Text
    parent: str | None
    level: int


class TaskEntry(BaseModel):
    """One task as everyone may know it.

    Attributes:
        id: the task's id.
        name: the task's name in both languages.
        measure: what its target counts (亩 / mu, 万元 …), in both languages.
        owners: the units that own the task (pass it down).
        carriers: the units that carry it out.
        description: what the task is about, in both languages, if the scenario says.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    name: Text
    measure: Text
    owners: list[str]
    carriers: list[str]
    description: Text | None = None


class TaskEdge(BaseModel):
    """One link of a task's line: the superior passes the task to the subordinate."""

    model_config = ConfigDict(frozen=True)

    task: str
    superior: str
    subordinate: str


class Directory(BaseModel):
    """The public structure of one game: its title, units, tasks and task lines.

    Look-ups by id are indexed on first use (a province has 40,000 units).
    """

    model_config = ConfigDict(frozen=True)

    scenario_id: str
    title: Text
    units: list[UnitEntry]
    tasks: list[TaskEntry]
    edges: list[TaskEdge]

    @cached_property
    def _units(self) -> dict[str, UnitEntry]:
        return {u.id: u for u in self.units}

    @cached_property
    def _tasks(self) -> dict[str, TaskEntry]:
        return {t.id: t for t in self.tasks}

    @cached_property
    def _superior(self) -> dict[tuple[str, str], str]:
        return {(e.subordinate, e.task): e.superior for e in self.edges}

    @cached_property
    def _below(self) -> dict[tuple[str, str], list[str]]:
        below: dict[tuple[str, str], list[str]] = {}
        for e in self.edges:
            below.setdefault((e.superior, e.task), []).append(e.subordinate)
        return below

    @cached_property
    def _tasks_of(self) -> dict[str, list[str]]:
        lines: dict[str, list[str]] = {}
        for e in self.edges:
            for unit in (e.superior, e.subordinate):
                if e.task not in lines.setdefault(unit, []):
                    lines[unit].append(e.task)
        order = {t.id: i for i, t in enumerate(self.tasks)}
        return {u: sorted(ts, key=order.__getitem__) for u, ts in lines.items()}

    def unit(self, unit_id: str) -> UnitEntry | None:
        """The unit with this id, None if there is none."""
        return self._units.get(unit_id)

    def task(self, task_id: str) -> TaskEntry | None:
        """The task with this id, None if there is none."""
        return self._tasks.get(task_id)

    def unit_name(self, unit_id: str, lang: str) -> str:
        """The unit's name in `lang` ("zh" or "en"); the id itself for an unknown unit."""
        entry = self._units.get(unit_id)
        return entry.name.get(lang) if entry is not None else unit_id

    def task_name(self, task_id: str, lang: str) -> str:
        """The task's name in `lang`; empty for no or an unknown task."""
        entry = self._tasks.get(task_id)
        return entry.name.get(lang) if entry is not None else ""

    def task_measure(self, task_id: str, lang: str) -> str:
        """What the task's target counts, in `lang`; empty for an unknown task."""
        entry = self._tasks.get(task_id)
        return entry.measure.get(lang) if entry is not None else ""

    def superior(self, unit_id: str, task_id: str) -> str | None:
        """The unit's superior on the task's line (None at the top or off the line)."""
        return self._superior.get((unit_id, task_id))

    def subordinates(self, unit_id: str, task_id: str) -> list[str]:
        """The units the task passes to from this unit, in scenario order."""
        return list(self._below.get((unit_id, task_id), []))

    def tasks_of(self, unit_id: str) -> list[str]:
        """The tasks on whose line the unit stands, in scenario order."""
        return list(self._tasks_of.get(unit_id, []))

    def children(self, unit_id: str) -> list[str]:
        """The unit's organisational children, in scenario order."""
        return [u.id for u in self.units if u.parent == unit_id]


def directory(game: World) -> Directory:
    """Build a game's directory from its scenario and hierarchy (no capacities, no figures).

    Args:
        game: a game (or world) whose scenario and hierarchy are built.

    Returns:
        The `Directory`; its size grows with the units (about 150 bytes a unit in JSON).
    """
    scenario, hierarchy = game.scenario, game.hierarchy
    units = [UnitEntry(id=u.id, kind=u.kind, name=u.name, parent=u.parent,
                       level=hierarchy.level(u.id)) for u in scenario.units]
    tasks = [TaskEntry(id=t.id, name=t.name, measure=t.unit_label, owners=list(t.owners),
                       carriers=list(t.carriers), description=t.description)
             for t in scenario.tasks]
    edges = [TaskEdge(task=t.id, superior=sup, subordinate=sub)
             for t in scenario.tasks for sup in _line(hierarchy, t.id)
             for sub in hierarchy.subordinates(sup, t.id)]
    return Directory(scenario_id=scenario.id, title=scenario.title, units=units, tasks=tasks,
                     edges=edges)


def _line(hierarchy: Hierarchy, task: str) -> list[str]:
    """The units that pass the task down, in hierarchy order."""
    return [u for u in hierarchy.graph.nodes if hierarchy.subordinates(u, task)]
