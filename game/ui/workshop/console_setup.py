"""The console's first page: set up a session (or connect to a host already running).

The facilitator picks a scenario from the library, the number of tables and the seats people
hold (the rest are the computer's), a superior style per table (so tables can differ on
purpose) and, if they like, a label per participant; then the port and the record file. The
page checks what it can and says what is wrong beside the button; the host checks the rest.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.fit import fit_combo
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, plain, text_of
from game.ui.start.library import SCENARIO_DIR, ScenarioEntry, scan, title_of
from game.ui.workshop.console_grid import style_name
from game.workshop.runner import SessionPlan
from game.workshop.table import SUPERIOR_STYLES
from game.workshop.terminal import DEFAULT_PORT

register({
    "setup.title": ("开一场研讨", "Set up a session"),
    "setup.scenario": ("情景(&S)：", "&Scenario:"),
    "setup.tables": ("桌数(&T)：", "&Tables:"),
    "setup.seats": ("由参与者担任的席位(&P)（其余由电脑担任）：",
                    "Seats &people hold (the computer plays the rest):"),
    "setup.per_table": ("每桌的上级风格和参与者标签(&L)（可不填；不要填写个人信息）：",
                        "Superior style and participant &labels per table (optional; no "
                        "personal data):"),
    "setup.style_col": ("上级风格", "Superior style"),
    "setup.port": ("端口(&O)：", "P&ort:"),
    "setup.record": ("记录文件(&R)：", "&Record file:"),
    "setup.browse": ("浏览(&B)…", "&Browse…"),
    "setup.start": ("开始研讨(&G)", "Start the session (&G)"),
    "setup.running": ("或连接到已运行的主机", "Or connect to a host already running"),
    "setup.address": ("地址(&A)：", "&Address:"),
    "setup.token": ("主持人口令(&K)：", "Facilitator to&ken:"),
    "setup.connect": ("连接(&C)", "&Connect"),
    "setup.no_scenario": ("请选择一个能读取的情景。", "Choose a scenario that can be read."),
    "setup.no_seats": ("至少选一个由参与者担任的席位。", "Choose at least one seat people hold."),
    "setup.no_record": ("请填写记录文件。", "Name a record file."),
    "setup.no_address": ("请填写主机地址和主持人口令。",
                         "Type the host's address and the facilitator token."),
    "setup.record_filter": ("研讨记录 (*.sqlite)", "Session records (*.sqlite)"),
    "setup.resume_hint": ("记录文件已存在时，将从中恢复那场研讨（桌数、席位和风格以记录为准）。",
                          "If the record file exists, its session is resumed (its tables, "
                          "seats and styles stand)."),
})


#: Where a table's superior style is kept in its style cell (None: the scenario's).
STYLE_ROLE = Qt.ItemDataRole.UserRole + 1


class StyleDelegate(QStyledItemDelegate):
    """The style cell's editor: a box of the styles (F2, Enter or typing opens it; Enter
    takes the choice), so the per-table styles are chosen from the keyboard too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario_style: str | None = None

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for style in (None, *SUPERIOR_STYLES):
            box.addItem(style_name(style, self.scenario_style), style)
        # Each choice is taken at once (arrow keys or the list), not only on Enter.
        box.currentIndexChanged.connect(lambda _index: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(STYLE_ROLE))))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), STYLE_ROLE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class ConsoleSetup(QWidget):
    """The set-up form.

    Args:
        user_dir: the author's scenarios folder (listed after the shipped ones).
        record_dir: where new record files are suggested.

    Signals:
        start_requested(SessionPlan): the facilitator asked to start (checked here).
        connect_requested(str, str): connect to a running host (address, token).
    """

    start_requested = Signal(object)
    connect_requested = Signal(str, str)

    def __init__(self, user_dir: Path | None, record_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_dir = record_dir
        entries, _ = scan(SCENARIO_DIR, user_dir)
        self.entries: list[ScenarioEntry] = [e for e in entries if not e.broken]
        self._build()
        self._fill_seats()
        follow_language(self, self.retranslate)
        self.retranslate()

    # ----- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(objectName="ScenarioTitle")
        self.scenario = fit_combo(QComboBox(), 30)
        self.scenario.currentIndexChanged.connect(self._fill_seats)
        self.tables = QSpinBox(minimum=1, maximum=60, value=3)
        self.tables.valueChanged.connect(self._fill_per_table)
        self.seats = QListWidget()
        self.seats.setMaximumHeight(120)
        self.seats.itemChanged.connect(self._fill_per_table)
        self.per_table = QTableWidget(0, 1)
        self.per_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.style_delegate = StyleDelegate(self.per_table)
        self.per_table.setItemDelegateForColumn(0, self.style_delegate)
        self.per_table.itemChanged.connect(self._on_cell_changed)
        self.per_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.port = QSpinBox(minimum=0, maximum=65535, value=DEFAULT_PORT)
        self.record = QLineEdit(str(self._suggested_record()))
        self.browse = QPushButton(clicked=self._browse)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record, 1)
        record_row.addWidget(self.browse)
        self.start_button = QPushButton(objectName="Primary", clicked=self._start)
        self.problem = QLabel(objectName="Hint", wordWrap=True)
        self.problem.hide()
        self.resume_hint = QLabel(objectName="Muted", wordWrap=True)
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, field in (("setup.scenario", self.scenario), ("setup.tables", self.tables),
                           ("setup.port", self.port)):
            form.addRow(self._caption(key, field), field)
        form.addRow(self._caption("setup.record", self.record), record_row)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addLayout(form)
        left.addWidget(self._caption("setup.seats", self.seats, wrap=True))
        left.addWidget(self.seats)
        left.addWidget(self.resume_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.problem)
        left.addStretch(1)
        left.addWidget(self._build_running())
        right = QVBoxLayout()
        right.addWidget(self._caption("setup.per_table", self.per_table, wrap=True))
        right.addWidget(self.per_table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        for entry in self.entries:
            self.scenario.addItem(title_of(entry), str(entry.path))

    def _build_running(self) -> QGroupBox:
        self.running = QGroupBox()
        self.address = QLineEdit(placeholderText="192.168.1.5:8765")
        self.token = QLineEdit(placeholderText="ABCDE-23456")
        self.connect_button = QPushButton(clicked=self._connect)
        form = QFormLayout(self.running)
        form.addRow(self._caption("setup.address", self.address), self.address)
        form.addRow(self._caption("setup.token", self.token), self.token)
        form.addRow(self.connect_button)
        return self.running

    def _caption(self, key: str, buddy: QWidget, wrap: bool = False) -> QLabel:
        label = QLabel(wordWrap=wrap)
        label.setBuddy(buddy)
        self.captions[key] = label
        return label

    def _suggested_record(self) -> Path:
        return self.record_dir / f"workshop-{datetime.now():%Y%m%d-%H%M%S}.sqlite"

    # ----- the scenario's seats and the tables ------------------------------------------------

    def entry(self) -> ScenarioEntry | None:
        """The scenario chosen."""
        row = self.scenario.currentIndex()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _fill_seats(self) -> None:
        entry = self.entry()
        self.seats.blockSignals(True)
        self.seats.clear()
        if entry is not None and entry.scenario is not None:
            for number, seat in enumerate(entry.scenario.seats):
                item = QListWidgetItem(text_of(entry.scenario.unit(seat).name))
                item.setData(Qt.ItemDataRole.UserRole, seat)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if number < 2
                                   else Qt.CheckState.Unchecked)
                self.seats.addItem(item)
        self.seats.blockSignals(False)
        self._fill_per_table()

    def chosen_seats(self) -> list[str]:
        """The seats people hold, in the scenario's order."""
        return [str(self.seats.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(self.seats.count())
                if self.seats.item(row).checkState() == Qt.CheckState.Checked]

    def set_seats(self, seats: list[str]) -> None:
        """Check exactly these seats."""
        for row in range(self.seats.count()):
            item = self.seats.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in seats else Qt.CheckState.Unchecked)

    def _fill_per_table(self) -> None:
        """One row per table: a style box, then a label cell per human seat (kept by key)."""
        kept = self.labels()
        styles = self.styles()
        seats = self.chosen_seats()
        grid = self.per_table
        grid.setRowCount(self.tables.value())
        grid.setColumnCount(1 + len(seats))
        for row in range(grid.rowCount()):
            item = QTableWidgetItem()
            item.setData(STYLE_ROLE, styles.get(row + 1))
            grid.setItem(row, 0, item)
            for column, seat in enumerate(seats, 1):
                grid.setItem(row, column, QTableWidgetItem(kept.get((row + 1, seat), "")))
        self._retranslate_per_table()

    def styles(self) -> dict[int, str]:
        """{table: superior style} where one was chosen."""
        found = {}
        for row in range(self.per_table.rowCount()):
            item = self.per_table.item(row, 0)
            style = item.data(STYLE_ROLE) if item is not None else None
            if style:
                found[row + 1] = str(style)
        return found

    def set_style(self, table: int, style: str | None) -> None:
        """Choose a table's superior style (None: the scenario's)."""
        item = self.per_table.item(table - 1, 0)
        if item is not None:
            item.setData(STYLE_ROLE, style)
            self._retranslate_per_table()

    def labels(self) -> dict[tuple[int, str], str]:
        """{(table, seat): label} where one was typed."""
        seats = self.chosen_seats()
        found = {}
        for row in range(self.per_table.rowCount()):
            for column in range(1, self.per_table.columnCount()):
                item = self.per_table.item(row, column)
                seat = self._label_seat(column)
                if item is not None and item.text().strip() and seat in seats:
                    found[(row + 1, seat)] = item.text().strip()
        return found

    def _label_seat(self, column: int) -> str:
        header = self.per_table.horizontalHeaderItem(column)
        return str(header.data(Qt.ItemDataRole.UserRole)) if header is not None else ""

    # ----- acting -----------------------------------------------------------------------------

    def plan(self) -> SessionPlan | str:
        """The session as chosen, or what is missing (in the current language)."""
        entry = self.entry()
        if entry is None or entry.scenario is None:
            return tr("setup.no_scenario")
        seats = self.chosen_seats()
        if not seats:
            return tr("setup.no_seats")
        if not self.record.text().strip():
            return tr("setup.no_record")
        return SessionPlan(entry.scenario, str(entry.path), Path(self.record.text().strip()),
                           self.tables.value(), seats, self.styles(), self.labels(),
                           port=self.port.value())

    def _start(self) -> None:
        plan = self.plan()
        if isinstance(plan, str):
            self.show_problem(plan)
            return
        self.show_problem("")
        self.start_requested.emit(plan)

    def _connect(self) -> None:
        address, token = self.address.text().strip(), self.token.text().strip()
        if not address or not token:
            self.show_problem(tr("setup.no_address"))
            return
        self.connect_requested.emit(address, token)

    def show_problem(self, text: str) -> None:
        """Say what stops the start (empty: nothing)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, plain(tr("setup.record")),
                                              self.record.text(), tr("setup.record_filter"))
        if name:
            self.record.setText(name)

    # ----- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.heading.setText(tr("setup.title"))
        for key, label in self.captions.items():
            label.setText(tr(key))
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(plain(tr(key)))
        self.browse.setText(tr("setup.browse"))
        self.start_button.setText(tr("setup.start"))
        self.running.setTitle(tr("setup.running"))
        self.connect_button.setText(tr("setup.connect"))
        self.resume_hint.setText(tr("setup.resume_hint"))
        for row, entry in enumerate(self.entries):
            self.scenario.setItemText(row, title_of(entry))
        entry = self.entry()
        if entry is not None and entry.scenario is not None:
            for row in range(self.seats.count()):
                item = self.seats.item(row)
                item.setText(text_of(entry.scenario.unit(item.data(Qt.ItemDataRole.UserRole)).name))
        self._retranslate_per_table()

    def _on_cell_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:  # a style chosen: its words follow
            wanted = style_name(item.data(STYLE_ROLE), self._scenario_style())
            if item.text() != wanted:
                item.setText(wanted)

    def _scenario_style(self) -> str | None:
        entry = self.entry()
        return entry.scenario.styles.superior if entry and entry.scenario else None

    def _retranslate_per_table(self) -> None:
        entry = self.entry()
        grid = self.per_table
        headers = [tr("setup.style_col")]
        seats = self.chosen_seats()
        for seat in seats:
            name = seat
            if entry is not None and entry.scenario is not None:
                name = text_of(entry.scenario.unit(seat).name)
            headers.append(name)
        grid.setHorizontalHeaderLabels(headers)
        for column, seat in enumerate(seats, 1):
            header = grid.horizontalHeaderItem(column)
            if header is not None:
                header.setData(Qt.ItemDataRole.UserRole, seat)
        grid.setVerticalHeaderLabels([tr("grid.table_n", n=n)
                                      for n in range(1, grid.rowCount() + 1)])
        header = grid.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column in range(grid.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents
                                        if column == 0 else QHeaderView.ResizeMode.Stretch)
        self.style_delegate.scenario_style = self._scenario_style()
        for row in range(grid.rowCount()):
            item = grid.item(row, 0)
            if item is not None:
                item.setText(style_name(item.data(STYLE_ROLE), self._scenario_style()))
