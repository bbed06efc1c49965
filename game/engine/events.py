"""The append-only event log: what happened, to whom, and what only the debrief may see."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

#: Kinds only their actor may see. (A relation's trust does reach the subordinate: a township
#: feels how far its bureau trusts it, and the dashboard charts it.)
PRIVATE_KINDS = frozenset(("negotiation_space", "unit_turn", "execution"))
#: Data fields listing the units an event names (they may see it).
NAMED_FIELDS = ("attended", "heard", "order")


#: Every kind of event the engine writes, with what it records. Scoring rules may only
#: name kinds listed here (the rule file is checked against this table).
EVENT_KINDS: dict[str, str] = {
    "turn_started": "a new turn begins",
    "task_started": "a task's directive arrives at the top of its line",
    "directive_issued": "a level passes a quota down to an adjacent unit (with its markup)",
    "quota_split": "an owner splits its quota among its subordinates; records the negotiation "
    "space it keeps (what it passes down beyond what it owes)",
    "negotiation_space": "each turn, per owner: what it owes, what it passed down, what its "
    "subordinates' negotiated targets now add up to, and the space left (Figure 1)",
    "world_event": "weather, petitions, a new central task, a leader's attention",
    "report_progress": "a unit reports its cumulative progress upward (hidden: the truth)",
    "explain_shortfall": "a unit explains a shortfall citing objective causes (hidden: truth)",
    "request_coordination": "a unit hands a problem beyond its reach upward",
    "propose_target": "a unit proposes a lower target or a longer timeline",
    "cite_rule": "a unit invokes a county rule for a flexible method",
    "request_policy": "a unit asks for supporting policy",
    "collude": "a unit proposes that both levels report inflated figures",
    "request_answered": "a superior accepts or rejects something sent up",
    "false_cause_detected": "a superior finds a cited cause did not happen",
    "split_quota": "an owner re-splits a task among its subordinates",
    "allocate_time": "a unit plans its cadre time across tasks and local needs",
    "lever_social": "a unit uses public money to lever social resources",
    "set_reporting": "a superior sets the reporting cadence for a subordinate",
    "research_visit": "a superior visits a subordinate to learn its real situation",
    "symposium": "a superior hears all subordinates on a task before pushing it",
    "mobilization_meeting": "a superior explains a task to all subordinates",
    "supervise": "participatory supervision during the work",
    "incentive": "a superior gives an incentive (economic, political, spiritual, supporting "
    "policy, recognition of a local experiment)",
    "adjust_target": "a superior changes a subordinate's target",
    "accountability": "a notice, talk, veto, ranking sanction or elimination falls on a unit",
    "ranking_published": "a task's carriers are ranked by reported progress",
    "falsification_detected": "a superior finds a reported figure above the truth",
    "collusion": "a superior lets a false figure stand and passes it upward",
    "shift_blame": "a unit blames another party for a sanction",
    "symbolic_execution": "a unit does a task on paper only this turn",
    "quasi_exit": "a unit quietly withdraws effort from a task",
    "respond_local_needs": "a unit gives cadre time to villagers' own demands",
    "execution": "a carrier's work on a task this turn: output, time, formalism",
    "unit_turn": "a unit's cadre time, overload, formalism, morale and funds this turn",
    "relation_turn": "a relation's trust, information symmetry and familiarity this turn",
    "assessment": "a superior assesses a subordinate's reported progress against its target",
    "inspection": "a cross-level inspection checks a carrier directly, allowing no explanation",
    "ratchet": "a recurring task's next target, ratcheted on this cycle's result",
    "quota_forwarded": "a person's seat ended the plan phase without splitting a task: the "
    "quota goes down as it came, in equal parts, with no markup",
    "report_missing": "a progress report the task's cadence asks for was not filed: the "
    "superior's record keeps the last figure it was sent",
    "request_unfounded": "a superior finds that a request for coordination, policy or time was "
    "not justified by the world's facts (hidden: what it checked)",
    "task_closed": "a task reaches its deadline: escalated, negotiated and delivered totals",
    "game_over": "the last turn is assessed",
    "facilitator_notice": "a workshop's facilitator tells every seat of the table something "
    "(data: zh and en text); recorded with the game, so it replays",
}


class Event(NamedTuple):
    """One thing that happened.

    Attributes:
        seq: position in the log, from 0.
        turn: the turn it happened in.
        phase: the phase it happened in.
        kind: one of EVENT_KINDS.
        actor: the unit that acted (or the world: "").
        target: the unit acted upon, if any.
        task: the task concerned, if any.
        data: what the participants may see.
        hidden: what only the debrief may see (truth behind reports and explanations).
    """

    seq: int
    turn: int
    phase: str
    kind: str
    actor: str = ""
    target: str = ""
    task: str = ""
    data: dict[str, Any] = {}  # noqa: RUF012 (EventLog.append always passes fresh dicts)
    hidden: dict[str, Any] = {}  # noqa: RUF012

    def to_dict(self) -> dict[str, Any]:
        """The event as plain JSON-ready data."""
        return {
            "seq": self.seq,
            "turn": self.turn,
            "phase": self.phase,
            "kind": self.kind,
            "actor": self.actor,
            "target": self.target,
            "task": self.task,
            "data": self.data,
            "hidden": self.hidden,
        }

    def visible_to(self, unit_id: str) -> bool:
        """Whether the unit may see the event: it acted, it was acted upon or named (a meeting
        it attended, a ranking it is in), or the world was told. What a unit keeps for itself
        (its own turn, its negotiation space) reaches no one else."""
        if self.actor in ("", unit_id):
            return True
        if self.kind in PRIVATE_KINDS:
            return False
        if self.target == unit_id:
            return True
        return any(unit_id in self.data.get(name, ()) for name in NAMED_FIELDS)


class EventLog:
    """Append-only list of events with listeners (the window's bridge subscribes here)."""

    def __init__(self) -> None:
        self._events: list[Event] = []
        self._listeners: list[Any] = []

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._events)

    def __getitem__(self, index: int) -> Event:
        return self._events[index]

    def subscribe(self, listener: Any) -> None:
        """Call `listener(event)` for every event appended from now on."""
        self._listeners.append(listener)

    def append(
        self,
        turn: int,
        phase: str,
        kind: str,
        actor: str = "",
        target: str = "",
        task: str = "",
        data: dict[str, Any] | None = None,
        hidden: dict[str, Any] | None = None,
    ) -> Event:
        """Record an event of a known kind and tell the listeners."""
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        event = Event(len(self._events), turn, phase, kind, actor, target, task,
                      data if data is not None else {}, hidden if hidden is not None else {})
        self._events.append(event)
        for listener in self._listeners:
            listener(event)
        return event

    def since(self, seq: int) -> list[Event]:
        """Events from position `seq` on."""
        return self._events[seq:]

    def to_json(self) -> str:
        """The whole log as canonical JSON (sorted keys): equal games give equal bytes."""
        return json.dumps(
            [e.to_dict() for e in self._events], ensure_ascii=False, sort_keys=True, indent=None
        )
