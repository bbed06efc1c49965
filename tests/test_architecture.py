"""The layers hold: import-linter's contracts from pyproject.toml are kept.

Engine, scenario and scoring never import Qt; ui sits above scoring, above engine, above
scenario. The contracts are read from pyproject.toml, so a contract added there is checked too.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(config: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the `game` package found in `cwd`."""
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo", str(config)],
        cwd=cwd, capture_output=True, text=True, timeout=300, check=False,
    )


def usable_config(folder: Path) -> Path:
    """pyproject.toml's contracts with `include_external_packages` on, written into `folder`.

    import-linter refuses a forbidden contract on an outside package (PySide6) unless the
    configuration includes external packages; see test_pyproject_configuration_runs_as_is.
    """
    text = PYPROJECT.read_text(encoding="utf-8")
    if "include_external_packages" not in tomllib.loads(text)["tool"]["importlinter"]:
        text = text.replace("[tool.importlinter]\n",
                            "[tool.importlinter]\ninclude_external_packages = true\n", 1)
    config = folder / "pyproject.toml"
    config.write_text(text, encoding="utf-8")
    return config


def contracts() -> list[str]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return [contract["name"] for contract in config["contracts"]]


def test_pyproject_declares_the_qt_and_layer_contracts() -> None:
    kinds = {
        contract["type"]
        for contract in tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["importlinter"][
            "contracts"
        ]
    }
    assert kinds >= {"forbidden", "layers"}


def test_every_import_contract_is_kept(tmp_path: Path) -> None:
    done = lint_imports(usable_config(tmp_path), ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in contracts():
        assert f"{name} KEPT" in done.stdout


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        ("engine/_breach.py", "import PySide6.QtCore\n", "never import Qt"),
        ("scenario/_breach.py", "import game.engine.game\n", "Layers"),
        ("engine/directives.py", "import game.engine.game\n", "Engine layers"),
        ("engine/world.py", "import game.engine.directives\n", "Engine layers"),
        ("engine/events.py", "import game.engine.world\n", "Engine layers"),
        ("engine/_unplaced.py", "import game.engine.world\n", "Engine layers"),
    ],
    ids=[
        "Qt in the engine",
        "scenario importing the engine",
        "a phase importing Game",
        "the World importing a phase",
        "a record importing the World",
        "an engine module outside the layers",
    ],
)
def test_a_breach_of_a_contract_fails_the_check(
    tmp_path: Path, module: str, source: str, contract: str
) -> None:
    """The check is not vacuous: a copy of the package with one bad import is caught."""
    shutil.copytree(ROOT / "game", tmp_path / "game",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "game" / module).write_text(source, encoding="utf-8")
    done = lint_imports(usable_config(tmp_path), tmp_path)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout
    broken = [line for line in done.stdout.splitlines() if " BROKEN" in line]
    assert any(contract in line for line in broken), done.stdout


def test_pyproject_configuration_runs_as_is() -> None:
    done = lint_imports(PYPROJECT, ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_engine_imports_nothing_inside_functions() -> None:
    """The game's own modules are imported at module top (or under TYPE_CHECKING), never
    inside a function to dodge a cycle: the layers contract shows every edge. (Outside
    libraries may load late for start-up time, e.g. networkx in hierarchy.py.)

    save.py alone imports Game inside `_new_game`: the start screen reads saves without
    loading the engine (commit 2bf3827).
    """
    late: list[tuple[str, str]] = []
    for path in sorted((ROOT / "game" / "engine").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                if any(name == "game" or name.startswith("game.") for name in names):
                    late.append((path.name, function.name))
    assert late == [("save.py", "_new_game")]
