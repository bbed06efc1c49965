"""Game ▸ Join a workshop…: the host's address and the seat's join code, typed by hand."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.i18n import register, tr
from game.ui.common.lang import plain
from game.workshop.client import JoinError, normalise_address
from game.workshop.protocol import CODE_ALPHABET, CODE_LENGTH

register({
    "join.title": ("加入工作坊", "Join a workshop"),
    "join.intro": ("输入主持人屏幕上显示的地址和你的席位加入码。",
                   "Type the address and your seat's join code shown on the facilitator's "
                   "screen."),
    "join.address": ("地址(&A)：", "&Address:"),
    "join.code": ("加入码(&C)：", "Join &code:"),
    "join.label": ("你的称呼（可不填）(&N)：", "Your &name (optional):"),
    "join.bad_code": ("加入码是 {n} 个字母或数字（不含 0、O、1、I、L）。",
                      "A join code is {n} letters or digits (no 0, O, 1, I or L)."),
    "join.no_address": ("请填写地址，例如 192.168.1.5:8765。",
                        "Type an address, such as 192.168.1.5:8765."),
    "join.bad_address": ("“{address}”不是主持人的地址，请照主持人屏幕填写，例如 192.168.1.5:8765。",
                         "'{address}' is no host's address: type it as the facilitator's "
                         "screen shows it, such as 192.168.1.5:8765."),
})


def address_problem(address: str) -> str:
    """Why a typed address can be no host's ("" when it can; a missing port is the host's
    default, http:// and ws:// prefixes and a trailing slash do not matter)."""
    if not address.strip():
        return tr("join.no_address")
    try:
        normalise_address(address)
    except JoinError:
        return tr("join.bad_address", address=address.strip())
    return ""


def clean_code(code: str) -> str:
    """The code as the host reads it: capitals, no spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch not in " -")


def code_problem(code: str) -> str:
    """Why a typed code cannot be a join code ("" when it can)."""
    code = clean_code(code)
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return tr("join.bad_code", n=CODE_LENGTH)
    return ""


class JoinDialog(QDialog):
    """Asks for the address and the code; OK only once both can be right."""

    def __init__(self, parent: QWidget | None = None, address: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("join.title"))
        self.address = QLineEdit(address)
        self.address.setPlaceholderText("192.168.1.5:8765")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABC234")
        self.label = QLineEdit()
        self.label.setMaxLength(40)
        self.problem = QLabel(objectName="Hint", wordWrap=True)
        form = QFormLayout()
        for key, field in (("join.address", self.address), ("join.code", self.code),
                           ("join.label", self.label)):
            caption = QLabel(tr(key))
            caption.setBuddy(field)
            field.setAccessibleName(plain(tr(key)))
            form.addRow(caption, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("join.intro"), wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.code if address else self.address).setFocus()

    def values(self) -> tuple[str, str, str]:
        """(address, code, label) as typed (the code cleaned)."""
        return self.address.text().strip(), clean_code(self.code.text()), self.label.text()

    def _on_ok(self) -> None:
        address, code, _ = self.values()
        problem = address_problem(address) or code_problem(code)
        self.problem.setText(problem)
        if not problem:
            self.accept()
