"""Helpers of the engine tests: scenario texts and variants, and walking a game to a phase."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.engine.game import Game, MoveResult
from game.scenario.loader import parse_scenario
from game.scenario.models import Scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
DATA = Path(__file__).resolve().parent / "data"


def scenario_text(name: str) -> str:
    """The text of a test scenario in data/ (`rich`) or of a shipped one (`double_rice`)."""
    path = DATA / f"{name}.yaml"
    if not path.exists():
        path = SCENARIOS / f"{name}.yaml"
    return path.read_text(encoding="utf-8")


def variant(name: str, *replacements: tuple[str, str]) -> Scenario:
    """A scenario with some of its text replaced; each replaced text must occur exactly once."""
    text = scenario_text(name)
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        text = text.replace(old, new)
    return parse_scenario(text, f"{name}-variant.yaml")


def changed(scenario: Scenario, edit: Callable[[dict[str, Any]], None]) -> Scenario:
    """A scenario validated again after `edit` changed its plain data in place."""
    data = scenario.model_dump()
    edit(data)
    return Scenario.model_validate(data)


def unit_data(data: dict[str, Any], unit_id: str) -> dict[str, Any]:
    """The plain data of one unit of a scenario's plain data."""
    return next(unit for unit in data["units"] if unit["id"] == unit_id)


def relation_data(data: dict[str, Any], superior: str, subordinate: str) -> dict[str, Any]:
    """The plain data of a listed relation, added (with the defaults) if it was not listed."""
    for relation in data["relations"]:
        if (relation["superior"], relation["subordinate"]) == (superior, subordinate):
            return relation  # type: ignore[no-any-return]
    relation = {"superior": superior, "subordinate": subordinate, **data["relation_defaults"]}
    data["relations"].append(relation)
    return relation


def task_data(data: dict[str, Any], task_id: str) -> dict[str, Any]:
    """The plain data of one task of a scenario's plain data."""
    return next(task for task in data["tasks"] if task["id"] == task_id)


def load(name: str) -> Scenario:
    """A scenario by name, unchanged."""
    return variant(name)


def advance_to(game: Game, turn: int, phase: str) -> None:
    """Advance a game until it stands at `phase` of `turn`."""
    while (game.turn, game.phase) != (turn, phase):
        assert not game.over, f"the game ended before turn {turn}, {phase}"
        game.advance()


def accepted(result: MoveResult) -> MoveResult:
    """Assert a move was accepted (naming the refusal if not) and pass the result on."""
    assert result.ok, result.refusal
    return result


def kinds(result: MoveResult) -> list[str]:
    """The kinds of the events a move caused."""
    return [event.kind for event in result.events]
