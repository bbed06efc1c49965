"""A scenario's changes to the rules: new weights and thresholds, and rules of its own."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from game.scenario.loader import Problem, locate, read_yaml
from game.scenario.models import Scenario
from game.scoring.rules import RuleBook, default_rulebook, located_problems


def effective_rulebook(scenario: Scenario, base: RuleBook | None = None) -> RuleBook:
    """The rule book with the scenario's overrides applied (raises ValueError if invalid)."""
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


def check_overrides(scenario: Scenario, path: Path) -> list[Problem]:
    """Located problems of a scenario's scoring overrides (empty when they are sound)."""
    file = str(path)
    root = read_yaml(path.read_text(encoding="utf-8"), file)
    base = default_rulebook()
    known = {rule.id for rule in base.rules}
    problems: list[Problem] = []
    for section in ("weights", "thresholds"):
        for rule_id in getattr(scenario.scoring, section):
            if rule_id not in known:
                line, col = locate(root, ("scoring", section, rule_id))
                problems.append(Problem(file, line, col,
                                        f"scoring override names unknown rule '{rule_id}'"))
    if not scenario.scoring.rules:
        return problems
    data = base.model_dump(mode="json")
    offset = len(data["rules"])
    data["rules"].extend(scenario.scoring.rules)
    try:
        RuleBook.model_validate(data)
    except ValidationError as err:
        problems += located_problems(err, root, file, (("scoring", "rules"), offset))
    return problems
