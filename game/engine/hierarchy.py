"""The hierarchy as a networkx graph: parent lines (块) and task lines (条)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.lines import task_superiors
from game.scenario.models import Scenario

if TYPE_CHECKING:
    import networkx as nx


class Hierarchy:
    """Who stands above whom, in the organization and on each task.

    The graph has a node per unit (attributes: kind, level, parent) and two sorts of edge,
    superior -> subordinate: `parent` edges of the organization and `task` edges, one per
    task line (attribute `tasks`: the tasks travelling along it).
    """

    def __init__(self, scenario: Scenario) -> None:
        import networkx  # imported on first use: it costs a quarter of the window's start-up

        self.graph: nx.DiGraph = networkx.DiGraph()
        for unit in scenario.units:
            self.graph.add_node(unit.id, kind=unit.kind, parent=unit.parent)
        for unit in scenario.units:
            if unit.parent is not None:
                self.graph.add_edge(unit.parent, unit.id, parent=True, tasks=())
        self._superior: dict[tuple[str, str], str | None] = {}
        self._subordinates: dict[tuple[str, str], list[str]] = {}
        self._tasks_of: dict[str, list[str]] = {}
        for task in scenario.tasks:
            self._add_task_line(scenario, task.id, task_superiors(scenario, task))
        self._levels = self._compute_levels()

    def _add_task_line(self, scenario: Scenario, task: str, lines: dict[str, str | None]) -> None:
        del scenario
        for unit, superior in lines.items():
            self._superior[(unit, task)] = superior
            self._tasks_of.setdefault(unit, []).append(task)
            self._subordinates.setdefault((unit, task), [])
            if superior is None:
                continue
            self._subordinates.setdefault((superior, task), []).append(unit)
            if self.graph.has_edge(superior, unit):
                data = self.graph.edges[superior, unit]
                data["tasks"] = (*data["tasks"], task)
            else:
                self.graph.add_edge(superior, unit, parent=False, tasks=(task,))

    def _compute_levels(self) -> dict[str, int]:
        levels: dict[str, int] = {}
        for node in self.graph.nodes:
            depth, cursor = 0, self.graph.nodes[node]["parent"]
            while cursor is not None:
                depth += 1
                cursor = self.graph.nodes[cursor]["parent"]
            levels[node] = depth
        return levels

    def kind(self, unit: str) -> str:
        """The unit's kind (province, city, county, bureau, township, subdistrict, village)."""
        return str(self.graph.nodes[unit]["kind"])

    def level(self, unit: str) -> int:
        """Depth in the organization: 0 at the top."""
        return self._levels[unit]

    def parent(self, unit: str) -> str | None:
        """The unit's organizational parent."""
        parent = self.graph.nodes[unit]["parent"]
        return None if parent is None else str(parent)

    def children(self, unit: str) -> list[str]:
        """Organizational children, in scenario order."""
        return [v for v in self.graph.successors(unit) if self.graph.edges[unit, v]["parent"]]

    def on_task(self, unit: str, task: str) -> bool:
        """Whether the unit stands on the task's line."""
        return (unit, task) in self._superior

    def superior(self, unit: str, task: str) -> str | None:
        """The unit's superior for the task (None at the top or off the line)."""
        return self._superior.get((unit, task))

    def subordinates(self, unit: str, task: str) -> list[str]:
        """The units the task passes to from this unit."""
        return self._subordinates.get((unit, task), [])

    def adjacent(self, superior: str, subordinate: str, task: str | None = None) -> bool:
        """Whether `superior` is the subordinate's superior on the task (or on any task)."""
        if task is not None:
            return self._superior.get((subordinate, task)) == superior
        return self.graph.has_edge(superior, subordinate) and bool(
            self.graph.edges[superior, subordinate]["tasks"]
        )

    def path_to_top(self, unit: str) -> list[str]:
        """The unit and its organizational ancestors, bottom first."""
        path = [unit]
        while (parent := self.parent(path[-1])) is not None:
            path.append(parent)
        return path

    def tasks_of(self, unit: str) -> list[str]:
        """Tasks on whose line the unit stands."""
        return self._tasks_of.get(unit, [])
