"""Cross-reference checks of a scenario, each error located at the field that is wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from game.scenario.models import ALLOWED_PARENTS, CARRIER_KINDS

if TYPE_CHECKING:
    from game.scenario.models import Scenario, Task

Loc = tuple[str | int, ...]


class _Errors:
    """Collects located errors and raises them together as one ValidationError."""

    def __init__(self) -> None:
        self.details: list[InitErrorDetails] = []

    def add(self, loc: Loc, message: str, value: Any = None) -> None:
        error = PydanticCustomError("reference", "{message}", {"message": message})
        self.details.append(InitErrorDetails(type=error, loc=loc, input=value))

    def raise_if_any(self) -> None:
        if self.details:
            raise ValidationError.from_exception_data("Scenario", self.details)


def check_references(scenario: Scenario) -> None:
    """Raise a ValidationError naming every dangling or ill-placed reference."""
    errors = _Errors()
    kinds = _check_units(scenario, errors)
    task_ids = _check_unique([t.id for t in scenario.tasks], "tasks", errors)
    for index, task in enumerate(scenario.tasks):
        _check_task(scenario, index, task, kinds, errors)
    _check_relations(scenario, kinds, errors)
    _check_events(scenario, kinds, task_ids, errors)
    _check_seats(scenario, kinds, errors)
    for index, unit in enumerate(scenario.units):
        for task_id in unit.capacity:
            if task_id not in task_ids:
                loc = ("units", index, "capacity", task_id, "[key]")
                errors.add(loc, f"unknown task '{task_id}'")
    errors.raise_if_any()


def _check_unique(ids: list[str], where: str, errors: _Errors) -> set[str]:
    """Report every repeat of an id at the repeat itself, naming where it was first used."""
    first: dict[str, int] = {}
    for index, ident in enumerate(ids):
        if ident in first:
            errors.add(
                (where, index, "id"),
                f"id '{ident}' is already used by {where}[{first[ident]}]",
                ident,
            )
        else:
            first[ident] = index
    return set(ids)


def _check_units(scenario: Scenario, errors: _Errors) -> dict[str, str]:
    kinds: dict[str, str] = {unit.id: unit.kind for unit in scenario.units}
    _check_unique([u.id for u in scenario.units], "units", errors)
    for index, unit in enumerate(scenario.units):
        allowed = ALLOWED_PARENTS[unit.kind]
        if unit.parent is None:
            continue
        if unit.parent not in kinds:
            errors.add(("units", index, "parent"), f"unknown unit '{unit.parent}'", unit.parent)
        elif unit.parent == unit.id:
            errors.add(("units", index, "parent"), "a unit cannot be its own parent", unit.parent)
        elif kinds[unit.parent] not in allowed:
            wanted = " or ".join(allowed) if allowed else "nothing (it is the top)"
            errors.add(
                ("units", index, "parent"),
                f"the parent of a {unit.kind} must be one level up ({wanted}), "
                f"not the {kinds[unit.parent]} '{unit.parent}'",
                unit.parent,
            )
    return kinds


def _check_task(
    scenario: Scenario, index: int, task: Task, kinds: dict[str, str], errors: _Errors
) -> None:
    loc: Loc = ("tasks", index)
    parents = {unit.id: unit.parent for unit in scenario.units}
    governments = [_government_of(o, kinds, parents) for o in task.owners if o in kinds]
    for pos, owner in enumerate(task.owners):
        if owner not in kinds:
            errors.add((*loc, "owners", pos), f"unknown unit '{owner}'", owner)
        elif kinds[owner] in CARRIER_KINDS or kinds[owner] == "village":
            errors.add((*loc, "owners", pos), f"a {kinds[owner]} cannot own a task", owner)
        elif governments.count(_government_of(owner, kinds, parents)) > 1:
            errors.add(
                (*loc, "owners", pos),
                f"two owners speak for '{_government_of(owner, kinds, parents)}'",
                owner,
            )
        elif pos > 0 and parents.get(_government_of(owner, kinds, parents)) not in governments:
            errors.add(
                (*loc, "owners", pos),
                f"no owner of the task sits one level above '{owner}'",
                owner,
            )
        elif pos == 0 and parents.get(_government_of(owner, kinds, parents)) in governments:
            errors.add((*loc, "owners", 0), "the first owner must be the top of the task's line")
    owner_governments = {_government_of(o, kinds, parents): o for o in task.owners if o in kinds}
    for pos, carrier in enumerate(task.carriers):
        if carrier not in kinds:
            errors.add((*loc, "carriers", pos), f"unknown unit '{carrier}'", carrier)
        elif kinds[carrier] not in CARRIER_KINDS:
            errors.add(
                (*loc, "carriers", pos),
                f"carriers must be townships or subdistricts, not a {kinds[carrier]}",
                carrier,
            )
        elif parents.get(carrier) not in owner_governments:
            errors.add(
                (*loc, "carriers", pos),
                f"no owner of the task sits one level above '{carrier}' "
                f"(an owner of county '{parents.get(carrier)}' is needed)",
                carrier,
            )
    for carrier in task.slow_start:
        if carrier not in task.carriers:
            errors.add((*loc, "slow_start", carrier, "[key]"),
                       f"'{carrier}' does not carry this task")
    for unit_id in task.markup_by_unit:
        if unit_id not in task.owners:
            errors.add((*loc, "markup_by_unit", unit_id, "[key]"),
                       f"'{unit_id}' does not own this task")
    if task.deadline > scenario.turns:
        errors.add(
            (*loc, "deadline"),
            f"deadline {task.deadline} is after the last turn {scenario.turns}",
            task.deadline,
        )


def _government_of(unit_id: str, kinds: dict[str, str], parents: dict[str, str | None]) -> str:
    """The government a unit speaks for: itself, or for a bureau the government it belongs to."""
    if kinds.get(unit_id) == "bureau":
        return parents.get(unit_id) or unit_id
    return unit_id


def _check_relations(scenario: Scenario, kinds: dict[str, str], errors: _Errors) -> None:
    from game.scenario.lines import adjacent_pairs

    pairs = adjacent_pairs(scenario)
    for index, relation in enumerate(scenario.relations):
        for field in ("superior", "subordinate"):
            ident = getattr(relation, field)
            if ident not in kinds:
                errors.add(("relations", index, field), f"unknown unit '{ident}'", ident)
        pair = (relation.superior, relation.subordinate)
        if relation.superior in kinds and relation.subordinate in kinds and pair not in pairs:
            errors.add(
                ("relations", index),
                f"'{relation.superior}' is not the adjacent superior of "
                f"'{relation.subordinate}' on any task",
            )


def _check_events(
    scenario: Scenario, kinds: dict[str, str], task_ids: set[str], errors: _Errors
) -> None:
    _check_unique([e.id for e in scenario.events], "events", errors)
    for index, event in enumerate(scenario.events):
        loc: Loc = ("events", index)
        if event.task is not None and event.task not in task_ids:
            errors.add((*loc, "task"), f"unknown task '{event.task}'", event.task)
        for pos, target in enumerate(event.targets):
            if target not in kinds:
                errors.add((*loc, "targets", pos), f"unknown unit '{target}'", target)
        activated = event.effects.activates_task
        if activated is not None and activated not in task_ids:
            errors.add((*loc, "effects", "activates_task"), f"unknown task '{activated}'")
        inspector = event.effects.inspector
        if inspector is not None and kinds.get(inspector) not in ("province", "city", "bureau"):
            errors.add(
                (*loc, "effects", "inspector"),
                f"the inspector must be a province, city or bureau above the county, "
                f"not '{inspector}'",
            )
        for when in (event.turn, *(event.window or ())):
            if when is not None and when > scenario.turns:
                errors.add((*loc, "turn"), f"turn {when} is after the last turn {scenario.turns}")


def _check_seats(scenario: Scenario, kinds: dict[str, str], errors: _Errors) -> None:
    for pos, seat in enumerate(scenario.seats):
        if seat not in kinds:
            errors.add(("seats", pos), f"unknown unit '{seat}'", seat)
        elif kinds[seat] not in ("bureau", *CARRIER_KINDS, "county"):
            errors.add(("seats", pos), f"a {kinds[seat]} cannot be a player's seat", seat)
    for unit_id in scenario.styles.by_unit:
        if unit_id not in kinds:
            errors.add(("styles", "by_unit", unit_id, "[key]"), f"unknown unit '{unit_id}'")
