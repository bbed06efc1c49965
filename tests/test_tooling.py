"""The code keeps its own rules: ruff everywhere, mypy strict on the pure-Python packages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "game", "tests", "main.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean_on_the_pure_python_packages() -> None:
    done = _run("mypy", "game/engine", "game/scenario", "game/scoring", "game/workshop")
    assert done.returncode == 0, done.stdout + done.stderr
