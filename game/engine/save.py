"""Saved games: scenario + seed + styles + the human moves, replayed to the identical log."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.scenario.loader import scenario_digest
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle

if TYPE_CHECKING:
    from game.engine.game import Game

SAVE_VERSION = 1


class SavedMove(BaseModel):
    """One human move, with where in the game it was made."""

    model_config = ConfigDict(extra="forbid")

    turn: int = Field(ge=1)
    phase: Literal["plan", "report", "respond"]
    seat: str
    move: dict[str, Any]


class SavedHandover(BaseModel):
    """A computer seat a person took over, and when."""

    model_config = ConfigDict(extra="forbid")

    seat: str
    turn: int = Field(ge=1)
    phase: Literal["plan", "report", "respond"]


class SaveGame(BaseModel):
    """A game as a small JSON document."""

    model_config = ConfigDict(extra="forbid")

    save_version: int = Field(ge=1, description="Version of this save format.")
    scenario_id: str
    scenario_digest: str = Field(description="Fingerprint of the scenario the game was played on.")
    scenario_path: str = ""
    seed: int
    humans: list[str] = Field(description="Seats people held from the start.")
    handovers: list[SavedHandover] = Field(
        default_factory=list, description="Seats people took over later (play-tests)."
    )
    superior_style: SuperiorStyle
    subordinate_style: SubordinateStyle
    turn: int = Field(ge=1)
    phase: Literal["plan", "report", "respond", "over"]
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
        humans=sorted(game.initial_humans),
        handovers=[SavedHandover(seat=s, turn=t, phase=p) for s, t, p in game.handovers],
        superior_style=game.superior_style,
        subordinate_style=game.subordinate_style,
        turn=game.turn,
        phase=game.phase,
        moves=[SavedMove(**vars(m)) for m in game.recorded],
    )


def parse_save(text: str | bytes) -> SaveGame:
    """Read a save document, naming what is wrong with it.

    Raises:
        SaveError: the text is not a save of this format, or was written by a newer game.
    """
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise SaveError(f"corrupt save file: not JSON ({err})") from None
    version = raw.get("save_version") if isinstance(raw, dict) else None
    if isinstance(version, int | float) and not isinstance(version, bool) and (
        version > SAVE_VERSION
    ):
        raise SaveError(
            f"this save was written by a newer version of the game (format "
            f"{version}, this game reads up to {SAVE_VERSION})"
        )
    try:
        return SaveGame.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SaveError(
            f"corrupt save file: {where + ': ' if where else ''}{first['msg']}"
        ) from None


def replay(save: SaveGame, scenario: Scenario) -> Game:
    """Rebuild a game from its save: same seed, same moves, the same log byte for byte.

    Raises:
        SaveError: the save belongs to another scenario (or version of it), its moves are out
            of order or no longer apply, or it stops where the game never rests.
    """
    if scenario_digest(scenario) != save.scenario_digest:
        raise SaveError(
            f"the save was made with another version of scenario '{save.scenario_id}'"
        )
    _check_order(save)
    game = _new_game(save, scenario)
    pending = list(save.moves)
    handovers = list(save.handovers)
    while (game.turn, game.phase) != (save.turn, save.phase):
        if game.over:
            raise SaveError(
                f"the save stops at turn {save.turn} ({save.phase}), which the game never reaches"
            )
        _hand_over_due(game, handovers)
        _submit_due(game, pending)
        game.advance()
    _hand_over_due(game, handovers)
    _submit_due(game, pending)
    if handovers:
        raise SaveError("corrupt save file: a seat is taken over after the point of the save")
    return game


def _hand_over_due(game: Game, handovers: list[SavedHandover]) -> None:
    while handovers and (handovers[0].turn, handovers[0].phase) == (game.turn, game.phase):
        seat = handovers.pop(0).seat
        try:
            game.take_seat(seat)
        except ValueError as err:
            raise SaveError(f"corrupt save file: {err}") from None


_PHASE_ORDER = {"plan": 0, "report": 1, "respond": 2, "over": 3}


def _check_order(save: SaveGame) -> None:
    """Moves must come in the order they were made, none after the point of the save."""
    keys = [(m.turn, _PHASE_ORDER[m.phase]) for m in save.moves]
    if keys != sorted(keys):
        raise SaveError("corrupt save file: the saved moves are out of order")
    if keys and keys[-1] > (save.turn, _PHASE_ORDER[save.phase]):
        raise SaveError("corrupt save file: a saved move lies after the point of the save")


def _new_game(save: SaveGame, scenario: Scenario) -> Game:
    try:
        from game.engine.game import Game  # the window reads saves before any game exists

        return Game(
            scenario,
            seed=save.seed,
            humans=save.humans,
            superior_style=save.superior_style,
            subordinate_style=save.subordinate_style,
        )
    except ValueError as err:
        raise SaveError(f"the save does not fit scenario '{save.scenario_id}': {err}") from None


def _submit_due(game: Game, pending: list[SavedMove]) -> None:
    """Replay the saved moves made in the game's current turn and phase."""
    while pending and (pending[0].turn, pending[0].phase) == (game.turn, game.phase):
        saved = pending.pop(0)
        result = game.submit(saved.seat, saved.move)
        if not result.ok:
            reason = result.refusal.en if result.refusal else ""
            raise SaveError(f"a saved move no longer applies: {saved.move} ({reason})")


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old or the new version, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
