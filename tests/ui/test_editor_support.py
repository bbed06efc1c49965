"""Helpers for the scenario editor's tests (no tests here): open an editor on a copy of a
shipped scenario, answer its questions, wait for validation."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"


def copy_scenario(tmp_path: Path, name: str = "double_rice") -> Path:
    """A private copy of a shipped scenario."""
    target = tmp_path / f"{name}.yaml"
    shutil.copy(SCENARIOS / f"{name}.yaml", target)
    return target


def answer_questions(monkeypatch: Any, *answers: QMessageBox.StandardButton) -> list[str]:
    """Make the editor's questions get `answers` in turn (then Discard); the texts asked."""
    from game.ui.editor import prompts

    asked: list[str] = []
    queue = list(answers)

    def ask(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return queue.pop(0) if queue else QMessageBox.StandardButton.Discard

    monkeypatch.setattr(prompts, "ask", ask)
    return asked


def open_editor(qtbot: Any, tmp_path: Path, name: str | None = "double_rice",
                **options: Any) -> Any:
    """An editor window on a copy of `name` (None: a new scenario), shown and validated.

    Tests answer the window's questions with `answer_questions` first (an autouse fixture in
    each test file makes every unasked question 'Discard', so closing never blocks).
    """
    from game.ui.editor import ScenarioEditorWindow

    path = copy_scenario(tmp_path, name) if name else None
    options.setdefault("drafts_dir", tmp_path / "drafts")
    options.setdefault("user_dir", tmp_path / "my_scenarios")
    window = ScenarioEditorWindow(path, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.scenario is not None or bool(window.problems), timeout=15000)
    return window


def edit_with(window: Any, qtbot: Any, change: Any) -> None:
    """Run `change()` and wait for the re-validation it causes."""
    with qtbot.waitSignal(window.validated, timeout=15000):
        change()


def unit_form(window: Any, unit_id: str) -> Any:
    """Select a unit and return its form."""
    window.select_unit(unit_id)
    assert window.pages.form is not None and window.pages.form.base[0] == "units"
    return window.pages.form
