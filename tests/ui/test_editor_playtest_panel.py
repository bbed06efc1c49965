"""The play-test panel shows all its settings at every window size, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from game.ui.common import i18n
from tests.ui.test_editor_support import answer_questions, open_editor


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def settings_of(panel) -> list:
    return [panel.turn, panel.seed, panel.superior, panel.subordinate, panel.seat,
            panel.run_button, panel.take_button, *panel._labels]


def assert_all_shown(panel) -> None:
    QApplication.processEvents()
    inside = QRect(0, 0, panel.width(), panel.height())
    for widget in settings_of(panel):
        assert widget.isVisible(), widget
        assert widget.height() >= widget.minimumSizeHint().height(), widget
        assert widget.width() >= min(40, widget.sizeHint().width()), widget
        where = QRect(widget.mapTo(panel, widget.rect().topLeft()), widget.size())
        assert inside.contains(where), (widget, where, inside)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 640)], ids=["default", "1024x640"])
def test_the_play_test_settings_are_visible(qtbot, tmp_path: Path, screenshot, lang, size):
    i18n.set_language(lang)
    window = open_editor(qtbot, tmp_path, "tutorial")
    window.resize(*size)
    window.actions_["play"].trigger()
    qtbot.waitUntil(lambda: window.bottom.currentWidget() is window.playtest)
    assert_all_shown(window.playtest)
    screenshot(window, f"editor_playtest_{size[0]}x{size[1]}")
    if size == (1024, 640):
        with qtbot.waitSignal(window.playtest.finished, timeout=20_000):
            window.playtest.run_button.click()
        assert_all_shown(window.playtest)
        screenshot(window, f"editor_playtest_{size[0]}x{size[1]}_report")


def test_the_play_test_runs_the_whole_scenario_unless_told_otherwise(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path, "tutorial")
    panel = window.playtest
    assert panel.turn.value() == panel.turn.maximum() == window.scenario.turns
    with qtbot.waitSignal(panel.finished, timeout=20_000) as done:
        panel.run_button.click()
    assert done.args[0]["outcome"]["turns_played"] == window.scenario.turns
    assert f"{window.scenario.turns}/{window.scenario.turns}" in panel.status.text()


def test_a_turn_the_author_chose_survives_revalidation(qtbot, tmp_path: Path):
    from PySide6.QtCore import Qt

    window = open_editor(qtbot, tmp_path, "tutorial")
    panel = window.playtest
    window.bottom.setCurrentWidget(panel)
    panel.turn.setFocus()
    panel.turn.selectAll()
    qtbot.keyClicks(panel.turn, "2")
    qtbot.keyClick(panel.turn, Qt.Key.Key_Return)
    window.validate_now()
    assert panel.turn.value() == 2
