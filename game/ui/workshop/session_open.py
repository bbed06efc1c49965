"""Game ▸ Open a workshop record…: a past session, read from its record (.db).

The window lists the session's tables (style, the seats people held and their labels, how far
the record goes); any table can be replayed to the beginning of any turn (or to where its
record ends) and opened read-only in the game's page for a chosen seat
(`game.ui.workshop.session_replay`); and the tables can be compared side by side
(`game.ui.debrief.tables_view`). The record is only read.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from game.engine.save import SaveError
from game.headless import style_words
from game.scenario.loader import ScenarioError
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, text_of
from game.ui.common.task_model import Index
from game.ui.workshop.session_replay import ReplaySession, ReplayWindow
from game.workshop.compare import (
    CompareError,
    TableComparison,
    TableSource,
    compare_tables,
    load_record,
    replay_to,
)
from game.workshop.record import RecordError
from game.workshop.sources import file_problem

register({
    "open.window": ("工作坊记录 · {name}", "Workshop record · {name}"),
    "open.head": ("{title} · 种子 {seed} · {n} 桌", "{title} · seed {seed} · {n} tables"),
    "open.col.table": ("桌", "Table"),
    "open.col.style": ("上级风格", "Superiors"),
    "open.col.seats": ("由参与者担任的席位", "Seats people held"),
    "open.col.record": ("记录", "Record"),
    "open.record": ("{acts} 项操作，到第{turn}回合", "{acts} acts, up to turn {turn}"),
    "open.style_default": ("情景默认", "the scenario's"),
    "open.tables": ("各桌(&B)：", "Ta&bles:"),
    "open.turn": ("重放到(&T)：", "Replay &to:"),
    "open.turn_value": ("第{turn}回合开始", "turn {turn} begins"),
    "open.turn_end": ("记录结束处", "the record's end"),
    "open.seat": ("席位视角(&S)：", "As &seat:"),
    "open.replay": ("只读打开(&O)", "&Open read-only"),
    "open.compare": ("对比各桌(&C)", "&Compare the tables"),
    "open.comparing": ("正在重放并评分各桌……", "Replaying and scoring the tables…"),
    "open.failed": ("无法打开这份记录：{error}", "This record cannot be opened: {error}"),
    "open.replay_failed": ("无法重放：{error}", "Cannot replay: {error}"),
})

#: What reading a record may raise (each shown with its reason; nothing is changed).
RECORD_ERRORS = (CompareError, RecordError, SaveError, ScenarioError, OSError, sqlite3.Error)


class SessionTablesModel(QAbstractTableModel):
    """The record's tables: number, superior style, the seats people held, the acts kept."""

    COLUMNS = ("table", "style", "seats", "record")

    def __init__(self, sources: Sequence[TableSource], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources = list(sources)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sources)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"open.col.{self.COLUMNS[section]}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        source = self.sources[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "table":
            return str(source.number)
        if column == "style":
            return (style_words(source.superior_style, language()) if source.superior_style
                    else tr("open.style_default"))
        if column == "seats":
            return "、".join(_seat_text(source, seat) for seat in source.seats) if (
                language() == "zh") else ", ".join(_seat_text(source, s) for s in source.seats)
        last = max((act.turn for act in source.acts), default=1)
        return tr("open.record", acts=len(source.acts), turn=last)

    def retranslate(self) -> None:
        """Texts in the current language."""
        if self.sources:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.sources) - 1, len(self.COLUMNS) - 1))


def _seat_text(source: TableSource, seat: str) -> str:
    unit = next((u for u in source.scenario.units if u.id == seat), None)
    name = text_of(unit.name) if unit is not None else seat
    label = source.labels.get(seat)
    return f"{name}（{label}）" if label and language() == "zh" else (
        f"{name} ({label})" if label else name)


class TurnSpin(QSpinBox):
    """Turns 1..N, and N+1 for the record's end."""

    def textFromValue(self, value: int) -> str:
        if value == self.maximum():
            return tr("open.turn_end")
        return tr("open.turn_value", turn=value)

    def valueFromText(self, text: str) -> int:
        digits = "".join(c for c in text if c.isdigit())
        return int(digits) if digits else self.maximum()


