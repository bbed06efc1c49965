"""A scenario's scoring overrides are checked when the file is read, not when a game ends."""

from __future__ import annotations

import pytest

from game.scenario.loader import read_scenario
from game.scenario.reader import Problem
from game.scoring.overrides import override_problems
from game.scoring.rule_checks import check_template
from tests.scenario.helpers import MINIMAL

RULE = """\
scoring:
  rules:
    - id: probe
      key: formalism
      measure: {{count: {{kind: report_progress, where: {where}}}}}
      explanation: {{zh: "{zh}", en: "x"}}
      citation: {{section: 一, quote: q}}
"""
RULE_LINE = MINIMAL.count("\n") + 3  # the rule's first line (`- id: probe`)


def problems(where: str = "{}", zh: str = "计数 {measured}", tail: str = "") -> list[Problem]:
    text = MINIMAL + RULE.format(where=where, zh=zh) + tail
    scenario, reading = read_scenario(text, "o.yaml")
    return override_problems(scenario, reading.root, "o.yaml")


@pytest.mark.parametrize("template", [
    "{measured}", "{value}", "{measured:.0%}", "{measured:.2f}", "{value:>20.1f}",
    "{measured:,.0f}", "{measured:08.3e}", "{{braces}} {measured:g}", "no fields at all",
])
def test_numeric_templates_are_accepted(template: str) -> None:
    assert check_template(template) == template


@pytest.mark.parametrize("template", [
    "{measured:d}", "{measured:>1500000000}", "{measured:>21}", "{measured:.11f}",
    "{measured:s}", "{measured!r}", "{measured:{value}}", "{other}", "{0}", "{}",
    "{measured.real}", "{measured[0]}", "{", "}",
])
def test_other_templates_are_refused(template: str) -> None:
    with pytest.raises(ValueError, match="template|not allowed"):
        check_template(template)


def test_a_refused_template_is_located_on_its_line() -> None:
    found = problems(zh="{measured:d}")
    assert [(p.line, p.message.split(":")[0]) for p in found] == [
        (RULE_LINE + 3, "scoring.rules.0.explanation.zh")]


@pytest.mark.parametrize(("where", "words"), [
    ("{turn: {gt: abc}}", "'gt' on 'turn' needs a number, not 'abc'"),
    ("{turn: {lte: true}}", "'lte' on 'turn' needs a number"),
    ("{turn: {gte: .inf}}", "'gte' on 'turn' needs a number"),
    ("{actor: {in: hexi}}", "'in' on 'actor' needs a list"),
    ("{actor: {in: [[a]]}}", "'in' on 'actor' needs a list of plain values"),
    ("{actor: [a, b]}", "'eq' on 'actor' needs a plain value"),
])
def test_operands_of_the_wrong_type_are_located(where: str, words: str) -> None:
    found = problems(where=where)
    assert len(found) == 1
    assert found[0].line == RULE_LINE + 2
    assert words in found[0].message


def test_well_typed_operands_pass() -> None:
    assert problems(where="{turn: {gt: 1, lte: 4.5}, actor: {in: [a, 1, true]}, kind: x}") == []


def test_texts_given_numbers_are_located() -> None:
    text = MINIMAL + RULE.format(where="{}", zh="x").replace('zh: "x"', "zh: 1")
    scenario, reading = read_scenario(text, "o.yaml")
    found = override_problems(scenario, reading.root, "o.yaml")
    assert [(p.line, "valid string" in p.message) for p in found] == [(RULE_LINE + 3, True)]


def test_unknown_weights_and_thresholds_are_located() -> None:
    text = MINIMAL + "scoring:\n  weights: {nope: 1}\n  thresholds: {nada: 2}\n"
    scenario, reading = read_scenario(text, "o.yaml")
    found = override_problems(scenario, reading.root, "o.yaml")
    assert [(p.line, p.message) for p in found] == [
        (RULE_LINE - 1, "scoring override names unknown rule 'nope'"),
        (RULE_LINE, "scoring override names unknown rule 'nada'"),
    ]
