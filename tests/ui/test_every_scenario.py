"""Every shipped scenario plays to its end in the window, for a bureau and a township seat."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.ui.common import i18n
from tests.ui.driver import end_phase, show_tab

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def _seats(path: Path) -> list[str]:
    seats = load_scenario(path).seats
    return sorted({seats[0], seats[-1]})


CASES = [(path, seat) for path in SCENARIOS for seat in _seats(path)]


@pytest.mark.parametrize(("path", "seat"), CASES, ids=[f"{p.stem}-{s}" for p, s in CASES])
def test_the_scenario_plays_to_the_end(qtbot, window, path: Path, seat: str) -> None:  # type: ignore[no-untyped-def]
    assert window.new_game(path, seat, seed=3)
    show_tab(qtbot, window, "inbox")
    while not window.session.game.over:
        end_phase(qtbot, window)
        if window.session.game.phase == "respond":
            i18n.set_language("en" if i18n.language() == "zh" else "zh")
    inbox = window.page.inbox
    for row in range(inbox.model.rowCount()):
        inbox.show_document(row)
    assert inbox.model.unread_count() == 0
    assert window.page.report.browser.toPlainText()
