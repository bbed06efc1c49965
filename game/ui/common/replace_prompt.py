"""Asking before a new, loaded or play-tested game takes the place of the one running."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from game.ui.common.i18n import register, tr

register({
    "replace.title": ("替换正在进行的游戏？", "Replace the game in progress?"),
    "replace.text": ("正在进行的游戏（{scenario}，{unit}，第 {turn} 回合）将被替换，"
                     "它的自动存档也会被新游戏覆盖。若想留着它，请先取消，用“另存为”保存。"
                     "\n\n要替换吗？",
                     "The game in progress ({scenario}, {unit}, turn {turn}) will be replaced, "
                     "and its autosave overwritten by the new game. To keep it, cancel and "
                     "use Save as first.\n\nReplace it?"),
    "replace.yes": ("替换(&R)", "&Replace"),
    "replace.no": ("取消(&C)", "&Cancel"),
})


def replace_box(parent: QWidget | None, scenario: str, unit: str, turn: int) -> QMessageBox:
    """'The game in progress will be replaced: replace?' — Replace (Yes) or Cancel (default)."""
    box = QMessageBox(parent)
    box.setObjectName("ReplaceBox")
    box.setWindowTitle(tr("replace.title"))
    box.setText(tr("replace.text", scenario=scenario, unit=unit, turn=turn))
    box.setIcon(QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(tr("replace.yes"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("replace.no"))
    return box
