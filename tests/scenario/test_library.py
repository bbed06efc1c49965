"""The scenario library: every shipped scenario is clean, bilingual, annotated, and shows the
contrast its instructor's note promises when computer officials play it.

The contrast tests play seeded bot games under a communicative and a pressure-type superior and
compare the score report's figures. Their margins are about half the differences measured when
the scenarios were calibrated (the note of each test gives those means), so they fail if the
mechanics stop producing the contrast, not if a decimal moves.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from statistics import mean
from typing import Any

import pytest

from game.engine.events import EVENT_KINDS
from game.engine.game import Game
from game.engine.moves import MOVE_ADAPTER
from game.headless import play_game
from game.scenario.lint import lint
from game.scenario.loader import load_scenario, plain, read_yaml
from game.scenario.models import EventEffects, Relation, Scenario, ScenarioEvent, Task, Text, Unit
from game.scoring.overrides import check_overrides
from game.scoring.report import score_game
from game.scoring.rules import default_rulebook, known_rule_ids

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = sorted((ROOT / "scenarios").glob("*.yaml"))
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2}")
STYLES = ("communicative", "pressure")


# ----- every scenario: clean, bilingual, annotated ----------------------------------------------


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_validates_with_an_empty_lint(path: Path) -> None:
    scenario = load_scenario(path)
    problems = lint(scenario, path, known_rules=known_rule_ids())
    problems += check_overrides(scenario, path)
    assert [str(p) for p in problems] == []


def _texts(node: Any, where: str = "") -> list[tuple[str, dict[str, str]]]:
    if isinstance(node, dict):
        if set(node) == set(Text.model_fields):
            return [(where, node)]
        return [hit for key, value in node.items() for hit in _texts(value, f"{where}.{key}")]
    if isinstance(node, list):
        return [hit for i, value in enumerate(node) for hit in _texts(value, f"{where}[{i}]")]
    return []


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_every_text_is_in_both_languages(path: Path) -> None:
    texts = _texts(load_scenario(path).model_dump())
    assert texts
    for where, text in texts:
        assert CJK.search(text["zh"]), f"{where}: no Chinese in zh"
        assert LATIN.search(text["en"]), f"{where}: no English in en"
        assert text["zh"].strip() != text["en"].strip(), where


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_the_briefing_cites_the_paper_by_section(path: Path) -> None:
    briefing = load_scenario(path).briefing
    assert re.search(r"杨华、张丹丹 2022，[一二三四]", briefing.zh)
    assert re.search(r"Yang & Zhang 2022, section (I|II|III|IV)\b", briefing.en)  # in English


def _known_words() -> set[str]:
    """Every snake_case word a note may use: score keys, rule ids, event and move kinds, fields."""
    book = default_rulebook()
    words = {i.key for i in book.indicators} | {r.id for r in book.rules} | set(EVENT_KINDS)
    words |= {kind for kind in MOVE_ADAPTER.json_schema()["discriminator"]["mapping"]}
    for model in (Scenario, Unit, Relation, Task, ScenarioEvent, EventEffects):
        words |= set(model.model_fields)
    return words


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_the_note_names_real_score_keys_and_asks_questions(path: Path) -> None:
    notes = load_scenario(path).notes
    assert notes is not None
    known = _known_words()
    for text in (notes.zh, notes.en):
        words = set(re.findall(r"(?<![A-Za-z_])[a-z]+(?:_[a-z]+)*(?![A-Za-z_])", text))
        snake = {w for w in words if "_" in w}
        assert snake - known == set(), "the note names keys the game does not have"
    # Which indicators to watch, named by their labels (not ids): tests/scenario/test_notes.py.
    assert "讨论" in notes.zh and "Discuss" in notes.en


# ----- seeded games ------------------------------------------------------------------------


def _data(name: str) -> dict[str, Any]:
    path = ROOT / "scenarios" / f"{name}.yaml"
    return plain(read_yaml(path.read_text(encoding="utf-8"), str(path)))  # type: ignore[no-any-return]


@cache
def _scenario(name: str, variant: str = "") -> Scenario:
    data = copy.deepcopy(_data(name))
    VARIANTS[variant](data)
    return Scenario.model_validate(data)


@cache
def _games(
    name: str, superior: str, subordinate: str, seeds: int = 20, variant: str = ""
) -> tuple[Game, ...]:
    scenario = _scenario(name, variant)
    return tuple(play_game(scenario, seed, superior, subordinate) for seed in range(seeds))


@cache
def _scores(
    name: str, superior: str, subordinate: str, seeds: int = 20, variant: str = ""
) -> tuple[dict[str, Any], ...]:
    return tuple(score_game(g) for g in _games(name, superior, subordinate, seeds, variant))


def value(
    name: str,
    key: str,
    superior: str,
    subordinate: str = "honest",
    seeds: int = 20,
    variant: str = "",
) -> float:
    """Mean of a score indicator over seeded games."""
    scores = _scores(name, superior, subordinate, seeds, variant)
    return mean(float(s["indicators"][key]["value"]) for s in scores)


def measured(
    name: str,
    rule_id: str,
    superior: str,
    subordinate: str = "honest",
    seeds: int = 20,
    variant: str = "",
) -> float:
    """Mean of a rule's measure over seeded games (games with nothing to measure left out)."""
    values: list[float] = []
    for score in _scores(name, superior, subordinate, seeds, variant):
        for entry in score["indicators"].values():
            for rule in entry["rules"]:
                if rule["id"] == rule_id and rule["measured"] is not None:
                    values.append(float(rule["measured"]))
    return mean(values)


