"""Saving and loading games, and the autosave: JSON written atomically, problems named."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.session import GameSession
from game.ui.settings import AppPaths

if TYPE_CHECKING:
    from game.engine.game import Game

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"

# The engine's save module and the scenario loader are imported where they are used: the start
# screen imports this module, and they would slow the window's start-up by a third.


@dataclass(frozen=True)
class SaveProblem(Exception):
    """A save that cannot be opened, and why: 'corrupt', 'newer', 'scenario' or 'mismatch'."""

    reason: str
    path: Path
    detail: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}: {self.detail}"


@dataclass(frozen=True)
class LoadedGame:
    """A game rebuilt from a save."""

    game: Game
    seat: str
    scenario_path: Path


def save_text(session: GameSession) -> str:
    """The session as a save document."""
    from game.engine.save import to_save
    save = to_save(session.game, str(session.scenario_path))
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
    from game.engine.save import SaveError, parse_save

    try:
        parse_save(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SaveError):
        return True
    return False


def keep_aside(path: Path) -> Path:
    """Move an unreadable save out of the way under a new name; nothing is deleted."""
    number = 1
    while (aside := path.with_name(f"{path.stem}.unreadable-{number}{path.suffix}")).exists():
        number += 1
    path.replace(aside)
    return aside


def load_save(path: Path) -> LoadedGame:
    """Rebuild the game saved in `path`, or raise SaveProblem naming what is wrong."""
    from game.engine.save import SaveError, parse_save, replay
    from game.scenario.loader import ScenarioError, load_scenario

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SaveProblem("corrupt", path, str(err)) from None
    try:
        save = parse_save(text)
    except SaveError as err:
        reason = "newer" if _newer(text) else "corrupt"
        raise SaveProblem(reason, path, str(err)) from None
    scenario_path = find_scenario(save.scenario_path, save.scenario_id)
    if scenario_path is None:
        raise SaveProblem("scenario", path, save.scenario_id)
    try:
        game = replay(save, load_scenario(scenario_path))
    except (SaveError, ScenarioError) as err:
        raise SaveProblem("mismatch", path, str(err)) from None
    seat = save.humans[0] if save.humans else ""
    return LoadedGame(game, seat, scenario_path)


def _newer(text: str) -> bool:
    from game.engine.save import SAVE_VERSION

    try:
        raw = json.loads(text)
    except json.JSONDecodeError:
        return False
    version = raw.get("save_version") if isinstance(raw, dict) else None
    return isinstance(version, int) and version > SAVE_VERSION


def find_scenario(recorded: str, scenario_id: str) -> Path | None:
    """The scenario file a save names, or the shipped one with its id."""
    if recorded and Path(recorded).is_file():
        return Path(recorded)
    candidate = SCENARIOS / f"{scenario_id}.yaml"
    return candidate if candidate.is_file() else None
