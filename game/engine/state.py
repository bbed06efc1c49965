"""The world's hot state: plain dataclasses, fast to read and to copy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TIME_CATEGORIES = ("reports", "rework", "meetings", "talk", "work", "paper", "local")


@dataclass(slots=True)
class UnitState:
    """A unit's resources and condition this turn.

    Attributes:
        cadre_time: cadre-days available each turn before events.
        time_left: cadre-days still unspent this turn.
        spent: cadre-days spent this turn by category (see TIME_CATEGORIES).
        pressure: felt pressure, 0-1: from sanctions, daily reports, rankings.
        standing: political capital for party-committee requests and political incentives.
        time_factor: this turn's cadre time as a share of the usual (above 1 when an event
            brings extra hands).
    """

    id: str
    kind: str
    cadre_time: float
    funds: float
    morale: float
    local_needs: float
    social_resources: float
    main_responsibility: float
    standing: float
    time_left: float = 0.0
    time_factor: float = 1.0
    outside_problem: float = 0.0
    spent: dict[str, float] = field(default_factory=dict)
    pressure: float = 0.0
    allocation: dict[str, float] | None = None
    overtime: bool = False
    local_extra: float = 0.0
    sanctions: int = 0
    overload: float = 0.0
    push_turn: int = -1

    def spend(self, category: str, days: float) -> None:
        """Record cadre-days spent (time_left may go below zero: that is overtime)."""
        self.time_left -= days
        self.spent[category] = self.spent.get(category, 0.0) + days


@dataclass(slots=True)
class Assignment:
    """A unit's stake in one task.

    Attributes:
        external: the escalated quota it received from its superior (外在标准).
        target: the target as negotiated since (lowered by accepted explanations).
        passed_down: the sum it passed to its subordinates.
        delivered: true cumulative output (carriers) or its subordinates' sum (owners).
        inflation: figures on the record beyond the truth, not yet found out.
        on_record: the cumulative figure the superior last received (stale when a report
            the cadence asks for was not filed).
        capacity: true capacity by the deadline (内在共识), private to the unit.
    """

    unit: str
    task: str
    superior: str | None
    external: float = 0.0
    target: float = 0.0
    passed_down: float = 0.0
    delivered: float = 0.0
    inflation: float = 0.0
    own_inflation: float = 0.0
    capacity: float = 0.0
    capacity0: float = 0.0
    cadence: str = "weekly"
    grace_until: int = 0
    productivity: float = 0.0
    overstate_now: float = 0.0
    symbolic: bool = False
    quasi_exit: bool = False
    lagging: int = 0
    weather_turn: int = -99
    vetoed: bool = False
    flexible: bool = False
    report_turn: int = -1
    last_ratio: float = 1.0
    last_output: float = 0.0
    sanctioned_turn: int = -99
    blamed_turn: int = -99
    prep_disrupted: bool = False
    on_record: float = 0.0

    @property
    def reported(self) -> float:
        """The cumulative figure on the record."""
        return self.delivered + self.inflation


@dataclass(slots=True)
class RelationState:
    """What an adjacent superior knows and thinks of a subordinate."""

    superior: str
    subordinate: str
    familiarity: float
    symmetry: float
    trust: float
    memory: list[tuple[int, float]] = field(default_factory=list)
    estimates: dict[str, float] = field(default_factory=dict)

    def remembered(self, turn: int, half_life: float) -> float:
        """Favours (positive) and offences (negative), faded by age."""
        if not self.memory:
            return 0.0
        return float(sum(w * 0.5 ** ((turn - t) / half_life) for t, w in self.memory))


@dataclass(slots=True)
class Request:
    """Something sent up to a superior, or a discrepancy it found, awaiting an answer.

    `truthful` and `false_causes` are hidden from the superior; `detected` is what it found.
    """

    id: int
    turn: int
    kind: str
    sender: str
    receiver: str
    task: str
    data: dict[str, Any] = field(default_factory=dict)
    truthful: bool = True
    detected: bool = False
    answered: bool | None = None


@dataclass(slots=True)
class TaskState:
    """A task's run: whether it is active, its cycle and its totals."""

    id: str
    start: int
    deadline: int
    active: bool = False
    closed: bool = False
    cycle: int = 0
    original: float = 0.0
