"""Fitting long names: a combo box never grows with its longest item; what it shortens shows
whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

#: How many characters a combo keeps room for (about 10 Chinese characters, 20 Latin ones).
COMBO_CHARS = 20


def fit_combo(combo: QComboBox, chars: int = COMBO_CHARS) -> QComboBox:
    """Size `combo` for `chars` characters, whatever its items: a 100-character unit name is
    shortened with … (in the box and in its list) instead of widening the screen; the whole
    name is the box's tooltip. Returns the combo."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideRight)

    def tip(text: str) -> None:
        combo.setToolTip(text)

    combo.currentTextChanged.connect(tip)
    tip(combo.currentText())
    return combo
