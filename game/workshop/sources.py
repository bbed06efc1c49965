"""Where an export comes from: a saved single game, or a workshop session's record.

`export_file` tells them apart by the file's first bytes (a record is an SQLite file) and
writes the export (game.workshop.export.write_export); `python main.py export FILE --out DIR`
calls it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

from game.engine.game import Game
from game.engine.save import SaveGame, find_in_library, parse_save
from game.scenario.loader import load_scenario
from game.workshop.export import ExportError, TableRecord, write_export
from game.workshop.record import Record
from game.workshop.recording import session_rebuild
from game.workshop.table import as_style
from game.workshop.table import rebuild as rebuild_table


def file_problem(err: OSError, path: Path | str | None = None) -> tuple[str, str]:
    """A file that could not be read or written, said in plain words (no errno text).

    Args:
        err: the error raised by the file system.
        path: the file concerned (else the error's own filename).

    Returns:
        (zh, en): e.g. ("没有这个文件：PATH", "no such file: PATH").
    """
    where = str(path if path is not None else (err.filename or ""))
    if isinstance(err, FileNotFoundError):
        return f"没有这个文件：{where}", f"no such file: {where}"
    if isinstance(err, IsADirectoryError):
        return f"这是文件夹，不是文件：{where}", f"a folder, not a file: {where}"
    if isinstance(err, NotADirectoryError):
        return f"路径中有一段不是文件夹：{where}", f"part of the path is not a folder: {where}"
    if isinstance(err, PermissionError):
        return f"没有权限读写：{where}", f"not allowed to read or write: {where}"
    reason = err.strerror or type(err).__name__
    return f"无法读写 {where}（{reason}）", f"cannot read or write {where} ({reason})"


# ----- a saved game ------------------------------------------------------------------------


def load_saved_game(path: Path, folders: Sequence[Path]) -> tuple[SaveGame, Game]:
    """Read a save file and replay it (its scenario found by id in the library folders).

    Raises:
        game.engine.save.SaveError: the save cannot be read or replayed.
        OSError: the file cannot be read.
    """
    from game.engine.save import replay

    save = parse_save(Path(path).read_bytes())
    scenario_path = find_in_library(save.scenario_id, folders,
                                    mechanics=save.mechanics_digest, hint=save.scenario_path)
    return save, replay(save, load_scenario(scenario_path))


def export_save(path: Path, out: Path, folders: Sequence[Path],
                participants: Mapping[str, str] | None = None) -> list[Path]:
    """Export a saved single game as table "1" (its style label: the game's superior style).

    Args:
        path: the save file.
        out: the export folder.
        folders: the scenario library folders (shipped first, then the user's).
        participants: {seat: label}, if known.

    Returns:
        The files written (see `write_export`).

    Raises:
        game.engine.save.SaveError: the save cannot be read or replayed.
        ExportError: see `write_export`.
        OSError: a file cannot be read or written.
    """
    _, game = load_saved_game(path, folders)
    record = TableRecord("1", game.superior_style, game, dict(participants or {}))
    return write_export([record], out)


# ----- a workshop session's record ---------------------------------------------------------

#: The first bytes of every SQLite file (a session's record is one).
SQLITE_HEADER = b"SQLite format 3\x00"


def load_session(path: Path, folders: Sequence[Path]) -> list[TableRecord]:
    """Every table of a workshop session's record, rebuilt from its acts, ready to export.

    The file is first read without writing (it must be a record: a SQLite file with a session
    row); the scenario is found by id and mechanics digest in the library folders only. A
    table's style label is its game's superior style (part 1 sets one style per session).

    Raises:
        ExportError: the file is not a session's record, or a table's acts do not replay.
        game.engine.save.SaveError: its scenario is not in the library.
        OSError: the file cannot be read.
    """
    labels = _read_only_labels(Path(path))
    record = Record(path)
    try:
        info = record.session()
        if info is None:
            raise ExportError(f"{path}: the record holds no session")
        scenario = load_scenario(find_in_library(info.scenario_id, folders,
                                                 mechanics=info.scenario_digest,
                                                 hint=info.scenario_path))
        tables, styles = [], record.styles()
        for number in sorted(record.codes()):
            acts, style = record.acts(number), styles.get(number)
            try:
                game = rebuild_table(number, scenario, info.seed, info.seats, acts,
                                     superior_style=as_style(style)).game
            except ValueError as err:
                raise ExportError(f"{path}: table {number} does not replay: {err}") from None
            tables.append(TableRecord(str(number), game.superior_style, game,
                                      labels.get(number, {}),
                                      rebuild=session_rebuild(number, scenario, info.seed,
                                                              info.seats, acts, style)))
        return tables
    finally:
        record.close()


def _read_only_labels(path: Path) -> dict[int, dict[str, str]]:
    """{table: {seat: the last label given}} from the record, opened read-only (and refused
    unless it is a record: Record() would add its tables to any SQLite file)."""
    with path.open("rb") as stream:
        if stream.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise ExportError(f"{path}: not a session's record (not an SQLite file)")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            db.execute("SELECT format FROM session").fetchone()
            # Record has no reader of labels: its participants table, read as written.
            rows = db.execute("SELECT table_id, seat, label FROM participants ORDER BY rowid")
            labels: dict[int, dict[str, str]] = {}
            for table, seat, label in rows.fetchall():
                labels.setdefault(int(table), {})[str(seat)] = str(label)
            return labels
        finally:
            db.close()
    except sqlite3.Error as err:
        raise ExportError(f"{path}: not a session's record ({err})") from None


def export_file(path: Path, out: Path, folders: Sequence[Path]) -> list[Path]:
    """Export a saved game or a workshop session's record (told apart by the file's header).

    Args:
        path: a save (.json) or a session's record (SQLite).
        out: the export folder.
        folders: the scenario library folders (shipped first, then the user's).

    Returns:
        The files written (see `write_export`).

    Raises:
        game.engine.save.SaveError: a save cannot be read or replayed, or the scenario is not
            in the library.
        ExportError: see `load_session` and `write_export`.
        OSError: a file cannot be read or written.
    """
    with Path(path).open("rb") as stream:
        head = stream.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        title = "沟通式动员 工作坊记录 / Communicative Mobilization workshop records"
        return write_export(load_session(Path(path), folders), out, title=title)
    return export_save(path, out, folders)


__all__ = ["SQLITE_HEADER", "export_file", "export_save", "load_saved_game", "load_session"]
