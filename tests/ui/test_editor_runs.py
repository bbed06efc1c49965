"""Play-testing and balance-checking the edited scenario from the editor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_editor_support import answer_questions, edit_with, open_editor


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def test_a_play_test_runs_to_the_chosen_turn_and_shows_the_outcome(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path, "tutorial")
    panel = window.playtest
    panel.turn.setValue(3)
    with qtbot.waitSignal(panel.finished, timeout=20_000) as blocker:
        panel.run_button.click()
    report = blocker.args[0]
    assert report["outcome"]["turns_played"] >= 3 and not report["outcome"]["over"]
    assert "tutorial" in panel.output.toPlainText()
    assert panel.run_button.isEnabled()


def test_a_play_test_to_the_last_turn_plays_the_whole_game(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path, "tutorial")
    window.playtest.turn.setValue(window.scenario.turns)
    with qtbot.waitSignal(window.playtest.finished, timeout=20_000) as blocker:
        window.playtest.run_button.click()
    assert blocker.args[0]["outcome"]["over"]


def test_a_play_test_of_an_invalid_scenario_says_so(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path, "tutorial")
    bad = window.yaml.toPlainText().replace("deadline: 6", "deadline: 60")
    edit_with(window, qtbot, lambda: window.yaml.setPlainText(bad))
    window.playtest.run_button.click()
    assert not window.playtest.running()
    assert window.playtest.status.text() == "情景有错误，请先修正。"


def test_a_balance_check_reports_progress_and_the_spread(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path, "tutorial")
    panel = window.balance
    panel.games.setValue(4)
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(panel.finished, timeout=30_000) as blocker:
        panel.run_button.click()
    assert blocker.args == [4]
    assert seen[-1] == 4 and len(set(seen) - {0}) >= 2
    keys = [row.key for row in panel.model.rows]
    assert "delivered_vs_original" in keys and "resilience" in keys


def test_a_cancelled_balance_check_stops_early(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path, "tutorial")
    panel = window.balance
    panel.games.setValue(500)
    panel.progress.valueChanged.connect(
        lambda value: panel.cancel_button.click() if value == 1 else None)
    with qtbot.waitSignal(panel.finished, timeout=30_000) as blocker:
        panel.run_button.click()
    assert 1 <= blocker.args[0] < 500
    assert "取消" in panel.status.text()
