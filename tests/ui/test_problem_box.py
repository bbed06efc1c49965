"""A save's problem reads in the player's language: the engine's English reason stays out of
the Chinese text (one click away, as the technical detail)."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from game.ui.common import dialogs, i18n
from game.ui.play.saves import SaveProblem

DETAIL = "corrupt save file: not JSON"


def _box_text(qtbot: QtBot, lang: str) -> tuple[str, str]:
    i18n.set_language(lang)
    try:
        box = dialogs.problem_box(None, SaveProblem("corrupt", Path("/tmp/x.json"), DETAIL), None)
        qtbot.addWidget(box)
        return box.text(), box.detailedText()
    finally:
        i18n.set_language("zh")


def test_the_chinese_box_keeps_the_english_reason_in_its_details(qtbot: QtBot) -> None:
    text, detail = _box_text(qtbot, "zh")
    assert "存档文件已损坏" in text and DETAIL not in text
    assert DETAIL in detail


def test_the_english_box_gives_the_reason_inline(qtbot: QtBot) -> None:
    text, detail = _box_text(qtbot, "en")
    assert f"Reason: {DETAIL}" in text and detail == ""
