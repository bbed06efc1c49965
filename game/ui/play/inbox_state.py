"""What the player has read, kept beside a save: `<save>.inbox.json` next to `<save>.json`.

The save format (game.engine.save) holds only what makes the game; which documents the player
opened is the window's business, so it travels in a small file of its own beside the save.
A missing, unreadable or mismatched file means "nothing read yet": it never stops a game from
loading.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.play.session import GameSession

#: Largest read-state file read, in bytes (a long game has a few thousand documents).
MAX_BYTES = 2 * 1024 * 1024


def state_path(save_path: Path) -> Path:
    """Where the read state of the save at `save_path` lives."""
    save_path = Path(save_path)
    return save_path.with_name(f"{save_path.stem}.inbox.json")


def identity(scenario: str, seed: int, seat: str) -> dict[str, object]:
    """What names a saved game and seat: the read state fits only the same three."""
    return {"scenario": scenario, "seed": seed, "seat": seat}


def write_read_state(session: GameSession, save_path: Path) -> None:
    """Write the session's read documents beside the save at `save_path` (atomically).

    Raises:
        OSError: the file cannot be written (the caller names it, as for the save).
    """
    from game.engine.save import write_atomically

    payload = {**session.identity(), "read": sorted(session.read)}
    write_atomically(state_path(save_path), json.dumps(payload))


def read_read_state(names: Mapping[str, object], events: int, save_path: Path) -> set[int]:
    """The documents read in the game saved at `save_path`; empty when nothing fits.

    Args:
        names: the game and seat (`identity(scenario, seed, seat)`); the file must name the
            same three.
        events: the length of the game's log; the numbers read must be event numbers of it.
        save_path: the save the read state sits beside.

    Anything that does not fit is ignored, never an error.
    """
    path = state_path(save_path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return set()
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return set()
    if not isinstance(raw, dict) or any(raw.get(k) != v for k, v in names.items()):
        return set()
    seqs = raw.get("read")
    if not isinstance(seqs, list):
        return set()
    return {s for s in seqs if isinstance(s, int) and not isinstance(s, bool) and 0 <= s < events}
