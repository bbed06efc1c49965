"""The evaluator's vocabulary on a hand-made log."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.scoring.evaluate import Context, measure, scale
from game.scoring.rules import Measure

ROOT = Path(__file__).resolve().parents[2]
MEASURE = TypeAdapter(Measure)


@pytest.fixture()
def context():
    game = Game(load_scenario(ROOT / "scenarios" / "tutorial.yaml"), seed=0,
                humans=["county_agri", "hexi", "shanqian", "liutang"])
    game.log.append(1, "assess", "accountability", actor="county_agri", target="hexi",
                    data={"sanction": "notice", "source": "regime", "rework": 5.0})
    game.log.append(1, "assess", "accountability", actor="county_agri", target="shanqian",
                    data={"sanction": "talk", "source": "discretion", "rework": 8.0})
    game.log.append(1, "assess", "incentive", actor="county_agri", target="liutang",
                    data={"incentive": "spiritual"})
    return Context(game)


def value(context, spec):
    return measure(context, MEASURE.validate_python(spec))


def test_count_with_a_condition(context):
    result, evidence = value(context, {"count": {"kind": "accountability",
                                                 "where": {"data.source": "regime"}}})
    assert result == 1
    assert [context.game.log[s].target for s in evidence] == ["hexi"]


def test_sum_and_mean_of_a_field(context):
    assert value(context, {"sum": {"kind": "accountability", "field": "data.rework"}})[0] == 13
    assert value(context, {"mean": {"kind": "accountability", "field": "data.rework"}})[0] == 6.5


def test_share_passing_a_test(context):
    result, _ = value(context, {"share": {"kind": "accountability",
                                          "test": {"data.rework": {"gt": 6}}}})
    assert result == 0.5


def test_distinct_values(context):
    spec = {"distinct": {"kind": ["accountability", "incentive"], "field": "data.sanction"}}
    assert value(context, spec)[0] == 2


def test_ratio_over_nothing_is_unmeasurable(context):
    spec = {"ratio": {"numerator": {"count": {"kind": "accountability"}},
                      "denominator": {"count": {"kind": "research_visit"}}}}
    assert value(context, spec)[0] is None


def test_rate_per_carrier(context):
    spec = {"rate": {"measure": {"count": {"kind": "accountability"}}, "per": "carriers"}}
    assert value(context, spec)[0] == pytest.approx(2 / 3)


def test_unit_kinds_can_be_filtered(context):
    spec = {"count": {"kind": "accountability", "where": {"target_kind": "township"}}}
    assert value(context, spec)[0] == 2


def test_scale_is_linear_clipped_and_invertible():
    assert scale(0.5, (0, 1)) == 50
    assert scale(2, (0, 1)) == 100
    assert scale(0.25, (1, 0)) == 75
    assert scale(7, None) == 7
