"""Qt's own texts follow the game's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from game.ui.common import i18n, qt_translation


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


def test_the_file_dialog_reads_chinese_in_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QLabel

    assert qt_translation.follow("zh")
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and all(any("\u4e00" <= c <= "\u9fff" for c in t) for t in labels), labels
        dialog.deleteLater()
    finally:
        qt_translation.follow(i18n.language())
    assert qt_translation.follow("en")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    assert "&Look in:" in [label.text() for label in dialog.findChildren(QLabel)]
    dialog.deleteLater()
    qt_translation.follow(i18n.language())
