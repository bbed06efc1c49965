"""The ids a reference field may name, with labels in the window's language."""

from __future__ import annotations

from typing import Any

from game.scenario.document import Path, ScenarioDocument
from game.scoring.rules import default_rulebook
from game.ui.common.i18n import language
from game.ui.editor.units import allowed_parents, units

KINDS_FOR = {
    "units": None,
    "owners": ("province", "city", "county", "bureau"),
    "carriers": ("township", "subdistrict"),
    "seats": ("county", "bureau", "township", "subdistrict"),
    "inspectors": ("province", "city", "bureau"),
}


def label_of(item: dict[str, Any]) -> str:
    """An item's name in the window's language, with its id."""
    name = item.get("name")
    text = name.get(language()) or name.get("zh") if isinstance(name, dict) else None
    ident = str(item.get("id", "?"))
    return f"{text} ({ident})" if text else ident


def rule_choices() -> list[tuple[str, str]]:
    """The shipped rules, each named by the indicator it feeds and its id."""
    book = default_rulebook()
    labels = {i.key: i.label.get(language()) for i in book.indicators}
    return sorted(((r.id, f"{labels.get(r.key, r.key)} · {r.id}") for r in book.rules),
                  key=lambda pair: pair[1])


def candidates(doc: ScenarioDocument, target: str, base: Path) -> list[tuple[str, str]]:
    """(id, label) of everything a field of `target` kind may name, for the item at `base`."""
    if not doc.ok:
        return []
    if target in KINDS_FOR:
        kinds = KINDS_FOR[target]
        return [(u["id"], label_of(u)) for u in units(doc)
                if "id" in u and (kinds is None or u.get("kind") in kinds)]
    if target == "parent":
        unit_id = doc.get((*base, "id"))
        labels = {u.get("id"): label_of(u) for u in units(doc)}
        return [(ident, labels[ident]) for ident in allowed_parents(doc, str(unit_id))]
    if target == "tasks":
        tasks = doc.get(("tasks",), []) or []
        return [(t["id"], label_of(t)) for t in tasks if isinstance(t, dict) and "id" in t]
    if target in ("task_owners", "task_carriers"):
        field = "owners" if target == "task_owners" else "carriers"
        labels = {u.get("id"): label_of(u) for u in units(doc)}
        return [(str(i), labels.get(i, str(i))) for i in doc.get((*base, field), []) or []]
    if target == "rules":
        return rule_choices()
    return []
