"""A scenario's changes to the rules: new weights and thresholds, and rules of its own.

`validate` and `play` check them the same way (`override_problems`): an override naming a
rule the scoring does not have, or a rule of the scenario's own that the rule language
refuses (an unknown field, a template with a format spec, a comparison with text), is a
located error before a game starts, never a traceback at the end of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.scenario.loader import Problem, ScenarioError, locate, read_scenario
from game.scenario.models import Scenario
from game.scenario.reader import read, read_file
from game.scoring.rules import Rule, RuleBook, default_rulebook, located_problems


def effective_rulebook(scenario: Scenario, base: RuleBook | None = None) -> RuleBook:
    """The rule book with the scenario's overrides applied.

    Raises:
        ValueError: an override names an unknown rule, or the scenario's own rules do not
            validate (pydantic's ValidationError is a ValueError). `override_problems`
            locates the same problems in the file; `load_playable` refuses such a file.
    """
    base = base or default_rulebook()
    overrides = scenario.scoring
    if not (overrides.weights or overrides.thresholds or overrides.rules):
        return base
    data = base.model_dump(mode="json")
    known = {rule["id"] for rule in data["rules"]}
    for name in [*overrides.weights, *overrides.thresholds]:
        if name not in known:
            raise ValueError(f"scoring override names unknown rule '{name}'")
    for rule in data["rules"]:
        if rule["id"] in overrides.weights:
            rule["weight"] = overrides.weights[rule["id"]]
        if rule["id"] in overrides.thresholds:
            rule["threshold"] = overrides.thresholds[rule["id"]]
    data["rules"].extend(overrides.rules)
    return RuleBook.model_validate(data)


def override_problems(scenario: Scenario, root: Any, file: str) -> list[Problem]:
    """Located problems of a scenario's scoring overrides (empty when they are sound).

    Args:
        scenario: a scenario that validates.
        root: the file's tree from the one reader (`Reading.root`, or the editor's tree).
        file: the name used in the problems.
    """
    base = default_rulebook()
    known = {rule.id for rule in base.rules}
    problems: list[Problem] = []
    for section in ("weights", "thresholds"):
        for rule_id in getattr(scenario.scoring, section):
            if rule_id not in known:
                line, col = locate(root, ("scoring", section, rule_id))
                problems.append(Problem(file, line, col,
                                        f"scoring override names unknown rule '{rule_id}'"))
    problems += _rule_problems(scenario.scoring.rules, base, root, file)
    return problems


def _rule_problems(rules: list[Any], base: RuleBook, root: Any, file: str) -> list[Problem]:
    """The scenario's own rules: one line for a rule that is not a rule at all (its required
    keys missing), then the rule language's located problems for the others."""
    required = [name for name, field in Rule.model_fields.items() if field.is_required()]
    problems: list[Problem] = []
    indexes: list[int] = []
    for index, rule in enumerate(rules):
        missing = [name for name in required if name not in rule]
        if not missing:
            indexes.append(index)
            continue
        unknown = [str(key) for key in rule if key not in Rule.model_fields]
        message = f"scoring.rules.{index}: a rule needs {', '.join(missing)}"
        if unknown:
            message += f" (unknown: {', '.join(unknown)})"
        line, col = locate(root, ("scoring", "rules", index))
        problems.append(Problem(file, line, col, message))
    if not indexes:
        return problems
    data = base.model_dump(mode="json")
    offset = len(data["rules"])
    data["rules"].extend(rules[index] for index in indexes)
    try:
        RuleBook.model_validate(data)
    except ValidationError as err:
        problems += located_problems(err, root, file, (("scoring", "rules"), offset), indexes)
    return problems


def check_overrides(scenario: Scenario, path: Path, root: Any = None) -> list[Problem]:
    """override_problems for a file; its tree is read (once) when `root` is not given."""
    file = str(path)
    if root is None:
        root = read(read_file(path), file).root
    return override_problems(scenario, root, file)


def load_playable(path: str | Path) -> Scenario:
    """A scenario file read once, validated, with sound scoring overrides: ready to play.

    Raises:
        ScenarioError: every located problem `validate` would report as an error in the
            file itself or its scoring overrides.
    """
    file = str(path)
    scenario, reading = read_scenario(read_file(path), file)
    problems = override_problems(scenario, reading.root, file)
    if problems:
        raise ScenarioError(problems)
    return scenario
