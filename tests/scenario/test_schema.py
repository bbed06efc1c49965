"""The published JSON Schema describes the language: shipped files pass, broken ones do not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.scenario.loader import load_scenario, plain, read_yaml
from game.scenario.schema import scenario_schema
from tests.scenario.helpers import MINIMAL, SHIPPED, broken

SCHEMA = scenario_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def data_of(text: str) -> Any:
    return plain(read_yaml(text, "<test>"))


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_scenarios_are_shipped() -> None:
    assert len(SHIPPED) >= 2


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_scenario_loads_and_matches_the_schema(path: Path) -> None:
    load_scenario(path)
    errors = [e.message for e in VALIDATOR.iter_errors(data_of(path.read_text("utf-8")))]
    assert errors == []


def test_the_minimal_scenario_matches_the_schema() -> None:
    assert VALIDATOR.is_valid(data_of(MINIMAL))


@pytest.mark.parametrize(
    ("number", "new"),
    [
        (5, "turns: 4\ncolour: red\n"),
        (5, "turns: four\n"),
        (32, "    original_target: -5\n"),
        (8, "    kind: hamlet\n"),
        (17, "    name: {zh: 甲镇}\n"),
    ],
    ids=["unknown key", "wrong type", "negative target", "unknown kind", "missing English"],
)
def test_the_schema_refuses_what_the_loader_refuses(number: int, new: str) -> None:
    assert not VALIDATOR.is_valid(data_of(broken(number, new)))


def properties_of_every_model() -> list[tuple[str, str, dict[str, Any]]]:
    models = {"Scenario": SCHEMA, **SCHEMA["$defs"]}
    return [
        (model, name, spec)
        for model, schema in models.items()
        for name, spec in schema.get("properties", {}).items()
    ]


@pytest.mark.parametrize(("model", "name", "spec"), properties_of_every_model(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_every_field_has_a_title_and_a_description(
    model: str, name: str, spec: dict[str, Any]
) -> None:
    assert spec.get("title"), f"{model}.{name} has no title"
    assert spec.get("description"), f"{model}.{name} has no description"
