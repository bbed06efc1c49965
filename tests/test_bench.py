"""The benchmark command: structure of its table and JSON (timings are never asserted)."""

from __future__ import annotations

import json

import pytest

from game.bench import COLUMNS, GOALS, run_bench


@pytest.fixture(scope="module")
def quick_json() -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_bench(as_json=True, quick=True) == 0
    return json.loads(out.getvalue())


def test_json_has_a_row_per_size_with_every_column(quick_json: dict) -> None:
    rows = quick_json["sizes"]
    assert [row["size"] for row in rows] == ["county", "city", "province"]
    for row in rows:
        assert {key for _, key, _ in COLUMNS} <= set(row)
        assert row["turns"] == 12
        assert row["units"] > 0 and row["turn_ms"] > 0


def test_units_grow_from_county_to_province(quick_json: dict) -> None:
    units = [row["units"] for row in quick_json["sizes"]]
    assert units == sorted(units) and len(set(units)) == 3


def test_ratios_are_relative_to_the_county(quick_json: dict) -> None:
    county = quick_json["sizes"][0]
    assert county["turn_per_unit"] == pytest.approx(1.0)
    assert county["load_per_unit"] == pytest.approx(1.0)


def test_county_game_and_scoring_entries_name_their_goals(quick_json: dict) -> None:
    game = quick_json["county_game"]
    assert game["turns"] == 12 and game["goal_s"] == GOALS["county_game_s"]
    scoring = game["scoring"]
    assert scoring["goal_share"] == GOALS["scoring_share"]
    if scoring["available"]:
        assert scoring["share_of_play"] is not None
    else:
        assert scoring["score_s"] is None


def test_table_prints_every_column_and_goal(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_bench(as_json=False, quick=True) == 0
    text = capsys.readouterr().out
    header = next(line for line in text.splitlines() if line.startswith("size"))
    for title, _, _ in COLUMNS:
        assert title in header
    for size in ("county", "city", "province"):
        assert any(line.startswith(size) for line in text.splitlines())
    assert "< 20 ms" in text and "< 2000 ms" in text
    assert "county game" in text and "scoring" in text
