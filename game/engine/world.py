"""The World: the state every phase reads and changes, and the helpers every phase shares.

The engine's modules stand in layers (pyproject.toml's import-linter contract keeps them):
`game.engine.game` (the phase machine and `submit`) above the phase modules (directives,
execution, assessment, talk*, counterparts, ...) above this module, above the plain records
(events, state, params, hierarchy, requests, moves). A phase takes the `World` and imports only
what lies below it, so nothing below `Game` needs `Game`.

The world's seeded draws (`chance`, `noise`, `estimate`) all come from its one generator,
`rng`, in the order the phases ask: same scenario, seed and moves give the same events, byte for
byte.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from game.engine.events import Event, EventLog
from game.engine.hierarchy import Hierarchy
from game.engine.params import DEFAULT_PARAMS, SUBORDINATE_STYLE, SUPERIOR_STYLE, Params
from game.engine.requests import RequestBook
from game.engine.state import Assignment, RelationState, Request, TaskState, UnitState
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle

#: Figures below this count as nothing when they divide: a target of 1e-308 is no target.
TINY = 1e-6


def ratio(part: float, whole: float, empty: float = 1.0, cap: float = 1e6) -> float:
    """`part / whole`, or `empty` when `whole` is (next to) nothing; never inf or NaN.

    Args:
        part, whole: figures in the same unit (mu, cadre-days, ...).
        empty: the value when there is nothing to divide by (1.0: on pace).
        cap: the largest ratio returned.
    """
    if not abs(whole) >= TINY or not math.isfinite(part):
        return empty
    return max(-cap, min(cap, part / whole))


@dataclass(frozen=True)
class Refusal:
    """Why a move was refused, in both languages."""

    code: str
    zh: str
    en: str

    def text(self, lang: str) -> str:
        """The reason in `lang`."""
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class RecordedMove:
    """A human move as saved: enough to replay it."""

    turn: int
    phase: str
    seat: str
    move: dict[str, Any]


class World:
    """A game's state and the helpers the phases share; `Game` adds the phase machine.

    A bare `World` holds empty units, tasks, assignments and relations: `Game` fills them
    from the scenario (`setup.build_world`) and sets the styles (`assign_styles`).

    Args:
        scenario: the validated scenario.
        seed: the seed of the world's one random generator.
        humans: units played by people; every other unit is played by the computer.
        superior_style: overrides the scenario's style for computer superiors.
        subordinate_style: overrides the scenario's style for computer subordinates.
        params: mechanics constants (tests and balance may vary them).

    Raises:
        ValueError: one of `humans` is not a seat of the scenario.
    """

    def __init__(
        self,
        scenario: Scenario,
        seed: int = 0,
        humans: Iterable[str] = (),
        superior_style: SuperiorStyle | None = None,
        subordinate_style: SubordinateStyle | None = None,
        params: Params = DEFAULT_PARAMS,
    ) -> None:
        self.scenario = scenario
        self.seed = seed
        self.params = params
        self.rng = random.Random(seed)
        self.humans = frozenset(humans)
        self.initial_humans = self.humans
        self.handovers: list[tuple[str, int, str]] = []
        for seat in self.humans:
            if seat not in scenario.seats:
                raise ValueError(f"'{seat}' is not a seat of scenario '{scenario.id}'")
        self.superior_style = superior_style or scenario.styles.superior
        self.subordinate_style = subordinate_style or scenario.styles.subordinate
        self.hierarchy = Hierarchy(scenario)
        self.log = EventLog()
        self.turn = 0
        self.phase = "directives"
        self.over = False
        self.units: dict[str, UnitState] = {}
        self.assignments: dict[tuple[str, str], Assignment] = {}
        self.relations: dict[tuple[str, str], RelationState] = {}
        self.tasks: dict[str, TaskState] = {}
        self.requests = RequestBook()
        self.recorded: list[RecordedMove] = []
        self.fired_events: set[str] = set()
        self.fired_turns: dict[str, int] = {}
        self.inspected: dict[str, set[str]] = {}
        self.rework_due: dict[str, float] = {}
        self.levered: dict[tuple[str, str], float] = {}
        self.supervised: set[tuple[str, str]] = set()
        self.comm: dict[str, float] = {}
        self.honesty: dict[str, float] = {}
        self.task_by_id = {task.id: task for task in scenario.tasks}
        self.event_by_id = {event.id: event for event in scenario.events}
        self.done_once: set[tuple[str, str, str, str]] = set()
        self.line_units: list[str] | None = None
        #: (task, owner) pairs a person holds and has not split yet this cycle.
        self.unsplit: set[tuple[str, str]] = set()

    def assign_styles(self) -> None:
        """Set every unit's superior style (`comm`, 0 pressure .. 1 communicative) and
        subordinate honesty (0 gaming .. 1 honest): its own style if the scenario gives one,
        else the game's."""
        by_unit = self.scenario.styles.by_unit
        for unit in self.scenario.units:
            style = by_unit.get(unit.id)
            sup = SUPERIOR_STYLE.get(style or "", SUPERIOR_STYLE[self.superior_style])
            sub = SUBORDINATE_STYLE.get(style or "", SUBORDINATE_STYLE[self.subordinate_style])
            self.comm[unit.id] = sup
            self.honesty[unit.id] = sub

    # ----- helpers for the mechanics -------------------------------------------------------

    def emit(
        self,
        kind: str,
        actor: str = "",
        target: str = "",
        task: str = "",
        data: dict[str, Any] | None = None,
        hidden: dict[str, Any] | None = None,
    ) -> Event:
        """Append an event for the current turn and phase."""
        return self.log.append(self.turn, self.phase, kind, actor, target, task, data, hidden)

    def is_bot(self, unit: str) -> bool:
        """Whether the computer plays this unit."""
        return unit not in self.humans

    def active_tasks(self) -> list[str]:
        """Ids of the tasks running this turn, in scenario order."""
        return [t for t, state in self.tasks.items() if state.active]

    def assignment(self, unit: str, task: str) -> Assignment | None:
        """The unit's stake in the task, if it stands on the task's line."""
        return self.assignments.get((unit, task))

    def relation(self, superior: str, subordinate: str) -> RelationState | None:
        """The relation of an adjacent pair."""
        return self.relations.get((superior, subordinate))

    def chance(self, probability: float) -> bool:
        """One draw from the world's generator."""
        return self.rng.random() < probability

    def noise(self, spread: float) -> float:
        """A multiplicative noise factor around 1 (log-normal, so never negative)."""
        return math.exp(self.rng.gauss(0.0, spread))

    def detect_chance(self, superior: str, subordinate: str, fuzziness: float = 0.0) -> float:
        """The chance the superior catches a false cause or figure (paper 二.1)."""
        relation = self.relations.get((superior, subordinate))
        symmetry = relation.symmetry if relation else 0.0
        p = self.params.detect_base + self.params.detect_slope * symmetry
        return max(0.0, min(1.0, p * (1.0 - 0.5 * fuzziness)))

    def lie_chance(self, superior: str, subordinate: str, size: float,
                   fuzziness: float = 0.0) -> float:
        """The chance a falsehood of relative `size` is caught: a bigger lie is caught more
        often (paper 二.1: the superior knows "whether you did it and how much").

        Args:
            size: the falsehood against the figure it hides in (an overstatement over the
                progress due, a proposed target's shortfall below capacity), >= 0.

        Returns:
            1 - (1 - p)^(0.5 + 3 * size), p the `detect_chance`: a 1% lie is caught less often
            than p, a lie as large as the figure itself almost always.
        """
        p = self.detect_chance(superior, subordinate, fuzziness)
        size = max(0.0, min(size, 100.0)) if math.isfinite(size) else 100.0
        return float(1.0 - (1.0 - p) ** (0.5 + 3.0 * size))

    def estimate(self, superior: str, subordinate: str, task: str) -> float:
        """Draw (and remember) the superior's estimate of the subordinate's true capacity."""
        relation = self.relations[(superior, subordinate)]
        assignment = self.assignments[(subordinate, task)]
        spread = self.params.estimate_error * (1 - 0.8 * relation.symmetry)
        spread *= 1 - 0.3 * relation.familiarity
        value = assignment.capacity * math.exp(self.rng.gauss(0.0, spread))
        relation.estimates[task] = value
        return value

    def elapsed(self, task: str) -> tuple[int, int]:
        """Turns of the task run so far (this one included) and its whole length."""
        state = self.tasks[task]
        return self.turn - state.start + 1, state.deadline - state.start + 1

    def pending_for(self, unit: str) -> list[Request]:
        """Unanswered requests addressed to the unit."""
        return self.requests.pending_for(unit)
