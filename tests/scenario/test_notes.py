"""The instructor's notes state only what the game produces (issue 8), in words (issue 10).

`NOTES` holds, for every shipped scenario, each checkable claim its note makes: the markups it
names, each contrast between two kinds of game (an indicator, a rule's measure or a probe of the
event log; which side has more; by what ratio or difference), each level it states, and each
figure it takes from the scenario, the parameters or the rulebook. The tests play seeded bot
games and check every claim, so a note cannot promise a contrast the mechanics do not produce.
Two more tests keep the table honest: every percentage or decimal written in a note (in either
language) is one the table checks, and no note names an indicator or rule by its id.

A measure is an indicator's value ("formalism"), a rule's measured figure
("rule:oa_true_explanations_accepted"), an outcome figure ("outcome:mean_formalism", the share of
cadre time on formalities) or a probe of the event log ("probe:daily_orders", see PROBES). Each
is averaged over 8 seeded games per kind of game (6 for c_county). The margins sit well inside
what 20 seeds showed when the notes were written (the comments give those means), so a claim
fails when the mechanics stop producing it, not when a decimal moves.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import fmean
from typing import Any

import pytest

from game.engine.directives import default_split
from game.engine.game import Game
from game.engine.outcome import outcome
from game.engine.params import DEFAULT_PARAMS
from game.scenario.loader import load_scenario, plain, read_yaml
from game.scenario.models import Scenario
from game.scoring.report import score_game
from game.scoring.rules import default_rulebook

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = sorted((ROOT / "scenarios").glob("*.yaml"))
SEEDS = 8
#: c_county plays twelve monthly turns with six tasks: fewer seeds keep the file fast.
SEEDS_BY_SCENARIO = {"c_county": 6}


# ----- the games a claim is measured on -------------------------------------------------------


@dataclass(frozen=True)
class Play:
    """Seeded bot games: the superior and subordinate styles, a variant of the scenario as the
    note describes it ("" for the scenario as shipped), and another scenario when the note
    compares with one ("" for the note's own)."""

    superior: str
    subordinate: str
    variant: str = ""
    scenario: str = ""


C_H, P_H = Play("communicative", "honest"), Play("pressure", "honest")
C_M, P_M = Play("communicative", "mixed"), Play("pressure", "mixed")
C_G, P_G = Play("communicative", "gaming"), Play("pressure", "gaming")


@dataclass(frozen=True)
class Markup:
    """A markup the note names: `task`'s owner `owner` passes down `says` more than it owes.

    `who` is "person" (the split a person's seat is offered, the task's own markup) or the style
    of a computer official ("communicative", "mixed", "pressure")."""

    says: str
    task: str
    owner: str
    who: str


@dataclass(frozen=True)
class Contrast:
    """`measure` is higher in the `more` games than in the `less` games: by at least `ratio`
    times and by at least `gap` (mean over seeds)."""

    measure: str
    more: Play
    less: Play
    ratio: float = 1.0
    gap: float = 0.0
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class Near:
    """`measure` is about the same in the two kinds of game: means within `within`."""

    measure: str
    first: Play
    second: Play
    within: float
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class Level:
    """`measure`'s mean over seeds lies in [low, high]."""

    measure: str
    play: Play
    low: float = float("-inf")
    high: float = float("inf")
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A figure the note takes from the scenario, the parameters or the rulebook: `value(name)`
    returns it, and it must equal `expect`."""

    says: tuple[str, ...]
    value: Callable[[str], float]
    expect: float


@dataclass(frozen=True)
class Claims:
    """Every checkable claim of one scenario's note."""

    markups: tuple[Markup, ...] = ()
    claims: tuple[Contrast | Near | Level, ...] = ()
    facts: tuple[Fact, ...] = ()

    def figures(self) -> set[str]:
        """Every figure (as written: "15%", "0.15") the table checks."""
        said = {m.says for m in self.markups}
        for claim in self.claims:
            said |= set(claim.says)
        for fact in self.facts:
            said |= set(fact.says)
        return said


# ----- probes of a game's event log -----------------------------------------------------------


def _sanctions(game: Game, **where: str) -> float:
    return float(
        sum(
            1
            for e in game.log
            if e.kind == "accountability"
            and all(
                (e.target if key == "target" else e.data.get(key)) == value
                for key, value in where.items()
            )
        )
    )


def _completion(game: Game, unit: str, task: str) -> float:
    assignment = game.assignments[(unit, task)]
    return assignment.delivered / assignment.capacity0


def _others_completion(game: Game) -> float:
    carriers = game.task_by_id["verification"].carriers
    return fmean(_completion(game, u, "verification") for u in carriers if u != "k_town")


def _k_disrupted(game: Game) -> float:
    """1 when a sanction during its preparation made K town rush and lose its fast finish."""
    return float(game.assignments[("k_town", "verification")].prep_disrupted)


def _k_grace_early(game: Game) -> float:
    """1 when K town's request for more time was granted in the first or second turn."""
    return float(
        any(
            e.kind == "request_answered"
            and e.target == "k_town"
            and e.turn <= 2
            and e.data.get("request_kind") == "proposal"
            and e.data.get("accepted")
            for e in game.log
        )
    )


PROBES: dict[str, Callable[[Game], float]] = {
    "daily_orders": lambda g: float(
        sum(1 for e in g.log if e.kind == "set_reporting" and e.data.get("cadence") == "daily")
    ),
    "research_visits": lambda g: float(sum(1 for e in g.log if e.kind == "research_visit")),
    "vetoes": lambda g: _sanctions(g, sanction="veto"),
    "ranking_sanctions": lambda g: _sanctions(g, sanction="ranking"),
    "k_town_sanctions": lambda g: _sanctions(g, target="k_town"),
    "k_town_completion": lambda g: _completion(g, "k_town", "verification"),
    "others_completion": _others_completion,
    "k_town_grace_early": _k_grace_early,
    "k_town_disrupted": _k_disrupted,
    "any_inspection_sanction": lambda g: float(_sanctions(g, source="inspection") > 0),
}


# ----- facts ----------------------------------------------------------------------------------


def _scenario_field(path: str) -> Callable[[str], float]:
    """A number in the scenario as shipped, by a dotted path ("tasks.0.markup")."""

    def read(name: str) -> float:
        node: Any = _data(name)
        for part in path.split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]
        return float(node)

    return read


