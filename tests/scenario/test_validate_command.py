"""`main.py validate` and `main.py schema`: the scenario language from the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario.schema import scenario_schema
from tests.scenario.helpers import MINIMAL, ROOT, SHIPPED, broken

LOCATED = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def main_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


def test_validate_accepts_the_shipped_scenarios() -> None:
    done = main_py("validate", *map(str, SHIPPED))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_validate_reports_located_problems_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    text = broken(32, "    original_target: -5\n").replace("turns: 4\n", "turns: four\n")
    path.write_text(text, encoding="utf-8")
    done = main_py("validate", str(path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines, done.stderr
    matches = [LOCATED.match(line) for line in lines]
    assert all(matches), lines
    assert [(m["file"], m["line"], m["col"]) for m in matches if m][:2] == [
        (str(path), "5", "8"), (str(path), "32", "22")
    ]
    assert "Traceback" not in done.stdout + done.stderr


def test_validate_checks_every_file_and_fails_if_any_fails(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    bad.write_text("- not a mapping\n", encoding="utf-8")
    done = main_py("validate", str(bad), str(good))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"{bad}:1:1: a scenario file must be a YAML mapping"]


def test_validate_prints_lint_warnings_but_passes(tmp_path: Path) -> None:
    path = tmp_path / "warned.yaml"
    path.write_text(MINIMAL.replace("{zh: 甲镇, en: Town A}", "{zh: Town A, en: Town A}"),
                    encoding="utf-8")
    done = main_py("validate", str(path))
    assert done.returncode == 0
    assert f"{path}:17:11: warning: " in done.stdout


def test_validate_of_a_missing_file_fails_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    done = main_py("validate", str(path))
    assert done.returncode == 1
    assert done.stdout.startswith(f"{path}:1:1: cannot read file")


def test_schema_prints_the_schema_as_json() -> None:
    done = main_py("schema")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == scenario_schema()


def test_validate_reads_each_file_once(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The loader, lint and the scoring check share one reading of the file."""
    import game.scenario.reader as reader
    from game.app import main
    from game.scoring.rules import known_rule_ids

    known_rule_ids()  # the rule file is read once per process, before this test counts

    reads: list[str] = []
    real = reader.read_file

    def counting(path: str | Path) -> str:
        reads.append(str(path))
        return real(path)

    monkeypatch.setattr(reader, "read_file", counting)
    monkeypatch.setattr(Path, "read_text", lambda *a, **k: pytest.fail("read again"))
    unknown = ROOT / "tests" / "data" / "cases" / "unknown_weight.yaml"
    assert main(["validate", str(SHIPPED[0]), str(unknown)]) == 1
    assert reads == [str(SHIPPED[0]), str(unknown)]
    assert capsys.readouterr().out.count("unknown rule") == 1
