"""Accountability: what a notice, a talk, a veto or an elimination does to a unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.engine.world import World


def sanction(
    game: World, superior: str, subordinate: str, task: str, kind: str, source: str,
    reason: dict[str, Any] | None = None,
) -> None:
    """Hold `subordinate` to account.

    Args:
        kind: notice, talk, veto, elimination or ranking (last place criticised).
        source: "regime" (the assessment rule), "discretion" (the superior's choice) or
            "inspection" (a cross-level inspection).
        reason: why, when the superior chose it (game.engine.reasons.sanction_reason).
    """
    params, unit = game.params, game.units[subordinate]
    rework = {
        "notice": params.rework_notice,
        "ranking": params.rework_notice,
        "talk": params.rework_talk,
        "veto": params.rework_veto,
        "elimination": params.rework_veto,
    }[kind]
    push = {
        "notice": params.pressure_notice,
        "ranking": params.pressure_notice,
        "talk": params.pressure_talk,
        "veto": params.pressure_veto,
        "elimination": params.pressure_veto,
    }[kind]
    game.rework_due[subordinate] = game.rework_due.get(subordinate, 0.0) + rework
    unit.pressure = min(1.0, unit.pressure + push)
    severe = kind in ("veto", "elimination")
    unit.morale = max(0.0, unit.morale - (params.morale_veto if severe else params.morale_sanction))
    unit.standing = max(0.0, unit.standing - (2.0 if severe else 0.5))
    unit.sanctions += 1
    assignment = game.assignments.get((subordinate, task))
    if assignment is not None:
        assignment.sanctioned_turn = game.turn
        assignment.vetoed = assignment.vetoed or kind == "veto"
    relation = game.relations.get((superior, subordinate))
    if relation is not None:
        relation.trust = max(0.0, relation.trust - params.trust_sanction)
    game.emit(
        "accountability",
        actor=superior,
        target=subordinate,
        task=task,
        data={"sanction": kind, "source": source, "rework": rework,
              **({"reason": reason} if reason is not None else {})},
    )
