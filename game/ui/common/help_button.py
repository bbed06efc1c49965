"""'How to play' on the start screen, beside its About button (Help ▸ How to play, F1, too)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, plain

register({
    "start.help": ("玩法说明(&W)", "Ho&w to play"),
})


def start_help_button(start: QWidget, beside: QWidget) -> QPushButton:
    """A 'How to play' button put just before `beside` in the start screen's row of buttons.

    The start screen is another module's; the button joins the row that holds `beside`
    (its About button), so that screen needs no change to offer the help.
    """
    button = QPushButton(objectName="StartHelp")
    row = next((layout for layout in start.findChildren(QHBoxLayout)
                if layout.indexOf(beside) >= 0), None)
    if row is not None:
        row.insertWidget(row.indexOf(beside), button)

    def retranslate() -> None:
        button.setText(tr("start.help"))
        button.setAccessibleName(plain(tr("start.help")))

    follow_language(button, retranslate)
    retranslate()
    return button
