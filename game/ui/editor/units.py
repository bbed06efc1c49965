"""Edits of the hierarchy: add a unit, give it another parent, remove it with what hangs on it.

Pure Python over a ScenarioDocument (no Qt), so the tree view, the graph and the tests share
one set of rules: which kinds may sit under which (the scenario language's ALLOWED_PARENTS),
and which references go when a unit goes.
"""

from __future__ import annotations

from typing import Any

from game.scenario.document import ScenarioDocument
from game.scenario.models import ALLOWED_PARENTS, CARRIER_KINDS, Unit

UNIT_ORDER = tuple(Unit.model_fields)
#: Kinds a player may take as a seat (the scenario language's check in references.py).
SEAT_KINDS = ("bureau", *CARRIER_KINDS, "county")
KIND_ORDER = tuple(ALLOWED_PARENTS)
NEW_NAMES = {
    "province": ("新省", "New province"),
    "city": ("新市", "New city"),
    "county": ("新县", "New county"),
    "bureau": ("新部门", "New bureau"),
    "township": ("新乡镇", "New township"),
    "subdistrict": ("新街道", "New subdistrict"),
    "village": ("新村", "New village"),
}


def units(doc: ScenarioDocument) -> list[dict[str, Any]]:
    """The units as plain dicts (empty when the document has none or does not parse)."""
    found = doc.get(("units",), []) if doc.ok else []
    return [u for u in found if isinstance(u, dict)] if isinstance(found, list) else []


def index_of(doc: ScenarioDocument, unit_id: str) -> int | None:
    """The position of a unit in the units list."""
    for index, unit in enumerate(units(doc)):
        if unit.get("id") == unit_id:
            return index
    return None


def child_kinds(parent_kind: str | None) -> list[str]:
    """Kinds that may stand directly below a unit of `parent_kind` (None: at the top)."""
    if parent_kind is None:
        return [kind for kind, allowed in ALLOWED_PARENTS.items() if not allowed]
    return [kind for kind, allowed in ALLOWED_PARENTS.items() if parent_kind in allowed]


def descendants(doc: ScenarioDocument, unit_id: str) -> set[str]:
    """Every unit below `unit_id`, however deep."""
    below: set[str] = set()
    frontier = {unit_id}
    while frontier:
        frontier = {u["id"] for u in units(doc) if u.get("parent") in frontier} - below
        below |= frontier
    return below


def allowed_parents(doc: ScenarioDocument, unit_id: str) -> list[str]:
    """Units that may become the parent of `unit_id` (one level up, not below it)."""
    index = index_of(doc, unit_id)
    if index is None:
        return []
    allowed = ALLOWED_PARENTS.get(str(units(doc)[index].get("kind")), ())
    below = descendants(doc, unit_id) | {unit_id}
    return [u["id"] for u in units(doc) if u.get("kind") in allowed and u["id"] not in below]


def new_id(doc: ScenarioDocument, stem: str) -> str:
    """An id not yet used by any unit, task or event: stem, stem_2, stem_3..."""
    taken = {str(item.get("id")) for key in ("units", "tasks", "events")
             for item in (doc.get((key,), []) or []) if isinstance(item, dict)}
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}_{number}"
    return candidate


def add_unit(doc: ScenarioDocument, kind: str, parent: str | None) -> int:
    """Add a unit of `kind` under `parent`, after the parent's last descendant; its index."""
    zh, en = NEW_NAMES[kind]
    unit: dict[str, Any] = {"id": new_id(doc, kind), "kind": kind}
    if parent is not None:
        unit["parent"] = parent
    unit["name"] = {"zh": zh, "en": en}
    family = {parent} | descendants(doc, parent) if parent is not None else set()
    indexes = [i for i, u in enumerate(units(doc)) if u.get("id") in family]
    slot = max(indexes) + 1 if indexes else len(units(doc))
    doc.insert(("units",), slot, unit)
    return slot


def joinable_tasks(doc: ScenarioDocument, unit_id: str) -> list[int]:
    """Tasks a new unit could carry: it is a township or subdistrict and the task already has
    a carrier of the same kind under the same parent (so an owner sits one level above)."""
    index = index_of(doc, unit_id)
    if index is None:
        return []
    unit = units(doc)[index]
    if unit.get("kind") not in CARRIER_KINDS:
        return []
    by_id = {u.get("id"): u for u in units(doc)}
    found = []
    for number, task in enumerate(doc.get(("tasks",), []) or []):
        carriers = task.get("carriers") or [] if isinstance(task, dict) else []
        if unit_id in carriers:
            continue
        peers = [by_id.get(c) or {} for c in carriers]
        if any(p.get("kind") == unit.get("kind") and p.get("parent") == unit.get("parent")
               for p in peers):
            found.append(number)
    return found


