"""The scenario language as JSON Schema, for authors' editors and the scenario editor."""

from __future__ import annotations

from typing import Any

from game.scenario.models import Scenario

SCHEMA_ID = "https://county-mobilization.example/schema/scenario-1.json"


def scenario_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a scenario file; every field has a title and description."""
    schema = Scenario.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema
