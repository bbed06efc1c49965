"""Qt's own texts follow the game's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from game.ui import i18n, qt_translation


def _cancel() -> str:
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_qt_standard_texts_are_chinese_in_chinese(qapp) -> None:
    assert qt_translation.follow("zh")
    assert _cancel() == "取消"


def test_qt_standard_texts_are_english_in_english(qapp) -> None:
    qt_translation.follow("zh")
    assert qt_translation.follow("en")
    assert _cancel() == "Cancel"
    qt_translation.follow(i18n.language())