def _over_mobilization_threshold(name: str) -> float:
    """How far beyond its time a township must work to count as over-mobilized (rulebook)."""
    rule = next(r for r in default_rulebook().rules if r.id == "rc_no_over_mobilization")
    test = rule.measure.model_dump()["share"]["test"]
    return round(float(test["data.overload"]["gt"]) - 1.0, 4)


def _param(name_: str, minus: float = 0.0) -> Callable[[str], float]:
    """A mechanics constant (minus `minus`: 1.45 times as fast is 45% faster)."""
    return lambda name: round(float(getattr(DEFAULT_PARAMS, name_)) - minus, 4)


def _task_field(task_id: str, key: str) -> Callable[[str], float]:
    """A number of one task in the scenario as shipped."""
    return lambda name: float(next(t for t in _data(name)["tasks"] if t["id"] == task_id)[key])


def _k_town_preparation(name: str) -> float:
    """The turns K town spends gathering data before it visits households."""
    task = next(t for t in _data(name)["tasks"] if t["id"] == "verification")
    return float(task["slow_start"]["k_town"])


#: The note's variant of beautiful_houses: every township's main responsibility set this low.
LOW_MAIN_RESPONSIBILITY = 0.15


# ----- the table ------------------------------------------------------------------------------

NOTES: dict[str, Claims] = {
    # 20 seeds, honest subordinates, communicative vs pressure-type: truthful explanations
    # accepted 0.65 vs 0.33; supporting policy 0.73 vs 0.12; sanctions 0.4 vs 3.5; daily orders
    # 0.3 vs 1.75; formalism 8.8 vs 35, overload 12 vs 39; time on formalities 7.4% vs 10.5%,
    # workload 80% vs 92% of the time available; delivered 104.5 vs 103.0.
    "tutorial": Claims(
        markups=(
            Markup("15%", "reclaim", "county_agri", "person"),
            Markup("16%", "reclaim", "county_agri", "communicative"),
            Markup("20%", "reclaim", "county_agri", "mixed"),
            Markup("24%", "reclaim", "county_agri", "pressure"),
        ),
        claims=(
            Level("delivered_vs_original", C_H, low=100, says=("100%",)),
            Level("delivered_vs_original", P_H, low=100),
            Contrast("delivered_vs_original", C_H, P_H, gap=0.0),
            Level("rule:oa_true_explanations_accepted", C_H, low=0.5),
            Level("rule:oa_true_explanations_accepted", P_H, high=0.45),
            Contrast("rule:oa_true_explanations_accepted", C_H, P_H, gap=0.15),
            Contrast("rule:oa_supporting_policy", C_H, P_H, gap=0.3),
            Level("accountability_events", C_H, high=1.0),
            Contrast("accountability_events", P_H, C_H, ratio=4),
            Contrast("probe:daily_orders", P_H, C_H, ratio=2),
            Contrast("formalism", P_H, C_H, ratio=2.5),
            Contrast("overload", P_H, C_H, ratio=2),
            Level("outcome:mean_formalism", C_H, 0.05, 0.09, says=("7%",)),
            Level("outcome:mean_formalism", P_H, 0.09, 0.12, says=("10%",)),
            Level("outcome:mean_overload", C_H, 0.75, 0.85, says=("80%",)),
            Level("outcome:mean_overload", P_H, 0.87, 0.97, says=("92%",)),
        ),
    ),
    # 20 seeds, honest: explanations accepted 0.71 vs 0.21; supporting policy 0.74 vs 0.08;
    # delivered 94 vs 81; sanctions 2.7 vs 51; formalism 14 vs 86. Gaming: collusion 2.0 honest
    # vs 20.7 gaming (communicative), 32 under pressure; untrue excuses accepted 0.18; false
    # figures on record 0.027 vs 0.067.
    "double_rice": Claims(
        markups=(
            Markup("10%", "double_rice", "county_agri", "person"),
            Markup("16%", "double_rice", "city_agri", "communicative"),
            Markup("11%", "double_rice", "county_agri", "communicative"),
            Markup("24%", "double_rice", "city_agri", "pressure"),
            Markup("19%", "double_rice", "county_agri", "pressure"),
        ),
        claims=(
            Level("delivered_vs_original", C_H, 90, 99.9, says=("90%",)),
            Level("delivered_vs_original", P_H, 75, 87, says=("80%",)),
            Level("rule:oa_true_explanations_accepted", C_H, low=0.5),
            Level("rule:oa_true_explanations_accepted", P_H, high=0.35),
            Contrast("rule:oa_supporting_policy", C_H, P_H, gap=0.35),
            Contrast("accountability_events", P_H, C_H, ratio=6),
            Contrast("formalism", P_H, C_H, ratio=3, gap=35),
            Contrast("collusion", C_G, C_H, gap=8),
            Level("rule:co_false_excuses_accepted", C_G, low=0.08),
            Contrast("collusion", P_G, C_G, gap=5),
            Contrast("rule:co_false_figures_on_record", P_G, C_G, ratio=1.5),
        ),
        # The city is no seat: its 15% is the task's own markup.
        facts=(Fact(("15%",), _scenario_field("tasks.0.markup"), 0.15),),
    ),
    # 20 seeds, mixed subordinates: daily orders 0.05 vs 1.7; symbolic execution 1.75 vs 8.75;
    # formalism 3.2 vs 40 (time on formalities 5.5% vs 15.4%); delivered 109 vs 100;
    # collective consensus 44 vs 17; differentiated incentives 68 vs 33; untrue excuses accepted
    # 0.46 vs 0.08; collusion 8.2 vs 8.2. Variant, gaming: collusion 24 vs 18 as shipped
    # (pressure), 16 vs 16 (communicative).
    "beautiful_houses": Claims(
        claims=(
            Contrast("probe:daily_orders", P_M, C_M, ratio=4),
            Contrast("symbolic_execution", P_M, C_M, ratio=3),
            Contrast("formalism", P_M, C_M, ratio=8),
            Level("outcome:mean_formalism", P_M, 0.12, 0.19, says=("15%",)),
            Level("outcome:mean_formalism", C_M, 0.04, 0.075, says=("6%",)),
            Contrast("delivered_vs_original", C_M, P_M, gap=4),
            Contrast("collective_consensus", C_M, P_M, gap=12),
            Contrast("differentiated_incentives", C_M, P_M, gap=15),
            Contrast("rule:co_false_excuses_accepted", C_M, P_M, gap=0.15),
            Near("collusion", C_M, P_M, within=4),
            Contrast("collusion", Play("pressure", "gaming", "low_mr"), P_G, gap=3),
            Near("collusion", Play("communicative", "gaming", "low_mr"), C_G, within=3),
        ),
        facts=(Fact(("0.15",), lambda name: LOW_MAIN_RESPONSIBILITY, 0.15),),
    ),
    # 20 seeds, honest: problems taken up 0.80 vs 0.22; sanctions 1.75 vs 33; formalism 14 vs
    # 67; overload 26 vs 74; delivered 103 vs 94. Rigid variant: formalism 64 vs 14
    # (communicative), 66 vs 35 (mixed); internalized responsibility 12.5 vs 41, 11.5 vs 32;
    # ranking notices about 10 in 12 weeks.
    "hotline_12345": Claims(
        claims=(
            Level("rule:oc_outside_problems_taken_up", C_H, low=0.6),
            Level("rule:oc_outside_problems_taken_up", P_H, high=0.4),
            Level("accountability_events", C_H, high=3),
            Contrast("accountability_events", P_H, C_H, ratio=6),
            Contrast("probe:daily_orders", P_H, C_H, ratio=2),
            Contrast("formalism", P_H, C_H, ratio=3.5),
            Contrast("overload", P_H, C_H, ratio=2),
            Level("delivered_vs_original", C_H, low=100),
            Level("delivered_vs_original", P_H, high=99),
            Contrast("formalism", Play("communicative", "honest", "rigid"), C_H, gap=25),
            Contrast(
                "formalism", Play("mixed", "honest", "rigid"), Play("mixed", "honest"), gap=15
            ),
            Contrast(
                "internalized_responsibility", C_H, Play("communicative", "honest", "rigid"), gap=12
            ),
            Contrast(
                "internalized_responsibility",
                Play("mixed", "honest"),
                Play("mixed", "honest", "rigid"),
                gap=10,
            ),
            Level("probe:ranking_sanctions", Play("communicative", "honest", "rigid"), low=8),
            Level("probe:ranking_sanctions", Play("mixed", "honest", "rigid"), low=8),
        ),
    ),
    # 20 seeds, honest: information symmetry 0.39 vs 0.19; feedback heard 0.58 vs 0.17;
    # research visits 17 vs 3; sanctions 1.2 vs 9.9; formalism 16 vs 41; delivered 101 vs 101.
    # Gaming: invented causes seen through 0.40 vs 0.28.
    "policy_feedback": Claims(
        claims=(
            Contrast("rule:jr_information_symmetry", C_H, P_H, ratio=1.6),
            Level("rule:if_feedback_heard", C_H, low=0.45),
            Level("rule:if_feedback_heard", P_H, high=0.3),
            Contrast("probe:research_visits", C_H, P_H, ratio=3),
            Contrast("accountability_events", P_H, C_H, ratio=4),
            Contrast("formalism", P_H, C_H, ratio=2),
            Contrast("probe:daily_orders", P_H, C_H, ratio=2),
            Near("delivered_vs_original", C_H, P_H, within=3),
            Contrast("rule:jr_false_causes_caught", C_G, P_G, gap=0.0),
            Near("rule:jr_false_causes_caught", C_G, P_G, within=0.2),
        ),
        facts=(Fact(("0.15",), _scenario_field("relation_defaults.information_symmetry"), 0.15),),
    ),
    # 20 seeds, honest: grace granted by turn 2 in 1.0 vs 0.5 of games; K town's preparation
    # broken in 0.3 vs 0.6; K town completes 0.94 vs 0.76 of its capacity; sanctions on K town
    # 0.65 vs 7.95; overload 15 vs 34; other townships 0.99 vs 0.98.
    "social_security_check": Claims(
        claims=(
            Level("probe:k_town_grace_early", C_H, low=1.0),
            Level("probe:k_town_grace_early", P_H, 0.3, 0.7),
            Level("probe:k_town_disrupted", C_H, high=0.4),
            Level("probe:k_town_disrupted", P_H, 0.45, 0.8),
            Level("probe:k_town_sanctions", C_H, high=2),
            Contrast("probe:k_town_sanctions", P_H, C_H, ratio=4),
            Level("probe:k_town_completion", C_H, 0.9, 1.0, says=("90%",)),
            Contrast("probe:k_town_completion", C_H, P_H, gap=0.08),
            Contrast("overload", P_H, C_H, ratio=1.5),
            Near("probe:others_completion", C_H, P_H, within=0.05),
        ),
        facts=(
            Fact(("35%",), _param("slow_start_factor"), 0.35),
            Fact(("45%",), _param("fast_finish_factor", minus=1.0), 0.45),
            Fact((), _k_town_preparation, 2),
        ),
    ),
    # 20 seeds, mixed subordinates, pressure-type vs communicative: formalism 100 vs 78, overload
    # 91 vs 65; sanctions 93 vs 14; vetoes per carrier 1.6 vs 0.45; symbolic execution 14 vs
    # 3.4; collusion 38 vs 22; blame avoidance 64 vs 51; delivered 83 vs 106; inspection
    # sanctions 5.5 vs 2.1 a game; the tutorial's communicative formalism 8.8.
    "pressure_system": Claims(
        markups=(
            Markup("30%", "pollution", "county_eco", "person"),
            Markup("40%", "investment", "county_commerce", "person"),
            Markup("39%", "pollution", "county_eco", "pressure"),
            Markup("49%", "investment", "county_commerce", "pressure"),
        ),
        claims=(
            Level("formalism", P_M, low=90),
            Level("overload", P_M, low=80),
            Level("accountability_events", P_M, low=24),
            Level("probe:vetoes", P_M, low=3),
            Contrast("symbolic_execution", P_M, C_M, ratio=2),
            Contrast("blame_avoidance", P_M, C_M, gap=6),
            Level("delivered_vs_original", P_M, 80, 92),
            Contrast("accountability_events", P_M, C_M, ratio=3),
            Contrast("collusion", P_M, C_M, gap=7),
            Level("delivered_vs_original", C_M, low=100),
            Contrast(
                "formalism", C_M, Play("communicative", "honest", scenario="tutorial"), ratio=4
            ),
            Level("probe:any_inspection_sanction", C_M, low=1),
        ),
    ),
    # 20 seeds (6 here), honest: eased changes of reporting 0.46 vs 0.17; over-mobilized
    # township-months 0.4% vs 20%; daily orders 3.8 vs 35; formalism 24 vs 64; sanctions 4.7
    # vs 85; delivered 104 vs 103.
    "c_county": Claims(
        claims=(
            Level("rule:rc_pressure_modulated", C_H, 0.35, 0.6),
            Level("rule:rc_pressure_modulated", P_H, 0.1, 0.25),
            Level("rule:rc_no_over_mobilization", C_H, high=0.02),
            Level("rule:rc_no_over_mobilization", P_H, 0.12, 0.3, says=("20%",)),
            Contrast("probe:daily_orders", P_H, C_H, ratio=4),
            Contrast("formalism", P_H, C_H, ratio=2.2),
            Contrast("accountability_events", P_H, C_H, ratio=10),
            Near("delivered_vs_original", C_H, P_H, within=3),
        ),
        facts=(
            Fact(("15%",), _over_mobilization_threshold, 0.15),
            Fact(("60%",), _task_field("hotline", "ratchet_up"), 0.6),
            Fact(("20%",), _task_field("hotline", "ratchet_down"), 0.2),
            Fact((), _scenario_field("turn_days"), 30),
        ),
    ),
}


