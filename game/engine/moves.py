"""Every move a seat can make, as typed pydantic models in one discriminated union.

A move names what it does; who makes it is the seat passed to `Game.submit`. The engine
checks it against the state (phase, adjacency, costs) before anything changes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Cause = Literal[
    "weather", "capacity_limit", "overload", "data_preparation", "petition_surge", "funding_gap"
]
IncentiveKind = Literal["economic", "political", "spiritual", "supporting_policy", "experiment"]
SanctionKind = Literal["notice", "talk", "veto"]
CadenceChoice = Literal["daily", "weekly", "monthly"]
#: Why a superior answers as it does (game.engine.reasons gives each one's sentence and the
#: state that must bear it out): accepted ...
AnswerReason = Literal[
    "beyond_capacity", "trusted", "time_granted", "coordination_granted", "rule_recognised",
    "record_at_stake", "let_stand", "despite_finding",
    # ... or not.
    "caught_false", "unfounded", "within_capacity", "no_estimate", "target_stands", "too_many",
    "no_false_figures", "own_reach", "standard_method", "lacks_funds",
]

#: Causes a unit may cite, and what makes each one true in the world.
CAUSES: dict[str, str] = {
    "weather": "a weather event touched the unit's work on this task",
    "capacity_limit": "the unit's target exceeds what it can really deliver",
    "overload": "the unit's cadres were overloaded last turn, or carry three central tasks",
    "data_preparation": "the unit is in (or just out of) a data-first preparation period",
    "petition_surge": "a petition or hotline surge hit the unit in the last two turns",
    "funding_gap": "the unit has almost no funds left",
}


#: The largest figure (in a task's unit: mu, households, cases) any move may name; a county's
#: tasks stay far below it. Larger ones are malformed, as are NaN and infinity.
MAX_FIGURE = 1e9
#: The largest sum of money (10,000 yuan) a move may name.
MAX_FUNDS = 1e6


class _Move(BaseModel):
    # Infinite or NaN figures would poison every ratio downstream: they are malformed moves.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class ReportProgress(_Move):
    """Up: file this turn's progress report; any overstatement is falsification.

    Reports are filed at assessment with the true cumulative output; `overstate` adds a
    figure that did not happen, and it stays on the record until it is found out.
    """

    kind: Literal["report_progress"] = "report_progress"
    task: str = Field(title="Task", description="The task reported on.")
    overstate: float = Field(
        default=0.0, ge=0, le=MAX_FIGURE, title="Overstatement",
        description="Output claimed beyond the truth, in the task's unit (at most 10 times "
        "the unit's target: the engine refuses a larger one).",
    )


class ExplainShortfall(_Move):
    """Up: explain a shortfall by objective causes; optionally propose a new target."""

    kind: Literal["explain_shortfall"] = "explain_shortfall"
    task: str = Field(title="Task", description="The task explained.")
    causes: list[Cause] = Field(
        min_length=1, max_length=4, title="Causes", description="Objective causes cited."
    )
    proposed_target: float | None = Field(
        default=None, ge=0, le=MAX_FIGURE, title="Proposed target",
        description="The target asked for."
    )


class RequestCoordination(_Move):
    """Up: hand a problem beyond the unit's reach to the superior or the party committee."""

    kind: Literal["request_coordination"] = "request_coordination"
    task: str = Field(title="Task", description="The task troubled.")
    party_committee: bool = Field(
        default=False,
        title="Ask the party committee",
        description="Ask for a push from high up (高位推动); costs standing.",
    )


class ProposeTarget(_Move):
    """Up: institutional feedback: propose a lower target or a longer timeline."""

    kind: Literal["propose_target"] = "propose_target"
    task: str = Field(title="Task", description="The task.")
    target: float | None = Field(
        default=None, ge=0, le=MAX_FIGURE, title="Target", description="New target."
    )
    grace_turns: int = Field(
        default=0, ge=0, le=6, title="Grace turns", description="Turns of pace tolerance asked."
    )


class CiteRule(_Move):
    """Up: invoke a county rule to do the task by a flexible method."""

    kind: Literal["cite_rule"] = "cite_rule"
    task: str = Field(title="Task", description="The task.")


