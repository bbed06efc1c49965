"""Balance: results independent of the number of processes; flags from a pure function."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.balance import (
    PAIRINGS,
    balance_flags,
    balance_report,
    dominant_pairing,
    percentile,
    render_balance,
    spread,
)
from game.scenario.loader import load_scenario

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "double_rice.yaml"


@pytest.fixture(scope="module")
def reports() -> tuple[dict, dict]:
    scenario = load_scenario(SCENARIO)
    return balance_report(scenario, 3, 1), balance_report(scenario, 3, 2, io.StringIO())


def test_one_and_two_processes_give_the_same_numbers(reports: tuple[dict, dict]) -> None:
    single, double = reports
    assert single["indicators"] == double["indicators"]
    assert single["flags"] == double["flags"]


def test_every_pairing_has_every_statistic(reports: tuple[dict, dict]) -> None:
    indicators = reports[0]["indicators"]
    assert "delivered_vs_original" in indicators and "mean_overload" in indicators
    for by_pairing in indicators.values():
        assert len(by_pairing) == len(PAIRINGS) == 9
        for figures in by_pairing.values():
            assert list(figures) == ["mean", "sd", "min", "p10", "p50", "p90", "max"]
            assert figures["min"] <= figures["p10"] <= figures["p50"] <= figures["max"]


def test_rendered_report_names_each_pairing(reports: tuple[dict, dict]) -> None:
    text = render_balance(reports[0])
    assert "communicative/honest" in text and "pressure/gaming" in text


def test_progress_bar_counts_every_game() -> None:
    stream = io.StringIO()
    balance_report(load_scenario(SCENARIO), 1, 1, stream)
    assert f"{len(PAIRINGS)}/{len(PAIRINGS)} games" in stream.getvalue()


def test_spread_of_known_values() -> None:
    figures = spread([1.0, 2.0, 3.0, 4.0, 5.0])
    assert figures["mean"] == 3.0 and figures["p50"] == 3.0
    assert figures["min"] == 1.0 and figures["max"] == 5.0
    assert figures["p10"] == pytest.approx(1.4)
    assert percentile([7.0], 0.9) == 7.0


def _means(**by_indicator: dict[str, float]) -> dict[str, dict[str, float]]:
    return dict(by_indicator)


def test_a_pairing_best_on_every_indicator_is_flagged() -> None:
    means = _means(
        delivered_vs_original={"a/x": 104.0, "b/y": 98.0},
        accountability_events={"a/x": 1.0, "b/y": 5.0},
        events={"a/x": 10.0, "b/y": 900.0},  # not ranked: does not save b/y
    )
    assert dominant_pairing(means) == "a/x"
    assert [f["code"] for f in balance_flags(means)] == ["dominant"]


def test_a_trade_off_is_not_flagged() -> None:
    means = _means(
        delivered_vs_original={"a/x": 104.0, "b/y": 101.0},
        accountability_events={"a/x": 6.0, "b/y": 2.0},
    )
    assert dominant_pairing(means) is None
    assert balance_flags(means) == []


def test_lower_is_better_where_it_should_be() -> None:
    means = _means(mean_overload={"a/x": 1.3, "b/y": 0.9})
    assert dominant_pairing(means) == "b/y"


def test_no_pairing_reaching_the_original_target_is_flagged() -> None:
    means = _means(
        delivered_vs_original={"a/x": 97.0, "b/y": 99.5},
        mean_overload={"a/x": 0.9, "b/y": 1.1},
    )
    flags = balance_flags(means)
    assert [f["code"] for f in flags] == ["target_out_of_reach"]
    assert "b/y" in flags[0]["message"]
