"""Saved games: scenario + seed + styles + the human moves, replayed to the identical log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.engine.game import Game
from game.scenario.loader import scenario_digest
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle

SAVE_VERSION = 1


class SavedMove(BaseModel):
    """One human move, with where in the game it was made."""

    model_config = ConfigDict(extra="forbid")

    turn: int = Field(ge=1)
    phase: Literal["plan", "report", "respond"]
    seat: str
    move: dict[str, Any]


class SaveGame(BaseModel):
    """A game as a small JSON document."""

    model_config = ConfigDict(extra="forbid")

    save_version: int = Field(description="Version of this save format.")
    scenario_id: str
    scenario_digest: str = Field(description="Fingerprint of the scenario the game was played on.")
    scenario_path: str = ""
    seed: int
    humans: list[str]
    superior_style: SuperiorStyle
    subordinate_style: SubordinateStyle
    turn: int
    phase: str
    moves: list[SavedMove]


class SaveError(Exception):
    """A save that cannot be read: corrupt, from a newer version, or of another scenario."""


def to_save(game: Game, scenario_path: str = "") -> SaveGame:
    """Describe a game as a save document."""
    return SaveGame(
        save_version=SAVE_VERSION,
        scenario_id=game.scenario.id,
        scenario_digest=scenario_digest(game.scenario),
        scenario_path=scenario_path,
        seed=game.seed,
        humans=sorted(game.humans),
        superior_style=game.superior_style,
        subordinate_style=game.subordinate_style,
        turn=game.turn,
        phase=game.phase,
        moves=[SavedMove(**vars(m)) for m in game.recorded],
    )


def parse_save(text: str) -> SaveGame:
    """Read a save document, naming what is wrong with it."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise SaveError(f"corrupt save file: {err}") from None
    if isinstance(raw, dict) and isinstance(raw.get("save_version"), int):
        if raw["save_version"] > SAVE_VERSION:
            raise SaveError(
                f"this save was written by a newer version of the game (format "
                f"{raw['save_version']}, this game reads up to {SAVE_VERSION})"
            )
    try:
        return SaveGame.model_validate(raw)
    except ValidationError as err:
        raise SaveError(f"corrupt save file: {err.errors()[0]['msg']}") from None


def replay(save: SaveGame, scenario: Scenario) -> Game:
    """Rebuild a game from its save: same seed, same moves, the same log byte for byte."""
    if scenario_digest(scenario) != save.scenario_digest:
        raise SaveError(
            f"the save was made with another version of scenario '{save.scenario_id}'"
        )
    game = Game(
        scenario,
        seed=save.seed,
        humans=save.humans,
        superior_style=save.superior_style,
        subordinate_style=save.subordinate_style,
    )
    pending = list(save.moves)
    while not game.over and (game.turn, game.phase) != (save.turn, save.phase):
        while pending and (pending[0].turn, pending[0].phase) == (game.turn, game.phase):
            saved = pending.pop(0)
            result = game.submit(saved.seat, saved.move)
            if not result.ok:
                raise SaveError(f"a saved move no longer applies: {saved.move}")
        game.advance()
    for saved in pending:
        result = game.submit(saved.seat, saved.move)
        if not result.ok:
            raise SaveError(f"a saved move no longer applies: {saved.move}")
    return game


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old or the new version, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        import os

        os.fsync(handle.fileno())
    temporary.replace(path)
