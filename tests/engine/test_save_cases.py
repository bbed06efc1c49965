"""Saves from outside: the cases in ../shared/cases/files, the library look-up, two writers.

Each save case is refused with a reason and the file is left as it was; a save finds its
scenario by id inside the library folders only; two processes writing one autosave never
leave a torn file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import save as save_module
from game.engine.game import Game
from game.engine.save import (
    SaveError,
    find_in_library,
    mechanics_digest,
    parse_save,
    to_save,
)
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from tests.engine.helpers import ROOT, SCENARIOS

#: `../shared/cases/files` beside the project (a worktree sits one folder deeper).
CASES = next((folder / "shared" / "cases" / "files" for folder in (ROOT.parent, ROOT.parent.parent)
              if (folder / "shared" / "cases" / "files").is_dir()), ROOT / "missing-cases")
needs_cases = pytest.mark.skipif(not CASES.is_dir(), reason="the shared cases folder is absent")


@pytest.fixture
def library(tmp_path: Path) -> list[Path]:
    """The shipped folder and an empty user scenarios folder."""
    user = tmp_path / "data" / "scenarios"
    user.mkdir(parents=True)
    return [SCENARIOS, user]


# ----- the cases ----------------------------------------------------------------------------


@needs_cases
def test_a_4301_digit_integer_is_refused_with_a_reason_and_the_file_kept() -> None:
    path = CASES / "save_huge_int.json"
    before = path.read_bytes()
    with pytest.raises(SaveError, match="4,301 digits") as caught:
        parse_save(before)
    assert caught.value.kind == "limit"
    assert path.read_bytes() == before


@needs_cases
def test_a_scenario_id_that_climbs_out_of_the_library_is_refused(library: list[Path]) -> None:
    path = CASES / "save_id_traversal.json"
    save = parse_save(path.read_bytes())
    with pytest.raises(SaveError, match="not a scenario id") as caught:
        find_in_library(save.scenario_id, library, mechanics=save.mechanics_digest,
                        hint=save.scenario_path)
    assert caught.value.kind == "library"


@needs_cases
def test_a_scenario_outside_the_library_is_not_found_by_its_plain_id(
        library: list[Path]) -> None:
    outside = load_scenario(CASES / "outside_scenario.yaml")
    with pytest.raises(SaveError, match="not in the library"):
        find_in_library("outside_scenario", library)
    with pytest.raises(SaveError, match="not in the library"):
        find_in_library("outside_scenario", library, hint=str(CASES / "outside_scenario.yaml"))
    assert outside.id == "double_rice"  # its own id finds the shipped file, not this one
    assert find_in_library("double_rice", library) == SCENARIOS / "double_rice.yaml"


@needs_cases
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.glob("*.yaml")) if CASES.is_dir()
                         else [])
def test_a_broken_library_file_is_no_match_and_no_crash(case: str, library: list[Path]) -> None:
    shutil.copy(CASES / case, library[1] / case)
    stem = Path(case).stem
    try:
        found = find_in_library(stem, library, hint=case)
    except SaveError as err:
        assert err.kind == "library"
    else:  # only a file that loads and really has this id may be found
        assert load_scenario(found).id == stem


# ----- the library --------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["", "Tutorial", "../tutorial", "tutorial/../x", "a" * 65,
                                 "tutorial.yaml", "/etc/passwd", "tu torial", "_tutorial"])
def test_only_scenario_ids_are_looked_up(bad: str, library: list[Path]) -> None:
    with pytest.raises(SaveError, match="not a scenario id"):
        find_in_library(bad, library)


def test_a_users_scenario_is_found_in_the_user_folder(library: list[Path]) -> None:
    text = (SCENARIOS / "tutorial.yaml").read_text(encoding="utf-8")
    mine = library[1] / "my_tutorial.yaml"
    mine.write_text(text.replace("id: tutorial", "id: my_tutorial", 1), encoding="utf-8")
    assert find_in_library("my_tutorial", library) == mine


def test_a_copy_keeping_the_shipped_id_is_told_apart_by_its_mechanics(
        library: list[Path]) -> None:
    text = (SCENARIOS / "tutorial.yaml").read_text(encoding="utf-8")
    assert text.count("turns: ") == 1
    copy = library[1] / "copy.yaml"
    copy.write_text(text.replace("turns: ", "turns: 1", 1), encoding="utf-8")
    shipped, mine = load_scenario(SCENARIOS / "tutorial.yaml"), load_scenario(copy)
    assert mine.id == shipped.id == "tutorial" and mine.turns != shipped.turns
    assert find_in_library("tutorial", library, mechanics=mechanics_digest(mine)) == copy
    assert find_in_library("tutorial", library, mechanics=mechanics_digest(mine),
                           hint="copy.yaml") == copy
    assert find_in_library("tutorial", library,
                           mechanics=mechanics_digest(shipped)) == SCENARIOS / "tutorial.yaml"


def test_a_link_in_the_library_that_points_outside_is_not_followed(
        library: list[Path], tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "linked.yaml"
    outside.parent.mkdir()
    text = (SCENARIOS / "tutorial.yaml").read_text(encoding="utf-8")
    outside.write_text(text.replace("id: tutorial", "id: linked", 1), encoding="utf-8")
    (library[1] / "linked.yaml").symlink_to(outside)
    with pytest.raises(SaveError, match="not in the library"):
        find_in_library("linked", library)


# ----- two processes, one autosave ------------------------------------------------------------

WRITER = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from game.engine.save import write_atomically

path, name, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for number in range(rounds):
    write_atomically(path, json.dumps({"writer": name, "round": number, "pad": name * 300_000}))
"""


def test_two_processes_writing_one_autosave_never_tear_it(tmp_path: Path) -> None:
    path = tmp_path / "autosave.json"
    path.write_text(json.dumps({"writer": "start", "round": -1, "pad": ""}), encoding="utf-8")
    rounds = 300
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(rounds),
                                 str(ROOT)]) for name in ("a", "b")]
    reads, seen = 0, set()
    while any(w.poll() is None for w in writers) and reads < 200_000:
        data = json.loads(path.read_text(encoding="utf-8"))  # a torn file fails here
        assert data["pad"] == data["writer"] * 300_000 or data["writer"] == "start"
        seen.add(data["writer"])
        reads += 1
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    last = json.loads(path.read_text(encoding="utf-8"))
    assert (last["writer"], last["round"]) in {("a", rounds - 1), ("b", rounds - 1)}
    assert os.listdir(tmp_path) == ["autosave.json"]  # no temporary file left behind
    assert reads > 0


def test_a_save_of_a_game_names_only_its_scenario_file(double_rice: Scenario) -> None:
    save = to_save(Game(double_rice, seed=3, humans=["beiyuan"]),
                   str(SCENARIOS / "double_rice.yaml"))
    assert save.scenario_path == "double_rice.yaml"


@pytest.mark.parametrize("hint", ["/etc/passwd", "../../../etc/passwd", "/tmp/x/tutorial.yaml",
                                  "C:\\Windows\\win.ini"])
def test_a_path_in_the_save_is_never_opened(hint: str, library: list[Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[Path] = []

    def load(path: Path) -> Scenario:
        read.append(Path(path))
        return load_scenario(path)

    monkeypatch.setattr(save_module, "load_scenario", load)
    assert find_in_library("tutorial", library, hint=hint) == SCENARIOS / "tutorial.yaml"
    assert read == [SCENARIOS / "tutorial.yaml"]
