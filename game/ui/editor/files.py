"""Saving scenario files safely, and drafts of unsaved work that survive a crash.

A save first copies the previous version to `name.yaml.bak`, then writes the new text to a
temporary file in the same folder and renames it over the old one: a crash mid-save leaves
either the old file or the new one, never half of each. Drafts live in the user-data folder,
one per file (or one for an untitled scenario), and are removed once the work is saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.engine.save import write_atomically


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + ".bak")


def save_text(path: Path, text: str) -> Path | None:
    """Write `text` to `path` atomically, keeping the previous version; the backup's path."""
    backup = None
    if path.exists():
        backup = backup_path(path)
        write_atomically(backup, path.read_bytes())  # a kill never leaves a half backup
    write_atomically(path, text)  # keeps the file's permissions
    return backup


@dataclass(frozen=True)
class Draft:
    """Unsaved work found on disk."""

    path: Path | None
    text: str
    saved_at: str
    file: Path


class DraftStore:
    """Drafts of unsaved scenarios in one folder (the app's data folder in use)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, path: Path | None) -> Path:
        key = str(path.resolve()) if path is not None else "untitled"
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return self.folder / f"scenario-draft-{digest}.json"

    def write(self, path: Path | None, text: str) -> Path:
        """Keep `text` as the draft of `path` (None: the untitled scenario)."""
        record = {"path": str(path) if path is not None else None, "text": text,
                  "saved_at": datetime.now().isoformat(timespec="seconds")}
        target = self._file(path)
        save_text(target, json.dumps(record, ensure_ascii=False))
        backup_path(target).unlink(missing_ok=True)
        return target

    def find(self, path: Path | None) -> Draft | None:
        """The draft of `path`, if one survives (unreadable drafts are ignored)."""
        file = self._file(path)
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            text, saved_at = str(record["text"]), str(record["saved_at"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return Draft(path, text, saved_at, file)

    def discard(self, path: Path | None) -> None:
        """Forget the draft of `path` (in a folder that cannot be written, there is none)."""
        with contextlib.suppress(OSError):
            self._file(path).unlink(missing_ok=True)