# ----- measuring --------------------------------------------------------------------------------


@cache
def _data(name: str) -> dict[str, Any]:
    path = ROOT / "scenarios" / f"{name}.yaml"
    return plain(read_yaml(path.read_text(encoding="utf-8"), str(path)))  # type: ignore[no-any-return]


def _rigid(data: dict[str, Any]) -> None:
    data["tasks"][0]["regime"] = "ranking"
    data["tasks"][0]["cadence"] = "daily"


def _low_main_responsibility(data: dict[str, Any]) -> None:
    for unit in data["units"]:
        if unit["kind"] == "township":
            unit["main_responsibility"] = LOW_MAIN_RESPONSIBILITY


VARIANTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "": lambda data: None,
    "rigid": _rigid,
    "low_mr": _low_main_responsibility,
}


@cache
def _scenario(name: str, variant: str = "") -> Scenario:
    if not variant:
        return load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    data = copy.deepcopy(_data(name))
    VARIANTS[variant](data)
    return Scenario.model_validate(data)


def _games(name: str, play: Play) -> tuple[tuple[Game, dict[str, Any]], ...]:
    """Seeded bot games of `play` (in `name` unless it names another scenario), scored."""
    return _played_games(play.scenario or name, play.superior, play.subordinate, play.variant)


@cache
def _played_games(
    name: str, superior: str, subordinate: str, variant: str
) -> tuple[tuple[Game, dict[str, Any]], ...]:
    scenario = _scenario(name, variant)
    played = []
    for seed in range(SEEDS_BY_SCENARIO.get(name, SEEDS)):
        game = Game(
            scenario,
            seed=seed,
            superior_style=superior,  # type: ignore[arg-type]
            subordinate_style=subordinate,  # type: ignore[arg-type]
        )
        game.run_to_end()
        played.append((game, score_game(game)))
    return tuple(played)


