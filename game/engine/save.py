"""Saved games: scenario + seed + styles + the human moves, replayed to the identical log.

A save is a small JSON document, and an untrusted one: it may come from a colleague, a mail, or
a crafted file. So it is read with limits checked before and during parsing (size, nesting
depth, digits of an integer, number of moves), its scenario is found by a validated id inside
the library folders only (never by a path taken from the file), and an integrity digest over
what the game is made of (scenario id, mechanics digest, seed, seats, styles, moves) refuses a
file changed by hand instead of loading it silently as another game.

The scenario is pinned by a digest of its *mechanics* (units, relations, tasks, events,
numbers, scoring rules), not of its prose (titles, names, descriptions, notes, briefing): a
typo fixed in a scenario's notes keeps its saves loadable; a changed number refuses them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import stat
import tempfile
import types
import typing
from collections.abc import Iterable, Sequence
from itertools import accumulate
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.scenario.loader import ScenarioError, load_scenario, scenario_digest
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle, Text

if TYPE_CHECKING:
    from game.engine.game import Game

#: Format 2 adds the mechanics digest and the integrity digest; format 1 is still read.
SAVE_VERSION = 2
#: Largest save file read, in bytes. A finished 120-turn game of the province scenario is
#: about 1 MB; a million moves (196 MB) is refused here before any parsing.
MAX_SAVE_BYTES = 20 * 1024 * 1024
#: Deepest nesting of lists and objects: a save is 5 levels deep (save, moves, move, shares).
MAX_DEPTH = 32
#: Most digits in an integer: seeds are below 2**63 (19 digits); Python refuses 4,301 itself.
MAX_DIGITS = 20
#: Most human moves in one save: far above any real game, far below what stalls a replay.
MAX_MOVES = 20_000
#: A scenario id as the scenario language defines it (`Identifier` in game.scenario.models).
SCENARIO_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
#: A scenario file's name, as a save may suggest it (a hint looked up inside library folders).
_FILE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,120}\.ya?ml$")
_SEED_BOUND = 2**63


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


class SavedIntervention(BaseModel):
    """A workshop facilitator's act on the game (`game.engine.game.Intervention`): a notice
    to every seat or a scenario event fired now, after `after` of the game's human moves."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["notice", "inject"]
    turn: int = Field(ge=1)
    phase: Literal["plan", "report", "respond"]
    after: int = Field(ge=0, le=MAX_MOVES)
    event: str = Field(default="", max_length=200)
    zh: str = Field(default="", max_length=500)
    en: str = Field(default="", max_length=500)