def per_game(
    name: str,
    superior: str,
    subordinate: str,
    fn: Callable[[Game], float],
    seeds: int = 20,
    variant: str = "",
) -> float:
    """Mean of fn(game) over seeded games."""
    return mean(fn(g) for g in _games(name, superior, subordinate, seeds, variant))


def _rigid(data: dict[str, Any]) -> None:
    data["tasks"][0]["regime"] = "ranking"
    data["tasks"][0]["cadence"] = "daily"


def _low_main_responsibility(data: dict[str, Any]) -> None:
    for unit in data["units"]:
        if unit["kind"] == "township":
            unit["main_responsibility"] = 0.15


VARIANTS = {"": lambda data: None, "rigid": _rigid, "low_mr": _low_main_responsibility}


def sanctions_on(unit_id: str) -> Callable[[Game], int]:
    """Counts the sanctions a game brought on one unit."""
    return lambda g: sum(1 for e in g.log if e.kind == "accountability" and e.target == unit_id)


def gap(name: str, key: str, subordinate: str = "honest", seeds: int = 20) -> float:
    """An indicator's mean under communicative superiors minus its mean under pressure-type."""
    comm, press = STYLES
    return value(name, key, comm, subordinate, seeds) - value(name, key, press, subordinate, seeds)


def rule_gap(name: str, rule_id: str, subordinate: str = "honest", seeds: int = 20) -> float:
    """A rule's mean measure under communicative superiors minus that under pressure-type."""
    comm, press = STYLES
    return measured(name, rule_id, comm, subordinate, seeds) - measured(
        name, rule_id, press, subordinate, seeds
    )


def ratio(name: str, key: str, subordinate: str = "honest", seeds: int = 20) -> float:
    """An indicator's mean under pressure-type superiors over its mean under communicative."""
    comm, press = STYLES
    return value(name, key, press, subordinate, seeds) / max(
        0.1, value(name, key, comm, subordinate, seeds)
    )


# ----- tutorial and double_rice -------------------------------------------------------------


def test_tutorial_explanations_are_heard_and_notices_cost_less_time() -> None:
    """Measured (20 seeds, honest; communicative vs pressure): objective_attribution 71 vs 23,
    formalism 3.5 vs 32, accountability 0.15 vs 3.4, delivered_vs_original 105 vs 103."""
    assert gap("tutorial", "objective_attribution") > 25
    assert gap("tutorial", "formalism") < -15
    assert ratio("tutorial", "accountability_events") > 3
    for superior in STYLES:
        assert value("tutorial", "delivered_vs_original", superior) >= 100


