"""The score report: values, contributions, evidence, overrides, edge cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.game import Game
from game.headless import play_game
from game.scenario.loader import load_scenario
from game.scoring.report import score_game
from game.scoring.rules import RuleBook, default_rulebook
from tests.scoring.test_rules_file import GAME_KEYS

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def tutorial():
    return load_scenario(ROOT / "scenarios" / "tutorial.yaml")


@pytest.fixture(scope="module")
def finished(tutorial):
    return play_game(tutorial, 3, "pressure", "gaming")


def test_every_key_is_scored_between_bounds(finished):
    report = score_game(finished)
    assert set(report["indicators"]) == GAME_KEYS
    for key, entry in report["indicators"].items():
        if entry["unit"] == "score":
            assert 0 <= entry["value"] <= 100, key


def test_rule_contributions_add_up_to_the_value(finished):
    for entry in score_game(finished)["indicators"].values():
        if entry["composed_of"]:
            continue
        total = sum(rule["contribution"] for rule in entry["rules"])
        assert total == pytest.approx(entry["value"], abs=0.05)


def test_evidence_points_at_events_of_the_measured_kind(finished):
    report = score_game(finished)
    evidence = report["indicators"]["accountability_events"]["evidence"]
    assert evidence
    assert {finished.log[seq].kind for seq in evidence} == {"accountability"}
    assert report["indicators"]["accountability_events"]["value"] == sum(
        1 for e in finished.log if e.kind == "accountability")


def test_resilience_follows_its_documented_formula(finished):
    report = score_game(finished)["indicators"]
    resilience = next(i for i in default_rulebook().indicators if i.key == "resilience")
    parts = [(w, 100 - min(100, report[k]["value"]) if k in resilience.invert
              else min(100, report[k]["value"])) for k, w in resilience.compose.items()]
    expected = sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    assert report["resilience"]["value"] == pytest.approx(expected, abs=0.01)


def test_a_game_scored_before_its_first_turn_ends_gives_a_defined_report(tutorial):
    game = Game(tutorial, seed=1)
    report = score_game(game)
    assert set(report["indicators"]) == GAME_KEYS
    assert report["indicators"]["accountability_events"]["value"] == 0


def test_a_one_turn_game_gives_a_defined_report(tutorial):
    data = tutorial.model_dump()
    data["turns"] = 1
    data["tasks"][0]["deadline"] = 1
    data["events"] = []
    game = play_game(type(tutorial).model_validate(data), 0, None, None)
    report = score_game(game)
    assert report["figure1"]["reclaim"]["original"] == 3000
    assert json.dumps(report)


def test_a_weight_override_changes_the_indicator(tutorial, finished):
    plain = score_game(finished)["indicators"]["formalism"]["value"]
    data = tutorial.model_dump()
    data["scoring"]["weights"] = {"fo_daily_reports": 0, "fo_rework": 0}
    changed = type(tutorial).model_validate(data)
    game = play_game(changed, 3, "pressure", "gaming")
    value = score_game(game)["indicators"]["formalism"]["value"]
    only_time = next(r for r in score_game(game)["indicators"]["formalism"]["rules"]
                     if r["id"] == "fo_time_on_formalities")["value"]
    assert value == pytest.approx(only_time, abs=0.01)
    assert value != plain


def test_a_scenario_can_add_a_rule_of_its_own(tutorial):
    data = tutorial.model_dump()
    data["scoring"]["rules"] = [{
        "id": "my_research", "key": "institutional_feedback", "weight": 5,
        "measure": {"count": {"kind": "research_visit"}}, "scale": [0, 1],
        "explanation": {"zh": "调研 {measured:.0f} 次", "en": "{measured:.0f} visits"},
        "citation": {"section": "一.3", "quote": "上级政府深入下级调研"},
    }]
    game = play_game(type(tutorial).model_validate(data), 3, "communicative", "honest")
    rules = score_game(game)["indicators"]["institutional_feedback"]["rules"]
    assert "my_research" in [r["id"] for r in rules]


def test_adding_an_indicator_needs_only_the_rule_file(finished):
    data = default_rulebook().model_dump(mode="json")
    data["indicators"].append({
        "key": "meetings", "group": "forms", "label": {"zh": "会议", "en": "Meetings"},
        "description": {"zh": "会议", "en": "Meetings"},
        "citation": {"section": "一.3", "quote": "召集相关座谈会"},
    })
    data["rules"].append({
        "id": "meetings_count", "key": "meetings",
        "measure": {"count": {"kind": ["symposium", "mobilization_meeting"]}},
        "explanation": {"zh": "{measured:.0f}", "en": "{measured:.0f}"},
        "citation": {"section": "一.3", "quote": "召集相关座谈会"},
    })
    report = score_game(finished, RuleBook.model_validate(data))
    meetings = sum(1 for e in finished.log if e.kind in ("symposium", "mobilization_meeting"))
    assert report["indicators"]["meetings"]["value"] == meetings


def test_debrief_series_cover_every_turn(finished):
    report = score_game(finished)
    assert report["series"]["turns"] == list(range(1, finished.turn + 1))
    progress = report["series"]["progress"]["reclaim"]
    assert len(progress["delivered"]) == finished.turn
    assert progress["delivered"][-1] == pytest.approx(report["figure1"]["reclaim"]["delivered"],
                                                      rel=1e-3)


def test_figure_one_shows_the_markup_at_each_level(finished):
    figure = score_game(finished)["figure1"]["reclaim"]
    assert figure["original"] == 3000
    assert figure["escalated"][0] == 3000
    assert figure["escalated"][1] > figure["escalated"][0]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_play_json_prints_every_key_with_evidence(path):
    done = subprocess.run([sys.executable, "main.py", "play", str(path), "--seed", "2", "--json"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert set(report["score"]["indicators"]) == GAME_KEYS
    for entry in report["score"]["indicators"].values():
        assert "evidence" in entry and "citation" in entry and entry["rules"] is not None


def test_compare_superior_reports_both_games_and_their_differences():
    done = subprocess.run([sys.executable, "main.py", "play", "scenarios/tutorial.yaml",
                           "--superior", "communicative", "--compare-superior", "pressure",
                           "--json"], cwd=ROOT, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    first, second = report["games"]
    assert (first["superior_style"], second["superior_style"]) == ("communicative", "pressure")
    assert first["subordinate_style"] == second["subordinate_style"]
    key = "accountability_events"
    assert report["differences"][key] == pytest.approx(
        second["score"]["indicators"][key]["value"] - first["score"]["indicators"][key]["value"])
