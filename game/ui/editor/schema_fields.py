"""What the forms are built from: the scenario's JSON Schema, read into field specs.

Labels are the schema's titles, help texts its descriptions, combo boxes its enums and number
ranges its minimum and maximum. The few things a schema cannot say (that `owners` names units
and `task` names a task, that a briefing is a paragraph) are declared once in the tables below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from game.scenario.models import Scenario

#: Fields whose values are ids of other things, and which things.
REFERENCES = {
    "parent": "parent",
    "superior": "units",
    "subordinate": "units",
    "inspector": "inspectors",
    "owners": "owners",
    "carriers": "carriers",
    "seats": "seats",
    "targets": "units",
    "task": "tasks",
    "activates_task": "tasks",
}
#: Mappings keyed by ids, and what the keys name.
KEYED_BY = {
    "capacity": "tasks",
    "markup_by_unit": "task_owners",
    "slow_start": "task_carriers",
    "by_unit": "units",
    "weights": "rules",
    "thresholds": "rules",
}
#: Texts that are paragraphs rather than names.
PARAGRAPHS = {"briefing", "notes", "description", "text"}
UNBOUNDED = 1e9


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form, as the schema describes it."""

    key: str
    model: str
    kind: str
    title: str
    description: str
    optional: bool = False
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    choices: tuple[str, ...] = ()
    target: str = ""
    submodel: str = ""
    value_spec: FieldSpec | None = field(default=None, compare=False)


@cache
def schema() -> dict[str, Any]:
    """The scenario language's JSON Schema."""
    return Scenario.model_json_schema(mode="validation")


def model_schema(model: str) -> dict[str, Any]:
    """The schema of a model by name (Scenario, Unit, Task...)."""
    root = schema()
    return root if model == "Scenario" else root["$defs"][model]


def field_order(model: str) -> tuple[str, ...]:
    """The model's keys in the order the schema lists them."""
    return tuple(model_schema(model)["properties"])


def field_specs(model: str, skip: tuple[str, ...] = ()) -> list[FieldSpec]:
    """Every field of a model, in schema order, except `skip`."""
    props = model_schema(model)["properties"]
    return [spec_for(model, key, node) for key, node in props.items() if key not in skip]


def _ref_name(node: dict[str, Any]) -> str:
    return str(node.get("$ref", "")).rsplit("/", 1)[-1]


def _unwrap(node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema of an `X | None` field's X, and whether None is allowed."""
    options = node.get("anyOf")
    if not options:
        return node, False
    real = [o for o in options if o.get("type") != "null"]
    merged = {k: v for k, v in node.items() if k != "anyOf"}
    merged.update(real[0] if len(real) == 1 else {"anyOf": real})
    return merged, len(real) < len(options)


def _choices(node: dict[str, Any]) -> tuple[str, ...]:
    if "enum" in node:
        return tuple(str(v) for v in node["enum"])
    if "const" in node:
        return (str(node["const"]),)
    seen: list[str] = []
    for option in node.get("anyOf", []):
        seen += [str(v) for v in option.get("enum", []) if str(v) not in seen]
    return tuple(seen)


def _range(node: dict[str, Any]) -> tuple[float | None, float | None]:
    low = node.get("minimum")
    if low is None and "exclusiveMinimum" in node:
        low = float(node["exclusiveMinimum"]) + (1 if node.get("type") == "integer" else 0.01)
    return low, node.get("maximum")


def spec_for(model: str, key: str, raw: dict[str, Any]) -> FieldSpec:
    """The field spec of one property."""
    node, optional = _unwrap(raw)
    base: dict[str, Any] = {
        "key": key, "model": model, "optional": optional, "default": raw.get("default"),
        "title": str(raw.get("title", key)), "description": str(raw.get("description", "")),
    }
    kind, extra = _kind(key, node)
    return FieldSpec(kind=kind, **base, **extra)


def _kind(key: str, node: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    ref = _ref_name(node)
    if ref == "Text":
        return ("paragraph" if key in PARAGRAPHS else "text"), {}
    if ref:
        return "object", {"submodel": ref}
    choices = _choices(node)
    if choices:
        integer = node.get("type") == "integer"
        return "enum", {"choices": choices, "integer": integer}
    kind = node.get("type")
    if kind == "array":
        return _array_kind(key, node)
    if kind == "object":
        value = node.get("additionalProperties")
        if not isinstance(value, dict):
            value = next(iter(node.get("patternProperties", {}).values()), {})
        return "mapping", {"target": KEYED_BY.get(key, ""),
                           "value_spec": spec_for("", "value", value)}
    if kind in ("integer", "number"):
        low, high = _range(node)
        return "number", {"minimum": low, "maximum": high, "integer": kind == "integer"}
    if kind == "boolean":
        return "boolean", {}
    if key in REFERENCES:
        return "reference", {"target": REFERENCES[key]}
    return "string", {}


def _array_kind(key: str, node: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if "prefixItems" in node:
        return "pair", {"integer": True, "minimum": 1}
    items = node.get("items", {})
    if _ref_name(items):
        return "list", {"submodel": _ref_name(items)}
    if key in REFERENCES:
        return "references", {"target": REFERENCES[key]}
    return "yaml", {}
