"""Saving and loading games, and the autosave: JSON written atomically, problems named.

A save names its scenario by id; the game looks that id up in the library folders only (the
shipped `scenarios/` and the user's `<data folder>/scenarios`), never at a path the file gives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.common.settings import AppPaths
from game.ui.play.session import GameSession

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.engine.save import SaveGame

SCENARIOS = Path(__file__).resolve().parents[3] / "scenarios"

# The engine's save module and the scenario loader are imported where they are used: the start
# screen imports this module, and they would slow the window's start-up by a third.


def library_folders(paths: AppPaths | None = None) -> list[Path]:
    """Where saves may find their scenarios: the shipped folder, then the user's."""
    return [SCENARIOS] if paths is None else [SCENARIOS, paths.scenarios_dir]


@dataclass(frozen=True)
class Restart:
    """What starting a save's game afresh needs: its scenario file, seat, seed and styles."""

    scenario_path: Path
    seat: str
    seed: int
    superior: str
    subordinate: str


@dataclass(frozen=True)
class SaveProblem(Exception):
    """A save that cannot be opened, and why.

    `reason` is one of 'corrupt', 'newer', 'limit', 'tampered', 'scenario', 'mismatch' or
    'changed' (the scenario's mechanics changed: `restart` then offers the same seed afresh).
    """

    reason: str
    path: Path
    detail: str
    restart: Restart | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}: {self.detail}"


@dataclass(frozen=True)
class LoadedGame:
    """A game rebuilt from a save."""

    game: Game
    seat: str
    scenario_path: Path


def save_text(session: GameSession) -> str:
    """The session as a save document (only the scenario file's name is recorded)."""
    from game.engine.save import to_save

    save = to_save(session.game, session.scenario_path.name)
    return json.dumps(save.model_dump(mode="json"), ensure_ascii=False, indent=1)


def write_save(session: GameSession, path: Path) -> None:
    """Write the session to `path` so that a crash leaves the old file or the new one."""
    from game.engine.save import write_atomically

    write_atomically(Path(path), save_text(session))


def autosave(session: GameSession, paths: AppPaths) -> None:
    """Rewrite the autosave, unless an autosave that could not be read still sits there."""
    if paths.autosave.exists() and _unreadable(paths.autosave):
        keep_aside(paths.autosave)
    write_save(session, paths.autosave)


def _unreadable(path: Path) -> bool:
    try:
        read_save(path)
    except SaveProblem:
        return True
    return False


def keep_aside(path: Path) -> Path:
    """Move an unreadable save out of the way under a new name; nothing is deleted."""
    number = 1
    while (aside := path.with_name(f"{path.stem}.unreadable-{number}{path.suffix}")).exists():
        number += 1
    path.replace(aside)
    return aside


_REASONS = {"library": "scenario"}  # the engine's kinds, as the window names them


def read_save(path: Path) -> SaveGame:
    """Read the save document in `path` (not yet replayed), or raise SaveProblem."""
    from game.engine.save import MAX_SAVE_BYTES, SaveError, parse_save

    path = Path(path)
    try:
        with open(path, "rb") as handle:  # never more than the limit and one byte
            data = handle.read(MAX_SAVE_BYTES + 1)
    except OSError as err:
        raise SaveProblem("corrupt", path, str(err)) from None
    try:
        return parse_save(data)
    except SaveError as err:
        raise SaveProblem(_REASONS.get(err.kind, err.kind), path, str(err)) from None


def load_save(path: Path, folders: list[Path] | None = None) -> LoadedGame:
    """Rebuild the game saved in `path`, or raise SaveProblem naming what is wrong.

    Args:
        path: the save file; it is only read.
        folders: the library folders its scenario is looked up in (default: the shipped one).
    """
    from game.engine.save import SaveError, ScenarioChanged, find_in_library, replay
    from game.scenario.loader import ScenarioError, load_scenario

    path = Path(path)
    save = read_save(path)
    try:
        scenario_path = find_in_library(save.scenario_id, folders or library_folders(),
                                        mechanics=save.mechanics_digest, hint=save.scenario_path)
        scenario = load_scenario(scenario_path)
    except (SaveError, ScenarioError) as err:
        raise SaveProblem("scenario", path, str(err)) from None
    try:
        game = replay(save, scenario)
    except ScenarioChanged as err:
        raise SaveProblem("changed", path, str(err), _restart(save, scenario_path,
                                                               scenario.seats)) from None
    except SaveError as err:
        raise SaveProblem(_REASONS.get(err.kind, err.kind), path, str(err)) from None
    seat = save.humans[0] if save.humans else ""
    return LoadedGame(game, seat, scenario_path)


def _restart(save: SaveGame, scenario_path: Path, seats: list[str]) -> Restart | None:
    """The same game afresh, when its seat is still a seat of the scenario."""
    if not save.humans or save.humans[0] not in seats:
        return None
    return Restart(scenario_path, save.humans[0], save.seed, save.superior_style,
                   save.subordinate_style)
