"""The notice over a shipped scenario in the editor: read-only, and the way out (a copy)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from game.ui.common.i18n import tr
from game.ui.common.lang import plain


class ReadOnlyBanner(QFrame):
    """'This scenario ships with the game and is read-only' and 'Save a copy to edit…'.

    Signals:
        copy_requested(): the author wants an editable copy.
    """

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReadOnlyBanner")
        self.setStyleSheet("QFrame#ReadOnlyBanner { background: #fff4d6; "
                           "border-bottom: 1px solid #e0c97a; }")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.copy_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the window's language."""
        self.text.setText(tr("editor.read_only"))
        self.copy_button.setText(tr("editor.save_copy"))
        self.copy_button.setAccessibleName(plain(tr("editor.save_copy")))