def test_double_rice_knowing_the_facts_buys_attribution_and_support_not_pressure() -> None:
    """Measured (20 seeds, honest): objective_attribution 77 vs 19, supporting policy per
    carrier 0.83 vs 0.11, delivered_vs_original 94 vs 82 (capacity is below the target)."""
    assert gap("double_rice", "objective_attribution") > 30
    assert rule_gap("double_rice", "oa_supporting_policy") > 0.35
    assert 85 < value("double_rice", "delivered_vs_original", "communicative") < 100
    assert gap("double_rice", "delivered_vs_original") > 5


def test_double_rice_gaming_collusion_rises_yet_stays_below_pressure() -> None:
    """Measured (20 seeds, communicative): collusion 1.6 honest vs 18 gaming; pressure and
    gaming: 33."""
    honest = value("double_rice", "collusion", "communicative", "honest")
    gaming = value("double_rice", "collusion", "communicative", "gaming")
    assert gaming > honest + 8
    assert gap("double_rice", "collusion", "gaming") < -6


# ----- hotline_12345 (一.2) -------------------------------------------------------------------


def test_hotline_problems_beyond_a_township_are_taken_up_not_sanctioned() -> None:
    """Measured (20 seeds, honest): organizational_coordination 94 vs 44; problems taken up
    0.83 vs 0.30; formalism 9 vs 63; accountability 1.9 vs 32; delivered 103 vs 95."""
    name = "hotline_12345"
    assert gap(name, "organizational_coordination") > 25
    assert rule_gap(name, "oc_outside_problems_taken_up") > 0.25
    assert gap(name, "formalism") < -25
    assert ratio(name, "accountability_events") > 4
    assert gap(name, "delivered_vs_original") >= 0


def test_hotline_a_rigid_satisfaction_ranking_breeds_formalism_whoever_assesses() -> None:
    """The note's variant under the same superior: formalism 63 rigid vs 28 as shipped (mixed),
    62 vs 9 (communicative); internalized_responsibility 12 vs 33 (mixed)."""
    name = "hotline_12345"
    for superior, margin in (("mixed", 15), ("communicative", 25)):
        rigid = value(name, "formalism", superior, variant="rigid")
        assert rigid > value(name, "formalism", superior) + margin
    rigid = value(name, "internalized_responsibility", "mixed", variant="rigid")
    assert rigid < value(name, "internalized_responsibility", "mixed") - 7


# ----- policy_feedback (一.3) -----------------------------------------------------------------


def test_policy_feedback_research_raises_symmetry_and_feedback_is_heard() -> None:
    """Measured (20 seeds, honest): information symmetry 0.39 vs 0.20; feedback heard 0.61 vs
    0.19; institutional_feedback 88 vs 45; accountability 1.1 vs 9.9; formalism 12 vs 39;
    delivered 101 vs 101."""
    name = "policy_feedback"
    assert rule_gap(name, "jr_information_symmetry") > 0.1
    assert rule_gap(name, "if_feedback_heard") > 0.2
    assert gap(name, "institutional_feedback") > 20
    assert ratio(name, "accountability_events") > 3
    assert gap(name, "formalism") < -12
    assert abs(gap(name, "delivered_vs_original")) < 3


# ----- beautiful_houses (二.2) ----------------------------------------------------------------


def test_beautiful_houses_pressure_puts_a_fuzzy_task_on_paper() -> None:
    """Measured (20 seeds, mixed): symbolic_execution 1.0 vs 10; formalism 0.1 vs 32;
    collective_consensus 43 vs 16; differentiated_incentives 61 vs 36; delivered 109 vs 102."""
    name = "beautiful_houses"
    assert gap(name, "symbolic_execution", "mixed") < -4
    assert gap(name, "formalism", "mixed") < -12
    assert gap(name, "collective_consensus", "mixed") > 12
    assert gap(name, "differentiated_incentives", "mixed") > 12
    assert gap(name, "delivered_vs_original", "mixed") > 0


def test_beautiful_houses_communicative_superiors_hear_false_excuses_too() -> None:
    """The honest side of the note: untrue excuses accepted 0.53 vs 0.09 (mixed)."""
    assert rule_gap("beautiful_houses", "co_false_excuses_accepted", "mixed") > 0.1


