"""Where the game keeps its things: user-data folder, remembered choices, the clean-exit flag.

The data folder may be read-only, full or missing rights: the game still opens, remembers
nothing, and names the folder (see `folder_problem`); nothing here raises for it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from game.ui.common import i18n

APP_NAME = "county-mobilization"
ORGANIZATION = "communicative-mobilization"


@dataclass(frozen=True)
class AppPaths:
    """The user-data folder (saves, autosave) and the settings file."""

    data_dir: Path
    settings_file: Path

    @classmethod
    def default(cls) -> AppPaths:
        """The platform's own places (QStandardPaths.AppDataLocation)."""
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        data_dir = Path(location or Path.home() / f".{APP_NAME}")
        return cls(data_dir=data_dir, settings_file=data_dir / "settings.ini")

    @property
    def autosave(self) -> Path:
        """The rolling autosave, rewritten after every change."""
        return self.data_dir / "autosave.json"

    @property
    def saves_dir(self) -> Path:
        """Where the save dialog opens."""
        return self.data_dir / "saves"

    @property
    def scenarios_dir(self) -> Path:
        """The user's own scenarios: listed in the library beside the shipped ones."""
        return self.data_dir / "scenarios"

    @property
    def lock_file(self) -> Path:
        """Held by the one game window running on this data folder (see game.ui.start.launch)."""
        return self.data_dir / "running-window.lock"


#: Bytes the probe writes: enough that a full disk refuses them.
_PROBE = b"\0" * 4096


def folder_problem(folder: Path) -> str:
    """Why `folder` cannot hold the game's files ('' when it can).

    It is made when missing, then a small file is written, flushed to disk and removed: a
    read-only, full or forbidden folder answers with the system's reason.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".probe-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_PROBE)
                stream.flush()
                os.fsync(stream.fileno())
        finally:
            with contextlib.suppress(OSError):
                os.unlink(probe)
    except OSError as err:
        return err.strerror or str(err)
    return ""


class Settings:
    """Remembered choices, in an INI file under the user-data folder."""

    def __init__(self, paths: AppPaths) -> None:
        with contextlib.suppress(OSError):  # unwritable: choices are not kept (the window says)
            paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)

    def _get(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return str(value) if value is not None else default

    @property
    def language(self) -> str:
        """The last language chosen ('' when never chosen)."""
        lang = self._get("ui/language")
        return lang if lang in i18n.LANGUAGES else ""

    @language.setter
    def language(self, lang: str) -> None:
        self._store.setValue("ui/language", lang)
        self._store.sync()

    @property
    def running(self) -> bool:
        """True while a game is open; still true on start means the last run did not close."""
        return self._get("session/running", "false") == "true"

    @running.setter
    def running(self, value: bool) -> None:
        self._store.setValue("session/running", "true" if value else "false")
        self._store.sync()

    @property
    def last_save(self) -> str:
        """The last file saved to or loaded from."""
        return self._get("session/last_save")

    @last_save.setter
    def last_save(self, path: str) -> None:
        self._store.setValue("session/last_save", path)
        self._store.sync()

    @property
    def geometry(self) -> bytes:
        """The main window's saved geometry."""
        value = self._store.value("ui/geometry")
        return bytes(value) if value is not None else b""

    @geometry.setter
    def geometry(self, data: bytes) -> None:
        self._store.setValue("ui/geometry", data)
        self._store.sync()

    @property
    def stop_at_idle(self) -> bool:
        """Stop at a phase in which the seat has nothing to do, instead of stepping past it."""
        return self._get("play/stop_at_idle", "false") == "true"

    @stop_at_idle.setter
    def stop_at_idle(self, value: bool) -> None:
        self._store.setValue("play/stop_at_idle", "true" if value else "false")
        self._store.sync()