class CompareJob(QObject):
    """Replays and scores the tables on a worker thread (pure Python, nothing shared with the
    window but the sources, which are read only)."""

    finished = Signal(object)
    failed = Signal(str)

    def start(self, sources: Sequence[TableSource]) -> threading.Thread:
        """Compare the tables; `finished(TableComparison)` or `failed(reason)` follows."""
        thread = threading.Thread(target=self._run, args=(list(sources),), daemon=True)
        thread.start()
        return thread

    def _run(self, sources: list[TableSource]) -> None:
        try:
            result: TableComparison | str = compare_tables(sources)
        except Exception as err:  # noqa: BLE001 - the window shows whatever went wrong
            result = f"{type(err).__name__}: {err}"
        # RuntimeError: the window was closed meanwhile, nobody is waiting.
        with contextlib.suppress(RuntimeError):
            (self.failed if isinstance(result, str) else self.finished).emit(result)


class SessionOpenWindow(QWidget):
    """A past session from its record: its tables, a replay to any turn, the comparison.

    Use `SessionOpenWindow.open(path, folders, parent)`: it refuses a file that is not a
    record with the reason, and changes nothing.

    Signals:
        compared(TablesView): the comparison of the tables is open.
    """

    compared = Signal(object)

    def __init__(self, path: Path, sources: Sequence[TableSource],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.path = Path(path)
        self.sources = list(sources)
        self.replays: list[ReplayWindow] = []
        self.tables_view: QWidget | None = None
        self.job = CompareJob(self)
        self.job.finished.connect(self._on_compared)
        self.job.failed.connect(self._on_compare_failed)
        self._build()
        follow_language(self, self.retranslate)
        self.retranslate()
        self.resize(1000, 560)

    @classmethod
    def open(cls, path: Path, folders: Sequence[Path],
             parent: QWidget | None = None) -> SessionOpenWindow | str:
        """The window over the record at `path`, or the reason it cannot be read."""
        try:
            sources = load_record(Path(path), folders)
        except OSError as err:
            zh, en = file_problem(err, path)
            return tr("open.failed", error=zh if language() == "zh" else en)
        except RECORD_ERRORS as err:
            return tr("open.failed", error=str(err))
        if not sources:
            return tr("open.failed", error=str(CompareError("the record has no table")))
        return cls(path, sources, parent)

    # ----- building ---------------------------------------------------------------------

    def _build(self) -> None:
        first = self.sources[0]
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.model = SessionTablesModel(self.sources, self)
        self.tables = QTableView()
        self.tables.setModel(self.model)
        self.tables.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.tables.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.tables.verticalHeader().setVisible(False)
        header = self.tables.horizontalHeader()
        for column in range(len(SessionTablesModel.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tables.selectRow(0)
        self.tables.selectionModel().currentRowChanged.connect(lambda *_: self._fill_seats())
        self.tables_label = QLabel()
        self.tables_label.setBuddy(self.tables)
        turns = first.scenario.turns
        self.turn_spin = TurnSpin()
        self.turn_spin.setRange(1, turns + 1)
        self.turn_spin.setValue(turns + 1)
        self.turn_slider = QSlider(Qt.Orientation.Horizontal)
        self.turn_slider.setRange(1, turns + 1)
        self.turn_slider.setValue(turns + 1)
        self.turn_slider.setPageStep(1)
        self.turn_spin.valueChanged.connect(self.turn_slider.setValue)
        self.turn_slider.valueChanged.connect(self.turn_spin.setValue)
        self.seat_combo = QComboBox()
        self.replay_button = QPushButton(clicked=self._on_replay_clicked)
        self.compare_button = QPushButton(clicked=self.compare)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        turn_row = QHBoxLayout()
        turn_row.addWidget(self.turn_spin)
        turn_row.addWidget(self.turn_slider, 1)
        self.turn_label = QLabel()
        self.turn_label.setBuddy(self.turn_spin)
        self.seat_label = QLabel()
        self.seat_label.setBuddy(self.seat_combo)
        form.addRow(self.turn_label, turn_row)
        form.addRow(self.seat_label, self.seat_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replay_button)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.tables_label)
        layout.addWidget(self.tables, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._fill_seats()

    def _fill_seats(self) -> None:
        source = self.current_source()
        current = self.seat_combo.currentData()
        self.seat_combo.clear()
        seats = [*source.seats, *(s for s in source.scenario.seats if s not in source.seats)]
        for seat in seats:
            self.seat_combo.addItem(_seat_text(source, seat), seat)
        found = self.seat_combo.findData(current)
        self.seat_combo.setCurrentIndex(max(0, found))
        self._fit_turns(source)

    def _fit_turns(self, source: TableSource) -> None:
        """Offer only the turns the table's record reached (then its end): a record that
        stopped at turn 1 cannot be replayed to the start of turn 4."""
        reached = max((act.turn for act in source.acts), default=1)
        last = max(1, min(reached, source.scenario.turns)) + 1  # + 1: the record's end
        for control in (self.turn_spin, self.turn_slider):
            control.blockSignals(True)
            control.setRange(1, last)
            control.setValue(last)
            control.blockSignals(False)

    # ----- acting -----------------------------------------------------------------------

    def current_source(self) -> TableSource:
        """The table selected in the list."""
        row = max(0, self.tables.currentIndex().row())
        return self.sources[row]

    def chosen_turn(self) -> int | None:
        """The turn to replay to, None for the record's end."""
        value = self.turn_spin.value()
        return None if value == self.turn_spin.maximum() else value

    def open_replay(self, number: int | None = None, turn: int | None = None,
                    seat: str | None = None) -> ReplayWindow | None:
        """Replay a table (default: the selected one) to the beginning of `turn` (None: the
        record's end) and show it read-only as `seat` saw it (default: the chosen seat).

        Returns:
            The replay's window, or None when the table does not replay (the reason shown).
        """
        source = (self.current_source() if number is None
                  else next(s for s in self.sources if s.number == number))
        seat = seat or str(self.seat_combo.currentData() or source.seats[0])
        try:
            game = replay_to(source, turn).game
        except CompareError as err:
            self.status.setText(tr("open.replay_failed", error=str(err)))
            return None
        session = ReplaySession(game, seat, Path(source.scenario_path or self.path),
                                source.number)
        window = ReplayWindow(session, turn, self)
        window.setWindowFlag(Qt.WindowType.Window)
        window.show()
        self.replays.append(window)
        return window

    def _on_replay_clicked(self) -> None:
        self.open_replay(turn=self.chosen_turn())

    def compare(self) -> None:
        """Replay and score every table on a worker thread, then show the comparison."""
        self.compare_button.setEnabled(False)
        self.status.setText(tr("open.comparing"))
        self.job.start(self.sources)

    def _on_compared(self, comparison: TableComparison) -> None:
        from game.ui.debrief.tables_view import TablesView

        self.compare_button.setEnabled(True)
        self.status.clear()
        # The main window's language switch also remembers the choice.
        setter = getattr(self.parent(), "set_language", None)
        view = TablesView(comparison, self, set_language=setter if callable(setter) else None)
        view.show()
        self.tables_view = view
        self.compared.emit(view)

    def _on_compare_failed(self, error: str) -> None:
        self.compare_button.setEnabled(True)
        self.status.setText(tr("open.failed", error=error))

    def retranslate(self) -> None:
        """Every text in the current language."""
        first = self.sources[0]
        self.setWindowTitle(tr("open.window", name=self.path.name))
        self.head.setText(tr("open.head", title=text_of(first.scenario.title), seed=first.seed,
                             n=len(self.sources)))
        self.tables_label.setText(tr("open.tables"))
        self.turn_label.setText(tr("open.turn"))
        self.seat_label.setText(tr("open.seat"))
        self.replay_button.setText(tr("open.replay"))
        self.compare_button.setText(tr("open.compare"))
        self.model.retranslate()
        self.turn_spin.setValue(self.turn_spin.value())
        self.turn_spin.lineEdit().setText(self.turn_spin.textFromValue(self.turn_spin.value()))
        source = self.current_source()
        for index in range(self.seat_combo.count()):
            self.seat_combo.setItemText(index, _seat_text(source,
                                                          str(self.seat_combo.itemData(index))))


__all__ = ["CompareJob", "SessionOpenWindow", "SessionTablesModel", "TurnSpin"]