class SaveGame(BaseModel):
    """A game as a small JSON document."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    save_version: int = Field(ge=1, description="Version of this save format.")
    scenario_id: str
    scenario_digest: str = Field(
        description="Fingerprint of the whole scenario file's content (format 1 checks it)."
    )
    mechanics_digest: str = Field(
        default="", description="Fingerprint of the scenario's mechanics (format 2 checks it)."
    )
    scenario_path: str = Field(
        default="",
        description="The scenario file's name: a hint looked up inside the library folders only.",
    )
    seed: int = Field(ge=-_SEED_BOUND, lt=_SEED_BOUND)
    humans: list[str] = Field(description="Seats people held from the start.")
    handovers: list[SavedHandover] = Field(
        default_factory=list, description="Seats people took over later (play-tests)."
    )
    superior_style: SuperiorStyle
    subordinate_style: SubordinateStyle
    turn: int = Field(ge=1)
    phase: Literal["plan", "report", "respond", "over"]
    moves: list[SavedMove] = Field(max_length=MAX_MOVES)
    interventions: list[SavedIntervention] = Field(
        default_factory=list, max_length=MAX_MOVES,
        description="A workshop facilitator's notices and injected events, in order.")
    integrity: str = Field(
        default="",
        description="Digest of everything that makes the game (see integrity_digest).",
    )


class SaveError(Exception):
    """A save that cannot be read: corrupt, from a newer version, or of another scenario.

    Args:
        message: the reason, in English, naming what is wrong.
        kind: what sort of refusal, for the window's message: "corrupt" (not a save),
            "newer" (a newer format), "limit" (too large, deep, long a number, or too many
            moves), "tampered" (changed after it was written), "library" (its scenario is not
            in the library), "mismatch" (it does not fit its scenario), "changed" (the
            scenario's mechanics changed since).
    """

    def __init__(self, message: str, kind: str = "corrupt") -> None:
        super().__init__(message)
        self.kind = kind


class ScenarioChanged(SaveError):
    """The save's scenario exists, but its mechanics changed since the save was made.

    The same scenario can still be started afresh with the save's seed, seats and styles.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, "changed")


def to_save(game: Game, scenario_path: str = "") -> SaveGame:
    """Describe a game as a save document.

    Args:
        game: the game to describe.
        scenario_path: the scenario file; only its name is kept, as a hint for finding it
            again inside the library folders.

    Returns:
        The save, with its mechanics and integrity digests filled in.
    """
    save = SaveGame(
        save_version=SAVE_VERSION,
        scenario_id=game.scenario.id,
        scenario_digest=scenario_digest(game.scenario),
        mechanics_digest=mechanics_digest(game.scenario),
        scenario_path=PurePath(scenario_path).name if scenario_path else "",
        seed=game.seed,
        humans=sorted(game.initial_humans),
        handovers=[SavedHandover(seat=s, turn=t, phase=p) for s, t, p in game.handovers],
        superior_style=game.superior_style,
        subordinate_style=game.subordinate_style,
        turn=game.turn,
        phase=game.phase,
        moves=[SavedMove(**vars(m)) for m in game.recorded],
        interventions=[SavedIntervention(**vars(i)) for i in game.interventions],
    )
    return save.model_copy(update={"integrity": integrity_digest(save)})


# ----- digests ------------------------------------------------------------------------------

#: Plain-text fields that are prose, by model: they never change what the game does.
_PROSE_FIELDS = {("Scenario", "author"), ("Scenario", "version"), ("Unit", "region")}
#: Keys of scoring rules written as plain data (game/scoring/rules.yaml) that are prose.
_PROSE_KEYS = {"explanation", "citation", "label", "description", "quote"}


def mechanics_digest(scenario: Scenario) -> str:
    """A fingerprint of what a scenario makes happen, blind to its prose.

    Counted: every number, id, kind, reference, list order and scoring rule. Left out: every
    bilingual text (titles, names, descriptions, briefing, notes, event texts, unit labels),
    the author, the scenario's own version string, the map's region labels, and the
    explanations and citations of scoring rules.

    Args:
        scenario: a validated scenario.

    Returns:
        32 hexadecimal digits (SHA-256).
    """
    data = json.dumps(_mechanics(scenario), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _mechanics(value: Any) -> Any:
    if isinstance(value, BaseModel):
        name = type(value).__name__
        return {
            field: _mechanics(getattr(value, field))
            for field, info in type(value).model_fields.items()
            if (name, field) not in _PROSE_FIELDS and not _is_text(info.annotation)
        }
    if isinstance(value, dict):
        return {str(k): _mechanics(v) for k, v in value.items()
                if k not in _PROSE_KEYS and not _is_bilingual(v)}
    if isinstance(value, list | tuple):
        return [_mechanics(v) for v in value]
    return value


def _is_text(annotation: Any) -> bool:
    """Whether a field holds bilingual text (`Text` or `Text | None`)."""
    if annotation is Text:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_text(arg) for arg in typing.get_args(annotation))
    return False


def _is_bilingual(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {"zh", "en"}


def integrity_digest(save: SaveGame) -> str:
    """A fingerprint of everything that makes the saved game what it is.

    It covers the scenario id, the mechanics digest, the seed, the seats and handovers, the
    styles, the point of the save and every move; not the file-name hint nor the whole-file
    digest. It is no signature (anyone can recompute it): it stops a hand-edited seed or move
    from loading silently as another game.

    Args:
        save: the save document (its own `integrity` field is ignored).

    Returns:
        32 hexadecimal digits (SHA-256).
    """
    exclude = {"integrity", "scenario_path", "scenario_digest"}
    if not save.interventions:  # saves made before interventions existed keep their digest
        exclude.add("interventions")
    content = save.model_dump(mode="json", exclude=exclude)
    data = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


# ----- reading ------------------------------------------------------------------------------


def parse_save(text: str | bytes) -> SaveGame:
    """Read a save document, naming what is wrong with it.

    Limits are checked before the JSON parser runs (size, nesting depth) and while it runs
    (digits of an integer, non-finite numbers), then the number of moves before the document
    is validated, then the integrity digest.

    Args:
        text: the file's content (bytes are read as UTF-8).

    Raises:
        SaveError: the text is not a save of this format, breaks a limit, was changed after
            it was written, or was written by a newer game. Nothing else escapes.
    """
    raw = _parse_json(text)
    version = raw.get("save_version") if isinstance(raw, dict) else None
    if isinstance(version, int | float) and not isinstance(version, bool) and (
        version > SAVE_VERSION
    ):
        raise SaveError(
            f"this save was written by a newer version of the game (format "
            f"{version}, this game reads up to {SAVE_VERSION})", "newer"
        )
    moves = raw.get("moves") if isinstance(raw, dict) else None
    if isinstance(moves, list) and len(moves) > MAX_MOVES:
        raise SaveError(f"the save holds {len(moves):,} moves; a save holds at most "
                        f"{MAX_MOVES:,}", "limit")
    try:
        save = SaveGame.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SaveError(
            f"corrupt save file: {where + ': ' if where else ''}{first['msg']}"
        ) from None
    _check_integrity(save)
    return save


def _parse_json(text: str | bytes) -> Any:
    if len(text) > MAX_SAVE_BYTES:
        raise SaveError(f"the save file is {len(text) / 2**20:.0f} MB; a save holds at most "
                        f"{MAX_SAVE_BYTES // 2**20} MB", "limit")
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        depth = nesting_depth(text)
        if depth > MAX_DEPTH:
            raise SaveError(f"corrupt save file: nested {depth} levels deep (a save is at "
                            f"most {MAX_DEPTH})", "limit")
        return json.loads(text, parse_int=_bounded_int, parse_float=_finite_float,
                          parse_constant=_no_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise SaveError(f"corrupt save file: not JSON ({err})") from None
    except (ValueError, RecursionError) as err:  # a last guard: nothing but SaveError leaves
        raise SaveError(f"corrupt save file: {err}") from None


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")


def nesting_depth(text: str) -> int:
    """How deep lists and objects nest in a JSON text, found without parsing it.

    Strings are removed first (a bracket inside a string does not nest); a text that is not
    JSON gives some number, and the parser then names what is wrong with it.

    Args:
        text: a JSON document.

    Returns:
        The deepest nesting (0 for a bare number or string).
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text)).encode("ascii")
    steps = memoryview(brackets.translate(_STEPS)).cast("b")
    return max(accumulate(steps, initial=0))


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise SaveError(f"corrupt save file: a number with {len(digits.lstrip('-')):,} digits "
                        f"(a save's numbers have at most {MAX_DIGITS})", "limit")
    return int(digits)


def _finite_float(digits: str) -> float:
    value = float(digits)
    if not math.isfinite(value):
        raise SaveError(f"corrupt save file: the number {digits[:40]} is too large", "limit")
    return value


def _no_constant(name: str) -> float:
    raise SaveError(f"corrupt save file: {name} is not a number a save may hold")


def _check_integrity(save: SaveGame) -> None:
    if save.save_version < 2:
        return  # format 1 had no digest: read as before (its whole-file digest still holds)
    if not save.integrity:
        raise SaveError("corrupt save file: the integrity digest is missing", "tampered")
    if save.integrity != integrity_digest(save):
        raise SaveError(
            "the save was changed after it was written (its seed, seats or moves no longer "
            "match its integrity digest); it would load as another game", "tampered"
        )


# ----- the library --------------------------------------------------------------------------


def find_in_library(scenario_id: str, folders: Sequence[Path], *, mechanics: str = "",
                    hint: str = "") -> Path:
    """The scenario file of a save, looked up by id inside the library folders only.

    The id must be a scenario id (`^[a-z][a-z0-9_]{0,63}$`), so it cannot climb out of a
    folder. Candidates, in order: the file named by `hint` (its name only) in each folder,
    `<id>.yaml` in each folder, then every other `*.yaml` of the folders; a candidate counts
    when its resolved path lies inside its folder and its scenario has this id. The first
    candidate whose mechanics digest is `mechanics` wins; failing that, the first candidate
    (whose replay then reports the changed mechanics).

    Args:
        scenario_id: the id the save names.
        folders: the library folders, shipped first, then the user's.
        mechanics: the save's mechanics digest ("" for none).
        hint: the scenario file name the save suggests (any folder part is ignored).

    Returns:
        The scenario file.

    Raises:
        SaveError: the id is not a scenario id, or no library folder holds that scenario.
    """
    if not SCENARIO_ID.match(scenario_id):
        raise SaveError(f"the save names the scenario '{scenario_id[:80]}', which is not a "
                        "scenario id: a save opens only scenarios of the library", "library")
    first: Path | None = None
    for path, scenario in _candidates(scenario_id, folders, PurePath(hint).name):
        if not mechanics or mechanics_digest(scenario) == mechanics:
            return path
        first = first or path
    if first is None:
        where = ", ".join(str(folder) for folder in folders)
        raise SaveError(f"scenario '{scenario_id}' is not in the library ({where}); copy its "
                        "file into the scenarios folder to open this save", "library")
    return first


def _candidates(scenario_id: str, folders: Sequence[Path],
                hint: str) -> Iterable[tuple[Path, Scenario]]:
    seen: set[Path] = set()
    names = [hint] if _FILE_NAME.match(hint) else []
    wanted = [folder / name for name in (*names, f"{scenario_id}.yaml") for folder in folders]
    others = (path for folder in folders for path in sorted(_yaml_files(folder)))
    for path in (*wanted, *others):
        if path in seen or not _inside_library(path, folders):
            continue
        seen.add(path)
        scenario = _read_scenario(path)
        if scenario is not None and scenario.id == scenario_id:
            yield path, scenario


def _yaml_files(folder: Path) -> list[Path]:
    try:
        return [*folder.glob("*.yaml"), *folder.glob("*.yml")]
    except OSError:
        return []


def _inside_library(path: Path, folders: Sequence[Path]) -> bool:
    try:
        if not path.is_file():
            return False
        real = path.resolve()
        return any(real.is_relative_to(folder.resolve()) for folder in folders
                   if path.parent == folder)
    except OSError:
        return False


def _read_scenario(path: Path) -> Scenario | None:
    try:
        return load_scenario(path)
    except ScenarioError:
        return None
    except Exception:  # noqa: BLE001 — whatever a broken library file does, it is no match
        return None


def replay(save: SaveGame, scenario: Scenario) -> Game:
    """Rebuild a game from its save: same seed, same moves, the same log byte for byte.

    Args:
        save: a save read by `parse_save`.
        scenario: the scenario it names, as found by `find_in_library`.

    Raises:
        ScenarioChanged: the scenario's mechanics changed since the save was made (format 1:
            any of its content changed).
        SaveError: the save belongs to another scenario, its moves are out of order or no
            longer apply, or it stops where the game never rests.
    """
    if scenario.id != save.scenario_id:
        raise SaveError(f"the save is of scenario '{save.scenario_id}', not '{scenario.id}'",
                        "mismatch")
    if save.save_version < 2:
        unchanged = scenario_digest(scenario) == save.scenario_digest
    else:
        unchanged = mechanics_digest(scenario) == save.mechanics_digest
    if not unchanged:
        raise ScenarioChanged(
            f"the save was made with another version of scenario '{save.scenario_id}': its "
            "units, tasks, numbers or events changed since"
        )
    _check_order(save)
    game = _new_game(save, scenario)
    pending = list(save.moves)
    handovers = list(save.handovers)
    interventions = list(save.interventions)
    while (game.turn, game.phase) != (save.turn, save.phase):
        if game.over:
            raise SaveError(
                f"the save stops at turn {save.turn} ({save.phase}), which the game never reaches",
                "mismatch",
            )
        _hand_over_due(game, handovers)
        _submit_due(game, pending, interventions)
        game.advance()
    _hand_over_due(game, handovers)
    _submit_due(game, pending, interventions)
    if handovers:
        raise SaveError("corrupt save file: a seat is taken over after the point of the save")
    if interventions:
        raise SaveError("corrupt save file: a facilitator's act does not fit the moves")
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
        raise SaveError(f"the save does not fit scenario '{save.scenario_id}': {err}",
                        "mismatch") from None


def _submit_due(game: Game, pending: list[SavedMove],
                interventions: list[SavedIntervention] | None = None) -> None:
    """Replay the saved moves made in the game's current turn and phase, and the facilitator's
    acts among them (each after as many human moves as it was made after)."""
    waiting = interventions if interventions is not None else []
    while True:
        _intervene_due(game, waiting)
        if not (pending and (pending[0].turn, pending[0].phase) == (game.turn, game.phase)):
            return
        saved = pending.pop(0)
        result = game.submit(saved.seat, saved.move)
        if not result.ok:
            reason = result.refusal.en if result.refusal else ""
            raise SaveError(f"a saved move no longer applies: {saved.move} ({reason})",
                            "mismatch")


def _intervene_due(game: Game, interventions: list[SavedIntervention]) -> None:
    while interventions and (interventions[0].turn, interventions[0].phase,
                             interventions[0].after) == (game.turn, game.phase,
                                                         len(game.recorded)):
        saved = interventions.pop(0)
        try:
            game.intervene(saved.kind, saved.turn, saved.phase, event=saved.event,
                           zh=saved.zh, en=saved.en)
        except ValueError as err:
            raise SaveError(f"a facilitator's act no longer applies: {err}", "mismatch") \
                from None


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write a file so that a crash leaves either the old or the new version, never half.

    The text goes to a temporary file of a unique name in the same folder (so two writers
    never share one), is flushed to disk, takes the permissions of the file it replaces (or
    the usual ones for a new file), and is renamed over `path` in one step.

    Args:
        path: the file to write; its folder is made when missing.
        data: the content (text is written as UTF-8, as given).

    Raises:
        OSError: the folder cannot be written (read-only, full, missing rights); the old file
            is then untouched and no temporary file is left behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    content = data.encode("utf-8") if isinstance(data, str) else data
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    """The permission bits a rewrite of `path` keeps: its own, or 0o666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        return int(re.search(r"^Umask:\s*([0-7]+)", status, re.M).group(1), 8)  # type: ignore[union-attr]
    except (OSError, AttributeError, ValueError):
        umask = os.umask(0o022)  # elsewhere: set and put back at once
        os.umask(umask)
        return umask
