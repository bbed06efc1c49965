"""The policy tournament: scripted players of one seat, and the table that compares them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.game import Game
from game.policies import POLICIES, Hand, play_policy, policies_for
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.tournament import flags, mean_se, render_tournament, seat_score, tournament_report

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
SEATS = ("hexi", "county_agri")


@pytest.fixture(scope="module")
def tutorial() -> Scenario:
    return load_scenario(TUTORIAL)


@pytest.fixture(scope="module")
def played(tutorial: Scenario) -> dict[tuple[str, str], Hand]:
    """Every policy that suits each tutorial seat, one game each (seed 1)."""
    games = {}
    for seat in SEATS:
        for name in policies_for(Game(tutorial, 0, humans=[seat]), seat):
            games[(seat, name)] = play_policy(tutorial, seat, name, 1, "communicative", "honest")
    return games


def test_each_seat_gets_its_own_policies(played: dict[tuple[str, str], Hand]) -> None:
    township = {name for seat, name in played if seat == "hexi"}
    bureau = {name for seat, name in played if seat == "county_agri"}
    assert {"thoughtful", "falsify", "symbolic", "false_causes", "repeat:allocate_time"} <= township
    assert not {"pressure", "veto_all", "repeat:sanction"} & township
    assert {"thoughtful", "pressure", "zero_targets", "veto_all", "accept_all",
            "repeat:sanction", "repeat:split_quota"} <= bureau
    assert not {"falsify", "symbolic", "repeat:report_progress"} & bureau  # nobody above it


def test_every_policy_finishes_and_each_move_is_accepted_or_refused_with_a_reason(
    played: dict[tuple[str, str], Hand],
) -> None:
    for (seat, name), hand in played.items():
        assert hand.game.over, name
        for move in hand.submitted:
            assert move.ok or (move.refusal and move.reason), (name, move)
        accepted = [m.move for m in hand.submitted if m.ok]
        recorded = [r.move for r in hand.game.recorded if r.seat == seat]
        assert accepted == recorded, name


def test_a_repeat_policy_makes_only_its_own_move(played: dict[tuple[str, str], Hand]) -> None:
    for (_, name), hand in played.items():
        if name.startswith("repeat:"):
            assert {m.move["kind"] for m in hand.submitted} <= {name.removeprefix("repeat:")}


def test_do_nothing_submits_nothing_and_thoughtful_plays(
    played: dict[tuple[str, str], Hand],
) -> None:
    for seat in SEATS:
        assert played[(seat, "do_nothing")].submitted == []
        assert sum(m.ok for m in played[(seat, "thoughtful")].submitted) >= 6


def _explanations(hand: Hand) -> list[bool]:
    return [e.hidden["truthful"] for e in hand.game.log
            if e.kind == "explain_shortfall" and e.actor == hand.seat]


def test_thoughtful_explains_truly_and_false_causes_invents(tutorial: Scenario) -> None:
    truthful, invented = [], []
    for seed in range(3):
        truthful += _explanations(play_policy(tutorial, "hexi", "thoughtful", seed))
        invented += _explanations(play_policy(tutorial, "hexi", "false_causes", seed))
    assert truthful and all(truthful)
    assert invented and not any(invented)


def test_falsify_overstates_only_when_behind(played: dict[tuple[str, str], Hand]) -> None:
    reports = [e.hidden["overstate"] for e in played[("hexi", "falsify")].game.log
               if e.kind == "report_progress" and e.actor == "hexi"]
    honest = [e.hidden["overstate"] for e in played[("hexi", "thoughtful")].game.log
              if e.kind == "report_progress" and e.actor == "hexi"]
    assert any(r > 0 for r in reports)
    assert honest and all(r == 0 for r in honest)


def test_the_thoughtful_bureau_splits_by_its_estimates_not_the_truth(tutorial: Scenario) -> None:
    hand = play_policy(tutorial, "county_agri", "thoughtful", 2)
    split = next(m.move["shares"] for m in hand.submitted if m.move["kind"] == "split_quota")
    truth = {"hexi": 1200, "shanqian": 950, "liutang": 1000}
    assert sum(split.values()) == pytest.approx(3000 * 1.15, abs=0.01)
    assert any(abs(split[u] / sum(split.values()) - truth[u] / 3150) > 0.005 for u in truth)


def test_one_or_two_processes_give_the_same_table(tutorial: Scenario) -> None:
    one = tournament_report(tutorial, "hexi", 2, 1, "communicative", "honest")
    two = tournament_report(tutorial, "hexi", 2, 2, "communicative", "honest")
    assert one == two
    assert set(one["policies"]) == set(policies_for(Game(tutorial, 0, humans=["hexi"]), "hexi"))
    assert all(row["games"] == 2 for row in one["policies"].values())


def test_mean_and_standard_error() -> None:
    assert mean_se([1.0, 2.0, 3.0, 4.0]) == {"mean": 2.5, "se": 0.65}
    assert mean_se([7.0]) == {"mean": 7.0, "se": 0.0}
    assert mean_se([1.0, None]) is None


def _row(score: float | None) -> dict[str, object]:
    figure = None if score is None else {"mean": score, "se": 1.0}
    return {"seat_score": figure, "resilience": {"mean": 80.0, "se": 1.0}, "games": 2}


def test_close_policies_and_a_narrow_spread_are_flagged() -> None:
    rows = {"thoughtful": _row(80.0), "do_nothing": _row(76.0), "symbolic": _row(60.0),
            "cheap_spam": _row(83.0)}
    found = flags(rows)
    assert {f["policy"] for f in found if f["code"] == "close"} == {"do_nothing", "cheap_spam"}
    assert {"code": "narrow_spread", "spread": 23.0} in found
    rows["symbolic"] = _row(50.0)
    assert not [f for f in flags(rows) if f["code"] == "narrow_spread"]


def test_the_table_marks_flags_and_missing_seat_scores() -> None:
    rows = {"thoughtful": _row(80.0), "do_nothing": _row(78.0)}
    report = {"scenario": "s", "seat": "u", "superior_style": "mixed",
              "subordinate_style": "mixed", "seeds": 2, "policies": rows, "spread": 2.0,
              "flags": flags(rows)}
    text = render_tournament(report, "en")
    assert "within 5 of thoughtful" in text.splitlines()[4]
    assert "FLAG spread 2.00 is under 25" in text
    assert "席位得分" in render_tournament(report, "zh")
    rows = {"thoughtful": _row(None), "do_nothing": _row(None)}
    report.update(policies=rows, spread=None, flags=flags(rows))
    assert flags(rows) == []
    assert "—" in render_tournament(report, "en")
    assert seat_score({"indicators": {}}, "u") is None


def main_py(*args: str, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False, env=env)


def test_the_command_prints_the_table() -> None:
    done = main_py("tournament", str(TUTORIAL), "--seat", "county_agri", "--seeds", "2",
                   "--jobs", "1", "--lang", "en", "--superior", "communicative")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress bar off a terminal
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Tournament on tutorial, seat county_agri (superiors "
                               "communicative")
    for name in ("thoughtful", "veto_all", "zero_targets", "repeat:incentive"):
        assert any(line.split()[0] == name for line in lines[3:] if line.strip()), name
    assert any(line.startswith("Spread of seat scores") for line in lines)


def test_the_command_prints_json() -> None:
    done = main_py("tournament", str(TUTORIAL), "--seat", "hexi", "--seeds", "1", "--jobs",
                   "1", "--json")
    report = json.loads(done.stdout)
    assert report["seat"] == "hexi" and report["seeds"] == 1
    assert report["policies"]["thoughtful"]["resilience"]["se"] == 0.0
    assert isinstance(report["flags"], list)


def test_play_one_policy_is_the_same_in_every_process() -> None:
    args = ("play", str(TUTORIAL), "--seat", "hexi", "--policy", "thoughtful", "--seed", "3",
            "--json")
    first, second = main_py(*args, hash_seed="1"), main_py(*args, hash_seed="2")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    report = json.loads(first.stdout)
    assert report["policy"] == "thoughtful" and report["moves"]["accepted"] > 0
    assert report["seat_score"] == report["score"].get("seats", {}).get("hexi", {}).get("score")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("tournament", str(TUTORIAL), "--seat", "c_county"), "is not a seat"),
        (("play", str(TUTORIAL), "--seat", "hexi", "--policy", "best"), "unknown policy"),
        (("play", str(TUTORIAL), "--seat", "hexi"), "--seat needs --policy"),
    ],
)
def test_bad_seats_and_policies_fail_politely(args: tuple[str, ...], message: str) -> None:
    done = main_py(*args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_every_policy_has_a_docstring() -> None:
    assert all(spec.doc for spec in POLICIES.values())
