"""A tab is refused the same way whichever YAML reader looks at the file first."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import ScenarioError, parse_scenario

TUTORIAL = (Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.yaml").read_text(
    encoding="utf-8")


def test_a_tab_after_a_colon_is_a_located_error() -> None:
    text = TUTORIAL.replace("turns: 6\n", "turns:\t6\n", 1)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "s.yaml")
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == ("s.yaml", text[: text.index("\t")].count("\n") + 1)
    assert "'\\t'" in problem.message
