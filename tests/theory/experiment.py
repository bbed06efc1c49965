"""Seeded experiments for the paper's claims: scenario variants and many-game averages."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from pathlib import Path
from statistics import mean
from typing import Any

from game.engine.game import Game
from game.headless import play_game
from game.scenario.loader import plain, read_yaml
from game.scenario.models import Scenario
from game.scoring.report import score_game

ROOT = Path(__file__).resolve().parents[2]
SEEDS = range(50)


def scenario_data(name: str) -> dict[str, Any]:
    """A shipped scenario as plain data, ready to be varied."""
    path = ROOT / "scenarios" / f"{name}.yaml"
    return plain(read_yaml(path.read_text(encoding="utf-8"), str(path)))  # type: ignore[no-any-return]


def variant(name: str, change: Callable[[dict[str, Any]], None]) -> Scenario:
    """A shipped scenario with `change` applied to its data, validated again."""
    data = copy.deepcopy(scenario_data(name))
    change(data)
    return Scenario.model_validate(data)


def games(scenario: Scenario, superior: str, subordinate: str,
          seeds: Iterable[int] = SEEDS) -> list[Game]:
    """Play one bot game per seed."""
    return [play_game(scenario, seed, superior, subordinate) for seed in seeds]


def average(values: Iterable[float]) -> float:
    """Mean of the values (0 for none)."""
    values = list(values)
    return mean(values) if values else 0.0


def indicator(game: Game, key: str) -> float:
    """One score indicator of a finished game."""
    return float(score_game(game)["indicators"][key]["value"])


def count(game: Game, kind: str, **where: Any) -> int:
    """Events of a kind whose data match `where`."""
    return sum(1 for e in game.log if e.kind == kind
               and all(e.data.get(k) == v for k, v in where.items()))


def carrier_turns(game: Game) -> list[dict[str, Any]]:
    """unit_turn data of the carrying townships."""
    return [e.data for e in game.log if e.kind == "unit_turn"
            and game.hierarchy.kind(e.actor) in ("township", "subdistrict")]
