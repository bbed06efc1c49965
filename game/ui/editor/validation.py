"""Live validation of the edited text: the loader, lint and the scoring overrides at once.

The same checks `python main.py validate` runs, on text that has not been saved yet.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.scenario.document import ScenarioDocument
from game.scenario.lint import lint
from game.scenario.loader import Problem, ScenarioError, problems_from, read_scenario
from game.scenario.models import Scenario
from game.scoring.overrides import override_problems
from game.scoring.rules import known_rule_ids


def validate_text(text: str, file: str = "<scenario>") -> tuple[Scenario | None, list[Problem]]:
    """The scenario the text makes (None when it is invalid) and every located problem."""
    try:
        scenario, reading = read_scenario(text, file)
    except ScenarioError as err:
        return None, err.problems
    problems = lint(scenario, Path(file), text, known_rules=known_rule_ids())
    problems += [p for p in _extra_rule_problems(scenario, reading.root, file)
                 if p not in problems]
    return scenario, sorted(problems, key=lambda p: (p.line, p.col, p.message))


def validate_document(doc: ScenarioDocument,
                      file: str = "<scenario>") -> tuple[Scenario | None, list[Problem]]:
    """validate_text for an open document, without parsing its text again.

    The document already holds the parsed tree: the models validate its plain data, and the
    tree's marks (read again only when something is wrong) locate the errors, as
    parse_scenario does. Lint still reads the text.
    """
    if not doc.ok:
        return None, [replace(p, file=file) for p in doc.syntax_problems]
    try:
        scenario = Scenario.model_validate(doc.data())
    except ValidationError as err:
        return None, problems_from(err, doc.root, file)
    problems = lint(scenario, Path(file), known_rules=known_rule_ids(), root=doc.root)
    problems += [p for p in _extra_rule_problems(scenario, doc.root, file) if p not in problems]
    return scenario, sorted(problems, key=lambda p: (p.line, p.col, p.message))


def _extra_rule_problems(scenario: Scenario, root: Any, file: str) -> list[Problem]:
    """The scoring overrides' problems exactly as `validate` finds them."""
    return override_problems(scenario, root, file)
