"""Questions to the author, with buttons in the window's language.

One function, `ask`, so that tests can answer in its place.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from game.ui.common.i18n import register, tr

Button = QMessageBox.StandardButton
BUTTONS = {Button.Save: "save", Button.Discard: "discard", Button.Cancel: "cancel",
           Button.Yes: "yes", Button.No: "no", Button.Ok: "ok"}

register({
    "editor.button.save": ("保存(&S)", "&Save"),
    "editor.button.discard": ("不保存(&D)", "&Don't save"),
    "editor.button.cancel": ("取消", "Cancel"),
    "editor.button.yes": ("是(&Y)", "&Yes"),
    "editor.button.no": ("否(&N)", "&No"),
    "editor.button.ok": ("确定", "OK"),
})


def ask(parent: QWidget | None, title: str, text: str,
        buttons: Button = Button.Yes | Button.No, default: Button = Button.NoButton) -> Button:
    """Ask a question; the button the author pressed."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    for button, name in BUTTONS.items():
        if buttons & button:
            box.button(button).setText(tr(f"editor.button.{name}"))
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return Button(box.exec())


def translate_buttons(box: QDialogButtonBox) -> None:
    """Give a QDialogButtonBox's standard buttons texts in the window's language."""
    for button, name in BUTTONS.items():
        own = getattr(QDialogButtonBox.StandardButton, str(button.name))  # the box's own enum
        widget = box.button(own)
        if widget is not None:
            widget.setText(tr(f"editor.button.{name}"))
