"""Load scenario files safely and report every problem as `file:line:col: message`.

Every text goes through the one reader (`game.scenario.reader`): the same limits, the same
YAML (1.2) and the same values as the editor's document. A sound file is composed by the
C parser; a file with a problem is read again by the round-trip reader, which names the
line and column the editor names too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.scenario.models import ID_PATTERN, Scenario
from game.scenario.reader import (
    MAX_NODES,
    Problem,
    Reading,
    ScenarioError,
    locate,
    plain,
    read,
    read_file,
    read_tree,
)

__all__ = [
    "MAX_NODES",
    "Problem",
    "Reading",
    "ScenarioError",
    "load_scenario",
    "locate",
    "parse_scenario",
    "plain",
    "problems_from",
    "read_scenario",
    "read_yaml",
    "scenario_digest",
]


def read_yaml(text: str, file: str) -> Any:
    """The round-trip tree of YAML text (comments and positions kept), or ScenarioError."""
    return read_tree(text, file)


def _message(error: Any) -> str:
    loc = [str(p) for p in error["loc"] if not str(p).startswith("function-")]
    where = ".".join(loc).replace(".[key]", " (key)")
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'" + (f" in {'.'.join(loc[:-1])}" if loc[:-1] else "")
    if kind == "missing":
        return f"missing required field '{where}'"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        return (f"{where}: '{error['input']}' is not an id: use lower-case letters, digits and "
                "underscores, starting with a letter")
    text = error["msg"].removeprefix("Value error, ")
    return f"{where}: {text}" if where else text


def problems_from(err: ValidationError, root: Any, file: str) -> list[Problem]:
    """Locate each pydantic error in the YAML tree."""
    problems = []
    for error in err.errors():
        loc = tuple(p for p in error["loc"] if not str(p).startswith("function-"))
        line, col = locate(root, loc, at_value=error["type"] not in ("extra_forbidden", "missing"))
        problems.append(Problem(file, line, col, _message(error)))
    return sorted(problems, key=lambda p: (p.line, p.col, p.message))


def parse_scenario(text: str, file: str = "<scenario>") -> Scenario:
    """Validate scenario YAML text; raise ScenarioError with located problems."""
    return read_scenario(text, file)[0]


def read_scenario(text: str, file: str = "<scenario>") -> tuple[Scenario, Reading]:
    """The scenario a text makes and the reading that locates its parts (for lint).

    Raises:
        ScenarioError: every located problem (YAML, limits, fields, references).
    """
    reading = read(text, file)
    if not isinstance(reading.data, dict):
        raise ScenarioError([Problem(file, 1, 1, "a scenario file must be a YAML mapping")])
    try:
        return Scenario.model_validate(reading.data), reading
    except ValidationError as err:
        raise ScenarioError(problems_from(err, reading.root, file)) from None


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a scenario file; raise ScenarioError naming file, line and column."""
    return parse_scenario(read_file(path), str(path))


def scenario_digest(scenario: Scenario) -> str:
    """A stable fingerprint of a scenario's content, stored in save files."""
    data = scenario.model_dump_json().encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]