def _one(game: Game, score: dict[str, Any], measure: str) -> float | None:
    kind, _, key = measure.rpartition(":")
    if kind == "probe":
        return PROBES[key](game)
    if kind == "outcome":
        return float(outcome(game)[key])
    if kind == "rule":
        for entry in score["indicators"].values():
            for rule in entry["rules"]:
                if rule["id"] == key:
                    return None if rule["measured"] is None else float(rule["measured"])
        raise KeyError(key)
    value = score["indicators"][key]["value"]
    return None if value is None else float(value)


def mean_of(name: str, measure: str, play: Play) -> float:
    """The mean of a measure over `play`'s seeded games (games with nothing to measure are
    left out; none at all is an error)."""
    values = [v for g, s in _games(name, play) if (v := _one(g, s, measure)) is not None]
    assert values, f"{name}: nothing to measure for {measure} in {play}"
    return fmean(values)


def check(name: str, claim: Contrast | Near | Level) -> str | None:
    """None when the claim holds, else what was measured."""
    if isinstance(claim, Level):
        got = mean_of(name, claim.measure, claim.play)
        if claim.low <= got <= claim.high:
            return None
        return f"{claim.measure} {claim.play}: {got:.4g} not in [{claim.low}, {claim.high}]"
    if isinstance(claim, Near):
        a, b = (mean_of(name, claim.measure, p) for p in (claim.first, claim.second))
        if abs(a - b) <= claim.within:
            return None
        return f"{claim.measure}: {a:.4g} vs {b:.4g}, not within {claim.within}"
    more, less = (mean_of(name, claim.measure, p) for p in (claim.more, claim.less))
    if more >= less * claim.ratio and more - less >= claim.gap:
        return None
    return (
        f"{claim.measure}: {more:.4g} ({claim.more}) vs {less:.4g} ({claim.less}), wanted "
        f"ratio >= {claim.ratio} and gap >= {claim.gap}"
    )


