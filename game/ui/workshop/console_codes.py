"""The console's join-codes tab: the facilitator's token, the record, every seat's code (large,
read off the projector), and the printable code sheet (`console_sheet`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.scenario.models import Scenario
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language
from game.workshop.codesheet import seat_cards

register({
    "console.print": ("打印加入码(&P)…", "&Print the join codes…"),
    "console.token": ("主持人口令：{token}", "Facilitator token: {token}"),
    "console.record": ("记录：{path}", "Record: {path}"),
    "console.codes_col.table": ("桌", "Table"),
    "console.codes_col.seat": ("席位", "Seat"),
    "console.codes_col.label": ("参与者", "Participant"),
    "console.codes_col.code": ("加入码", "Join code"),
    "console.codes_remote": ("这台主机不在本窗口中运行：加入码见主机的终端输出。",
                             "This host does not run in this window: its join codes are in "
                             "the host's terminal."),
    "console.sheet_title": ("沟通式动员 工作坊加入码 / Workshop join codes",
                            "沟通式动员 工作坊加入码 / Workshop join codes"),
})


class CodesPanel(QWidget):
    """The join codes of the session the console started (none for a host run elsewhere).

    Args:
        seat_name: a seat's display name from its id, in the current language.

    Signals:
        print_requested(): the facilitator asked for the code sheet.
    """

    print_requested = Signal()

    def __init__(self, seat_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat_name = seat_name
        self.codes: list[tuple[int, str, str]] = []
        self.labels: dict[tuple[int, str], str] = {}
        self.token = ""
        self.record: Path | None = None
        self.token_line = QLabel()
        self.token_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_line = QLabel(objectName="Muted", wordWrap=True)
        self.table = QTableWidget(0, 4, objectName="ConsoleCodes")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.print_button = QPushButton(objectName="Primary",
                                        clicked=lambda: self.print_requested.emit())
        self.note = QLabel(objectName="Hint", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.token_line, 1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.record_line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        follow_language(self, self.retranslate)
        self.retranslate()

    def show_session(self, token: str, codes: list[tuple[int, str, str]],
                     labels: dict[tuple[int, str], str], record: Path | None) -> None:
        """The session's token, codes ((table, seat, code) per human seat), labels, record."""
        self.token, self.codes, self.labels, self.record = token, codes, labels, record
        self.retranslate()

    def write_sheet(self, path: Path, scenario: Scenario, address: str) -> Path:
        """Write the code sheet PDF (one card per seat, `address` as host:port) to `path`.

        Raises:
            PdfFontError: no Noto Sans CJK font is installed.
            OSError: the file could not be written.
        """
        from game.ui.workshop.console_sheet import write_sheet

        host, _, port = address.rpartition(":")
        cards = seat_cards(scenario, self.codes, host, int(port), self.labels)
        return write_sheet(cards, path, tr("console.sheet_title"))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.codes))
        for row, (table, seat, code) in enumerate(self.codes):
            cells = [tr("grid.table_n", n=table), self.seat_name(seat),
                     self.labels.get((table, seat), ""), grouped(code, 3)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.print_button.setEnabled(bool(self.codes))

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.print_button.setText(tr("console.print"))
        self.record_line.setText(tr("console.record", path=str(self.record))
                                 if self.record else "")
        self.token_line.setText(tr("console.token", token=grouped(self.token, 5))
                                if self.token else "")
        self.note.setText("" if self.codes else tr("console.codes_remote"))
        self.note.setVisible(not self.codes)
        self.table.setHorizontalHeaderLabels(
            [tr(f"console.codes_col.{c}") for c in ("table", "seat", "label", "code")])
        self._fill()


def grouped(code: str, size: int) -> str:
    """A code or token as typed or stored ('ypk8k-x2cqc', 'YPK8KX2CQC') shown in groups of
    `size` joined by one dash ('YPK8K-X2CQC'): spaces and dashes typed are not doubled."""
    bare = "".join(ch for ch in code.upper() if ch not in " -")
    return "-".join(bare[i:i + size] for i in range(0, len(bare), size))