def test_beautiful_houses_without_main_responsibility_pressure_drifts_into_collusion() -> None:
    """The note's variant (pressure, gaming): collusion 25 with every township at 0.15 against
    15 as shipped."""
    name = "beautiful_houses"
    low = value(name, "collusion", "pressure", "gaming", variant="low_mr")
    assert low > value(name, "collusion", "pressure", "gaming") + 5


# ----- social_security_check (三, third effect) ------------------------------------------------


def _k_completion(game: Game) -> float:
    assignment = game.assignments[("k_town", "verification")]
    return assignment.delivered / assignment.capacity0


def test_social_security_k_town_given_time_finishes_and_is_spared_notices() -> None:
    """Measured (20 seeds, honest): K town completes 0.92 vs 0.78 of its capacity; sanctions on
    K town 0.35 vs 6.95; local_autonomy 65 vs 34; grace periods per carrier 0.33 vs 0.11."""
    name, (comm, press) = "social_security_check", STYLES
    completion = {s: per_game(name, s, "honest", _k_completion) for s in STYLES}
    sanctions = {s: per_game(name, s, "honest", sanctions_on("k_town")) for s in STYLES}
    assert completion[comm] > completion[press] + 0.07
    assert sanctions[comm] < sanctions[press] / 4
    assert gap(name, "local_autonomy") > 15
    assert rule_gap(name, "la_time_flexibility") > 0.1


# ----- c_county (三, first effect) -------------------------------------------------------------


def test_c_county_a_year_of_central_tasks_stays_routine_under_communication() -> None:
    """Measured (10 seeds, honest): routinized_campaigns 59 vs 29; over-mobilized township
    months 0.5% vs 19%; formalism 20 vs 60; accountability 4.7 vs 86; delivered 104 vs 104."""
    name, seeds = "c_county", 10
    assert gap(name, "routinized_campaigns", seeds=seeds) > 15
    assert rule_gap(name, "rc_no_over_mobilization", seeds=seeds) < -0.08
    assert ratio(name, "formalism", seeds=seeds) > 2
    assert ratio(name, "accountability_events", seeds=seeds) > 5
    assert abs(gap(name, "delivered_vs_original", seeds=seeds)) < 3


def test_c_county_the_hotline_ratchets_every_quarter() -> None:
    """The recurring hotline closes four quarters and ratchets three times."""
    for game in _games("c_county", "communicative", "honest", 10):
        closed = [e for e in game.log if e.kind == "task_closed" and e.task == "hotline"]
        ratchets = [e for e in game.log if e.kind == "ratchet" and e.task == "hotline"]
        assert len(closed) == 4 and len(ratchets) == 3


# ----- pressure_system (四) --------------------------------------------------------------------


def test_pressure_system_one_way_mobilization_breeds_the_pathologies_of_section_four() -> None:
    """Measured (20 seeds, mixed): formalism 78 vs 100; accountability 14 vs 93; symbolic
    execution 3.4 vs 14 (recognised from behaviour since issue 8: paper and withheld effort,
    not the labelled moves); collusion 22 vs 38; delivered_vs_original 106 vs 83."""
    name = "pressure_system"
    assert gap(name, "formalism", "mixed") < -15
    assert ratio(name, "accountability_events", "mixed") > 3
    assert gap(name, "symbolic_execution", "mixed") < -8
    assert gap(name, "collusion", "mixed") < -7
    assert value(name, "delivered_vs_original", "pressure", "mixed") < 100
    assert value(name, "delivered_vs_original", "communicative", "mixed") >= 100


def _inspection_sanctions(game: Game) -> int:
    return sum(
        1 for e in game.log if e.kind == "accountability" and e.data["source"] == "inspection"
    )


def test_pressure_system_communication_buffers_but_cannot_replace_room_to_negotiate() -> None:
    """Communicative superiors here still see formalism far above the tutorial's (68 vs 3.5)
    and sanctions from the cross-level inspection in every game."""
    comm = "communicative"
    assert (
        value("pressure_system", "formalism", comm, "mixed")
        > value("tutorial", "formalism", comm) + 40
    )
    for game in _games("pressure_system", comm, "mixed"):
        assert _inspection_sanctions(game) > 0