def markup_of(name: str, markup: Markup) -> float:
    """The share `markup.owner` passes down beyond what it owes, as a percentage."""
    if markup.who == "person":
        game = Game(_scenario(name), seed=0, humans=[markup.owner])
        owed = game.assignments[(markup.owner, markup.task)].target
        assert owed > 0, f"{markup.owner} owes nothing on {markup.task} at the start"
        passed = sum(default_split(game, markup.owner, markup.task).values())
        return 100 * (passed / owed - 1)
    game = _played(name, markup.who)
    split = next(
        e
        for e in game.log
        if e.kind == "quota_split" and e.actor == markup.owner and e.task == markup.task
    )
    return 100 * (float(split.data["passed_down"]) / float(split.data["owed"]) - 1)


@cache
def _played(name: str, superior: str) -> Game:
    game = Game(_scenario(name), seed=0, superior_style=superior)  # type: ignore[arg-type]
    game.run_to_end()
    return game


# ----- reading the notes ----------------------------------------------------------------------

#: A percentage ("15%", "7.5 %", "15％") or a decimal ("0.15") as a note writes it.
FIGURE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*[%％]|(?<![\w.])(\d+\.\d+)(?![\w.])")


def figures_in(text: str) -> set[str]:
    """The percentages and decimals written in a text, normalised ("15 ％" -> "15%")."""
    return {f"{pct}%" if pct else dec for pct, dec in FIGURE.findall(text)}


