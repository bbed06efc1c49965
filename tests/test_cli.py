"""The command line fails politely: a non-zero exit and one line on stderr, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenarios" / "tutorial.yaml")


def main_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


def one_line_failure(done: subprocess.CompletedProcess[str]) -> str:
    """Assert a polite failure and return its one line."""
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def broken_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "broken.yaml"
    path.write_text("schema_version: 1\nid: Broken!\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["play", "balance"])
def test_a_missing_scenario_file(command: str, tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    line = one_line_failure(main_py(command, str(path)))
    assert line.startswith(f"{path}:1:1: cannot read file")


def test_a_directory_instead_of_a_file(tmp_path: Path) -> None:
    line = one_line_failure(main_py("play", str(tmp_path)))
    assert line.startswith(f"{tmp_path}:1:1: cannot read file")


def test_a_scenario_that_is_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("turns: [1\n", encoding="utf-8")
    done = main_py("play", str(path))
    assert done.returncode == 1
    line = one_line_failure(done)
    assert line.startswith(f"{path}:2:1: ")


def test_a_scenario_with_errors_lists_each_on_stderr(broken_file: Path) -> None:
    done = main_py("play", str(broken_file))
    assert done.returncode == 1
    assert done.stdout == "" and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith(f"{broken_file}:") for line in lines)
    assert f"{broken_file}:2:5: id: 'Broken!' is not an id: use lower-case letters" in done.stderr


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("play", TUTORIAL, "--bogus"), "unrecognized arguments: --bogus"),
        (("play", TUTORIAL, "--seed", "seven"), "invalid int value: 'seven'"),
        (("play", TUTORIAL, "--superior", "kind"), "invalid choice: 'kind'"),
        (("play",), "the following arguments are required: scenario"),
        (("conquer",), "invalid choice: 'conquer'"),
        (("schema", "extra"), "unrecognized arguments: extra"),
        (("validate",), "the following arguments are required: files"),
    ],
    ids=["unknown option", "bad seed", "bad style", "no scenario", "unknown command",
         "stray argument", "nothing to validate"],
)
def test_bad_usage_exits_2_with_one_line(args: tuple[str, ...], phrase: str) -> None:
    done = main_py(*args)
    assert done.returncode == 2
    line = one_line_failure(done)
    assert phrase in line
    assert line.startswith("main.py")


def test_help_exits_0() -> None:
    done = main_py("--help")
    assert done.returncode == 0
    assert "validate" in done.stdout and "schema" in done.stdout


def test_no_display_is_one_line_not_a_qt_abort() -> None:
    from game.ui.start.launch import display_problem

    assert "no display" in display_problem({}, "linux")
    assert display_problem({"DISPLAY": ":0"}, "linux") == ""
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") == ""
    assert display_problem({}, "win32") == ""


def test_a_refused_host_start_is_one_line_and_leaves_no_record(tmp_path) -> None:
    for extra in (["--port", "99999"], ["--seats", "nobody"]):
        args = [sys.executable, str(ROOT / "main.py"), "host",
                str(ROOT / "scenarios" / "tutorial.yaml"), "--tables", "1", "--seats", "hexi",
                "--port", "0", *extra]
        done = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 2
        assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr
        assert list(tmp_path.iterdir()) == []


def test_export_names_a_missing_file_in_plain_words(tmp_path: Path) -> None:
    missing = tmp_path / "gone.db"
    said = one_line_failure(main_py("export", str(missing), "--out", str(tmp_path / "out")))
    assert f"no such file: {missing}" in said and f"没有这个文件：{missing}" in said
    assert "Errno" not in said


def _tutorial_record(path: Path) -> Path:
    from game.scenario.loader import load_scenario
    from game.workshop.host import WorkshopHost
    from game.workshop.record import Record

    record = Record(path)
    WorkshopHost(load_scenario(TUTORIAL), record, 1, ["hexi"], 0, 60.0, TUTORIAL)
    record.close()
    return path


def test_hosting_a_record_of_another_scenario_names_both_scenarios(tmp_path: Path) -> None:
    db = _tutorial_record(tmp_path / "tutorial.db")
    said = one_line_failure(main_py("host", str(ROOT / "scenarios" / "double_rice.yaml"),
                                    "--seats", "hexi", "--port", "0", "--db", str(db)))
    assert "a record of scenario 'tutorial', not 'double_rice'" in said
    assert "这份记录属于情景“tutorial”，不是“double_rice”" in said
    assert "changed since" not in said


def test_resuming_a_record_says_its_own_tables_and_seats_are_used(tmp_path: Path) -> None:
    db = _tutorial_record(tmp_path / "tutorial.db")
    # an address not of this machine: the host stops at listening, after the notice
    done = main_py("host", TUTORIAL, "--tables", "3", "--seats", "county_agri,hexi",
                   "--port", "0", "--bind", "192.0.2.1", "--db", str(db))
    notes = [line for line in done.stderr.splitlines() if line.startswith("host: ")]
    assert any("resumes with the record's own 1 table and seats hexi" in line
               and "--tables 3 --seats county_agri,hexi are not used" in line
               for line in notes), done.stderr
    assert any("按记录自己的 1 桌、席位 hexi 继续" in line for line in notes), done.stderr