class RequestPolicy(_Move):
    """Up: ask for supporting policy (subsidies, a matching rule)."""

    kind: Literal["request_policy"] = "request_policy"
    task: str = Field(title="Task", description="The task.")


class Collude(_Move):
    """Up (pathology): propose that both levels pass an inflated figure upward."""

    kind: Literal["collude"] = "collude"
    task: str = Field(title="Task", description="The task.")


class Answer(_Move):
    """Down: accept or reject something a subordinate sent up (or a discrepancy found)."""

    kind: Literal["answer"] = "answer"
    request: int = Field(ge=0, title="Request", description="The request's number.")
    accept: bool = Field(title="Accept", description="Accept (or condone) it.")
    target: float | None = Field(
        default=None, ge=0, le=MAX_FIGURE, title="New target",
        description="For an accepted explanation."
    )
    reason: AnswerReason | None = Field(
        default=None, title="Reason",
        description="Why (one of a closed list); the engine refuses a reason the superior's "
        "state does not bear out, and derives one when none is given.",
    )


class SplitQuota(_Move):
    """Plan: split a task's quota among subordinates (escalated or not)."""

    kind: Literal["split_quota"] = "split_quota"
    task: str = Field(title="Task", description="The task.")
    shares: dict[str, Annotated[float, Field(ge=0, le=MAX_FIGURE)]] = Field(
        min_length=1, title="Quotas",
        description="Quota for each subordinate; together more than nothing and at most five "
        "times the target owed (the engine refuses the rest).",
    )


class AllocateTime(_Move):
    """Plan: share this turn's work time among tasks and local needs (weights)."""

    kind: Literal["allocate_time"] = "allocate_time"
    weights: dict[str, Annotated[float, Field(ge=0, le=1000)]] = Field(
        min_length=1,
        title="Weights",
        description="Relative weight per task id, and 'local_needs' for villagers' demands.",
    )
    overtime: bool = Field(
        default=False,
        title="Overtime",
        description="Share the overtime that felt pressure allows as well (more done, and "
        "cadres overloaded); without it the plan shares only the time there is.",
    )


class LeverSocial(_Move):
    """Plan: spend funds to lever social resources on a task (horizontal mobilization)."""

    kind: Literal["lever_social"] = "lever_social"
    task: str = Field(title="Task", description="The task.")
    funds: float = Field(
        gt=0, le=MAX_FUNDS, title="Funds", description="Public money spent, 10,000 yuan."
    )


class SetReporting(_Move):
    """Down: set how often a subordinate must report on a task."""

    kind: Literal["set_reporting"] = "set_reporting"
    subordinate: str = Field(title="Subordinate", description="The unit.")
    task: str = Field(title="Task", description="The task.")
    cadence: CadenceChoice = Field(title="Cadence", description="daily, weekly or monthly.")


class ResearchVisit(_Move):
    """Down: visit a subordinate to learn its real situation (调研)."""

    kind: Literal["research_visit"] = "research_visit"
    subordinate: str = Field(title="Subordinate", description="The unit visited.")


class Symposium(_Move):
    """Down: hear all subordinates on a task (座谈会)."""

    kind: Literal["symposium"] = "symposium"
    task: str = Field(title="Task", description="The task discussed.")


class MobilizationMeeting(_Move):
    """Down: explain a task to all subordinates and build consensus (动员会)."""

    kind: Literal["mobilization_meeting"] = "mobilization_meeting"
    task: str = Field(title="Task", description="The task.")


class Supervise(_Move):
    """Down: participatory supervision in the course of the work (参与式监督)."""

    kind: Literal["supervise"] = "supervise"
    subordinate: str = Field(title="Subordinate", description="The unit.")
    task: str = Field(title="Task", description="The task.")


class GiveIncentive(_Move):
    """Down: an incentive of one of five kinds."""

    kind: Literal["incentive"] = "incentive"
    subordinate: str = Field(title="Subordinate", description="The unit rewarded.")
    task: str = Field(title="Task", description="The task it rewards.")
    incentive: IncentiveKind = Field(title="Kind", description="What kind of incentive.")
    amount: float = Field(
        default=1.0, gt=0, le=100, title="Amount", description="Funds for economic or policy."
    )