def usual_capacity(doc: ScenarioDocument, task: int) -> int | float | None:
    """The mean capacity the task's carriers have for it (None when none has one)."""
    task_id = doc.get(("tasks", task, "id"))
    carriers = set(doc.get(("tasks", task, "carriers"), []) or [])
    found = [u["capacity"][task_id] for u in units(doc) if u.get("id") in carriers
             and isinstance(u.get("capacity"), dict) and task_id in u["capacity"]]
    numbers = [v for v in found if isinstance(v, int | float) and not isinstance(v, bool)]
    if not numbers:
        return None
    mean = sum(numbers) / len(numbers)
    return round(mean) if all(isinstance(v, int) for v in numbers) else round(mean, 2)


def may_be_seat(doc: ScenarioDocument, unit_id: str) -> bool:
    """Whether `unit_id` is not yet a seat and its kind may be one."""
    index = index_of(doc, unit_id)
    seats = doc.get(("seats",), []) or []
    return index is not None and unit_id not in seats and \
        units(doc)[index].get("kind") in SEAT_KINDS


def join(doc: ScenarioDocument, unit_id: str, tasks: list[int], seat: bool) -> None:
    """Make `unit_id` a carrier of `tasks` (with the carriers' usual capacity) and a seat."""
    index = index_of(doc, unit_id)
    if index is None:
        raise KeyError(unit_id)
    with doc.batch():
        for task in tasks:
            capacity = usual_capacity(doc, task)
            carriers = doc.get(("tasks", task, "carriers"), []) or []
            doc.set(("tasks", task, "carriers"), [*carriers, unit_id])
            if capacity is not None:
                doc.set(("units", index, "capacity", str(doc.get(("tasks", task, "id")))),
                        capacity, order=UNIT_ORDER)
        seats = doc.get(("seats",), []) or []
        if seat and unit_id not in seats:
            doc.set(("seats",), [*seats, unit_id])


def set_parent(doc: ScenarioDocument, unit_id: str, parent: str | None) -> None:
    """Hang `unit_id` under `parent` (None: at the top)."""
    index = index_of(doc, unit_id)
    if index is None:
        raise KeyError(unit_id)
    doc.set(("units", index, "parent"), parent, order=UNIT_ORDER)


def remove_unit(doc: ScenarioDocument, unit_id: str) -> list[str]:
    """Remove a unit, every unit below it and every reference to them; the ids removed."""
    gone = {unit_id} | descendants(doc, unit_id)
    with doc.batch():
        for index in reversed(range(len(units(doc)))):
            if units(doc)[index].get("id") in gone:
                doc.delete(("units", index))
        _scrub_lists(doc, gone)
        _scrub_keys(doc, gone)
        _scrub_relations(doc, gone)
    return [u for u in gone]


def _prune(doc: ScenarioDocument, path: tuple[str | int, ...], gone: set[str]) -> None:
    values = doc.get(path)
    if isinstance(values, list) and any(v in gone for v in values):
        doc.set(path, [v for v in values if v not in gone])


def _scrub_lists(doc: ScenarioDocument, gone: set[str]) -> None:
    _prune(doc, ("seats",), gone)
    for index, _ in enumerate(doc.get(("tasks",), []) or []):
        _prune(doc, ("tasks", index, "owners"), gone)
        _prune(doc, ("tasks", index, "carriers"), gone)
    for index, event in enumerate(doc.get(("events",), []) or []):
        _prune(doc, ("events", index, "targets"), gone)
        if isinstance(event, dict) and (event.get("effects") or {}).get("inspector") in gone:
            doc.delete(("events", index, "effects", "inspector"))


def _scrub_keys(doc: ScenarioDocument, gone: set[str]) -> None:
    keyed: list[tuple[str | int, ...]] = [("styles", "by_unit")]
    for index, _ in enumerate(doc.get(("tasks",), []) or []):
        keyed += [("tasks", index, "slow_start"), ("tasks", index, "markup_by_unit")]
    for path in keyed:
        mapping = doc.get(path)
        for key in [k for k in (mapping or {}) if k in gone]:
            doc.delete((*path, key))


def _scrub_relations(doc: ScenarioDocument, gone: set[str]) -> None:
    relations = doc.get(("relations",), []) or []
    for index in reversed(range(len(relations))):
        pair = relations[index]
        if isinstance(pair, dict) and {pair.get("superior"), pair.get("subordinate")} & gone:
            doc.delete(("relations", index))
