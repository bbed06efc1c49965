"""The rule file: every score key defined, and bad rule files refused with located errors."""

from __future__ import annotations

import pytest

from game.scenario.loader import ScenarioError
from game.scoring.rules import RULES_FILE, default_rulebook, parse_rulebook

GAME_KEYS = {
    "objective_attribution", "organizational_coordination", "institutional_feedback",
    "differentiated_incentives", "joint_responsibility", "internalized_responsibility",
    "collective_consensus", "routinized_campaigns", "non_accountability_mobilization",
    "local_autonomy", "collusion", "blame_avoidance", "symbolic_execution", "formalism",
    "overload", "delivered_vs_original", "delivered_vs_external", "accountability_events",
    "resilience",
    # Outcomes that resilience composes besides GAME.md's keys (GAME.md: "resilience is composed
    # of outcomes only — delivery, overload, formalism, accountability, trust, local needs,
    # pathologies"): each needs an indicator of its own on 0-100.
    "accountability_rate", "trust", "local_needs",
}

#: What resilience may compose: outcomes and pathologies, never forms or mechanisms.
OUTCOME_PARTS = {
    "delivered_vs_original", "accountability_rate", "trust", "local_needs", "overload",
    "formalism", "collusion", "blame_avoidance", "symbolic_execution",
}

MINIMAL = """\
schema_version: 1
indicators:
  - key: alpha
    group: forms
    label: {zh: 甲, en: Alpha}
    description: {zh: 甲, en: Alpha}
    citation: {section: 一.1, quote: 引文}
rules:
  - id: alpha_count
    key: alpha
    measure: {count: {kind: accountability}}
    scale: [0, 10]
    explanation: {zh: "共 {measured:.0f} 次", en: "{measured:.0f} in all"}
    citation: {section: 一.1, quote: 引文}
"""


def test_the_shipped_rule_file_defines_every_key_of_the_game():
    keys = {indicator.key for indicator in default_rulebook().indicators}
    assert keys == GAME_KEYS


def test_resilience_composes_outcomes_only():
    by_key = {indicator.key: indicator for indicator in default_rulebook().indicators}
    composed = set(by_key["resilience"].compose or {})
    assert composed == OUTCOME_PARTS
    assert not composed & {k for k, i in by_key.items() if i.group in ("forms", "mechanisms",
                                                                       "effects")}


def test_no_shipped_rule_scores_an_empty_measure():
    """An indicator without evidence is not applicable, never a made-up value (issue 8)."""
    assert all(rule.empty is None for rule in default_rulebook().rules)


def test_every_shipped_rule_cites_the_paper():
    for rule in default_rulebook().rules:
        assert rule.citation.section and rule.citation.quote


def test_a_minimal_rule_file_parses():
    book = parse_rulebook(MINIMAL, "rules.yaml")
    assert [r.id for r in book.rules] == ["alpha_count"]


def _problem(text: str) -> str:
    with pytest.raises(ScenarioError) as caught:
        parse_rulebook(text, "rules.yaml")
    return str(caught.value.problems[0])


def test_an_unknown_key_is_refused_with_its_line():
    text = MINIMAL.replace("    scale: [0, 10]\n", "    scale: [0, 10]\n    colour: red\n")
    assert _problem(text) == "rules.yaml:13:5: rules.0.colour: unknown key 'colour'"


def test_an_event_kind_that_does_not_exist_is_refused():
    text = MINIMAL.replace("kind: accountability", "kind: acountability")
    message = _problem(text)
    assert message == ("rules.yaml:11:23: rules.0.measure.count.kind: "
                       "event kind 'acountability' does not exist")


def test_a_weight_out_of_range_is_refused():
    text = MINIMAL.replace("    scale: [0, 10]\n", "    scale: [0, 10]\n    weight: 50\n")
    message = _problem(text)
    assert message.startswith("rules.yaml:13:5: rules.0.weight:")
    assert "less than or equal to 10" in message


def test_a_circular_composition_is_refused():
    text = MINIMAL.replace(
        "    citation: {section: 一.1, quote: 引文}\nrules:",
        "    citation: {section: 一.1, quote: 引文}\n    compose: {alpha: 1}\nrules:")
    message = _problem(text)
    assert message == "rules.yaml:8:14: indicators.0.compose: circular composition through 'alpha'"


def test_a_template_may_not_reach_into_objects():
    text = MINIMAL.replace("共 {measured:.0f} 次", "{measured.__class__}")
    assert "may only use {measured} and {value}" in _problem(text)


def test_a_rule_feeding_an_unknown_indicator_is_refused():
    text = MINIMAL.replace("    key: alpha\n    measure", "    key: beta\n    measure")
    assert "unknown indicator 'beta'" in _problem(text)


def test_the_shipped_file_is_where_the_loader_says():
    assert RULES_FILE.exists()