class AdjustTarget(_Move):
    """Down: change a subordinate's target."""

    kind: Literal["adjust_target"] = "adjust_target"
    subordinate: str = Field(title="Subordinate", description="The unit.")
    task: str = Field(title="Task", description="The task.")
    target: float = Field(ge=0, le=MAX_FIGURE, title="Target", description="The new target.")


class Sanction(_Move):
    """Down: accountability: a criticism notice, a talk (约谈) or a one-vote veto."""

    kind: Literal["sanction"] = "sanction"
    subordinate: str = Field(title="Subordinate", description="The unit.")
    task: str = Field(title="Task", description="The task.")
    sanction: SanctionKind = Field(title="Sanction", description="notice, talk or veto.")


class RespondLocalNeeds(_Move):
    """Inside: give extra cadre time to villagers' own demands (对内负责)."""

    kind: Literal["respond_local_needs"] = "respond_local_needs"
    days: float = Field(gt=0, le=200, title="Cadre-days", description="Time given.")


class SymbolicExecution(_Move):
    """Pathology: do a task on paper only this turn."""

    kind: Literal["symbolic_execution"] = "symbolic_execution"
    task: str = Field(title="Task", description="The task.")


class QuasiExit(_Move):
    """Pathology: quietly withdraw effort from a task this turn (准退出)."""

    kind: Literal["quasi_exit"] = "quasi_exit"
    task: str = Field(title="Task", description="The task.")


class ShiftBlame(_Move):
    """Pathology: blame villages, weather or a peer for a sanction received."""

    kind: Literal["shift_blame"] = "shift_blame"
    task: str = Field(title="Task", description="The task sanctioned.")


Move = Annotated[
    ReportProgress
    | ExplainShortfall
    | RequestCoordination
    | ProposeTarget
    | CiteRule
    | RequestPolicy
    | Collude
    | Answer
    | SplitQuota
    | AllocateTime
    | LeverSocial
    | SetReporting
    | ResearchVisit
    | Symposium
    | MobilizationMeeting
    | Supervise
    | GiveIncentive
    | AdjustTarget
    | Sanction
    | RespondLocalNeeds
    | SymbolicExecution
    | QuasiExit
    | ShiftBlame,
    Field(discriminator="kind"),
]

MOVE_ADAPTER: TypeAdapter[Move] = TypeAdapter(Move)

#: Direction of each move kind: "up" to the task superior, "down" to a subordinate,
#: "inside" the unit. Used by the composer and by the phase table.
DIRECTION: dict[str, str] = {
    "report_progress": "up",
    "explain_shortfall": "up",
    "request_coordination": "up",
    "propose_target": "up",
    "cite_rule": "up",
    "request_policy": "up",
    "collude": "up",
    "answer": "down",
    "split_quota": "down",
    "allocate_time": "inside",
    "lever_social": "inside",
    "set_reporting": "down",
    "research_visit": "down",
    "symposium": "down",
    "mobilization_meeting": "down",
    "supervise": "down",
    "incentive": "down",
    "adjust_target": "down",
    "sanction": "down",
    "respond_local_needs": "inside",
    "symbolic_execution": "inside",
    "quasi_exit": "inside",
    "shift_blame": "up",
}

#: The phase in which each move may be made.
PHASE_OF: dict[str, str] = {
    "split_quota": "plan",
    "allocate_time": "plan",
    "lever_social": "plan",
    "set_reporting": "plan",
    "research_visit": "plan",
    "symposium": "plan",
    "mobilization_meeting": "plan",
    "respond_local_needs": "plan",
    "symbolic_execution": "plan",
    "quasi_exit": "plan",
    "report_progress": "report",
    "explain_shortfall": "report",
    "request_coordination": "report",
    "propose_target": "report",
    "cite_rule": "report",
    "request_policy": "report",
    "collude": "report",
    "shift_blame": "report",
    "answer": "respond",
    "supervise": "respond",
    "incentive": "respond",
    "adjust_target": "respond",
    "sanction": "respond",
}

PATHOLOGIES = ("collude", "symbolic_execution", "quasi_exit", "shift_blame")