def _notes(name: str) -> tuple[str, str]:
    notes = _scenario(name).notes
    assert notes is not None, f"{name} has no instructor's note"
    return notes.zh, notes.en


# ----- the tests ------------------------------------------------------------------------------


def test_every_shipped_scenario_has_its_claims_in_the_table() -> None:
    assert sorted(NOTES) == [p.stem for p in LIBRARY]


@pytest.mark.parametrize("name", sorted(NOTES))
def test_the_markups_a_note_names_are_the_games(name: str) -> None:
    for markup in NOTES[name].markups:
        assert markup_of(name, markup) == pytest.approx(float(markup.says.rstrip("%")), abs=0.05), (
            f"{name}: {markup}"
        )


@pytest.mark.parametrize("name", sorted(NOTES))
def test_the_contrasts_a_note_draws_are_the_games(name: str) -> None:
    failures = [f for claim in NOTES[name].claims if (f := check(name, claim)) is not None]
    assert failures == []


@pytest.mark.parametrize("name", sorted(NOTES))
def test_the_figures_a_note_takes_from_the_scenario_are_right(name: str) -> None:
    for fact in NOTES[name].facts:
        assert fact.value(name) == pytest.approx(fact.expect), f"{name}: {fact.says}"


@pytest.mark.parametrize("name", sorted(NOTES))
def test_every_figure_a_note_writes_is_checked_by_the_table(name: str) -> None:
    zh, en = _notes(name)
    table = NOTES[name].figures()
    assert figures_in(zh) == table, "the Chinese note writes figures the table does not check"
    assert figures_in(en) == table, "the English note writes figures the table does not check"


