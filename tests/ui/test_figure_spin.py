"""A figure typed into a move is read as typed, or refused with a reason: `1e8` never
becomes 18."""

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from game.ui.common.numbers import FigureSpinBox


def _typed(qtbot: QtBot, text: str) -> tuple[FigureSpinBox, list[str]]:
    spin = FigureSpinBox(minimum=0.0, maximum=1e6, decimals=1)
    spin.setGroupSeparatorShown(True)
    qtbot.addWidget(spin)
    refused: list[str] = []
    spin.refused.connect(refused.append)
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin, text)
    spin.interpretText()
    spin.lineEdit().editingFinished.emit()
    return spin, refused


@pytest.mark.parametrize(("text", "value"), [("1e5", 1e5), ("2,500.5", 2500.5), ("42", 42.0)])
def test_a_figure_in_range_is_read_as_typed(qtbot: QtBot, text: str, value: float) -> None:
    spin, refused = _typed(qtbot, text)
    assert spin.value() == value and refused == []


def test_a_figure_beyond_the_field_is_refused_with_its_bound(qtbot: QtBot) -> None:
    spin, refused = _typed(qtbot, "1e8")
    assert spin.value() != 18.0 and spin.value() <= 1e6
    assert len(refused) == 1 and "1e8" in refused[0] and "1,000,000" in refused[0]