def _ids() -> tuple[set[str], dict[str, tuple[str, str]]]:
    book = default_rulebook()
    labels = {i.key: (i.label.zh, i.label.en) for i in book.indicators}
    return {r.id for r in book.rules} | set(labels), labels


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_no_note_names_an_indicator_or_rule_by_its_id(path: Path) -> None:
    ids, labels = _ids()
    zh, en = _notes(path.stem)
    words_zh = set(re.findall(r"[A-Za-z_]+", zh))
    assert words_zh & ids == set(), "the Chinese note names ids"
    for word in set(re.findall(r"[A-Za-z_]+", en)) & ids:
        # A one-word indicator ("formalism", "overload") is also its English label.
        assert "_" not in word and word in labels and labels[word][1].lower().startswith(word), (
            f"the English note names the id {word}"
        )


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_a_note_names_the_indicators_to_watch_by_their_labels(path: Path) -> None:
    _, labels = _ids()
    zh, en = _notes(path.stem)
    named = [
        key
        for key, (label_zh, label_en) in labels.items()
        if label_zh in zh and label_en.lower() in en.lower()
    ]
    assert len(named) >= 4, f"the note names only {named} in both languages"


def test_the_figure_reader_reads_what_a_note_writes() -> None:
    text = "加码 15%，又加 7.5 ％；信息对称 0.15；第 4 回合，20 局，v1.2.3"
    assert figures_in(text) == {"15%", "7.5%", "0.15"}
