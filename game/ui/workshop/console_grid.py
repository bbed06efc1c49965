"""The console's live grid: one row per table, a column per human seat, over the host's status.

A `QAbstractTableModel` over the latest `StatusMessage` (DESIGN.md: lists and tables are
models over what the host sends, not widgets filled by hand). Each seat's state is said in
words and a mark, not by colour alone; a stuck table's row says so in its state column and is
tinted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from game.ui.common.i18n import language, register, tr
from game.ui.common.vocab import phase_name
from game.workshop.protocol import SeatStatus, StatusMessage, TableStatus

Index = QModelIndex | QPersistentModelIndex

register({
    "grid.table": ("桌", "Table"),
    "grid.turn": ("回合", "Turn"),
    "grid.state": ("状态 · 用时", "State · time"),
    "grid.table_n": ("第 {n} 桌", "Table {n}"),
    "grid.turn_phase": ("第 {turn}/{turns} 回合\n{phase}", "Turn {turn}/{turns}\n{phase}"),
    "grid.playing": ("进行中", "Playing"),
    "grid.paused": ("‖\u00a0已暂停", "‖\u00a0Paused"),
    "grid.over": ("已结束", "Game over"),
    "grid.closed": ("研讨已结束", "Session ended"),
    "grid.stuck": ("⚠ {minutes} 分钟无动作", "⚠ No act for {minutes} min"),
    "grid.timer": ("{time}（计时剩 {left}）", "{time} (timer: {left} left)"),
    "grid.seat.acting": ("✎\u00a0在办", "✎\u00a0Acting"),
    "grid.seat.done": ("✓\u00a0已结束本阶段", "✓\u00a0Done"),
    "grid.seat.waiting": ("…\u00a0等待", "…\u00a0Waiting"),
    "grid.seat.disconnected": ("⚠\u00a0掉线", "⚠\u00a0Disconnected"),
    "grid.seat.unjoined": ("○\u00a0尚未加入", "○\u00a0Not joined yet"),
    "grid.seat.computer": ("⚙\u00a0电脑代管", "⚙\u00a0Computer"),
    "grid.seat.returning": ("（下阶段交还）", " (back next phase)"),
    "grid.style.communicative": ("沟通型", "Communicative"),
    "grid.style.mixed": ("混合型", "Mixed"),
    "grid.style.pressure": ("压力型", "Pressure"),
    "grid.style.scenario": ("{style}（情景设定）", "{style} (scenario's)"),
    "grid.legend": ("席位状态：○ 尚未加入　✎ 在办　✓ 已结束本阶段　… 等待（暂停或已结束）　"
                    "⚠ 掉线　⚙ 电脑代管",
                    "Seat states: ○ not joined yet   ✎ acting   ✓ done with the phase   "
                    "… waiting (paused or over)   ⚠ disconnected   ⚙ computer"),
})

#: The fixed columns before the seats'.
FIXED = ("grid.table", "grid.turn", "grid.state")
SEAT_COLOURS = {"acting": "#1f5fa8", "done": "#2e7d32", "waiting": "#6b6b6b",
                "disconnected": "#b3261e", "computer": "#7a4fa0"}
STUCK_TINT = "#fde7e4"
PAUSED_TINT = "#fff4d6"


def clock(seconds: float | None) -> str:
    """Seconds as m:ss (h:mm:ss from an hour)."""
    if seconds is None:
        return ""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def style_name(style: str | None, scenario_style: str | None = None) -> str:
    """A superior style in words (None: the scenario's own, named if given)."""
    if style:
        return tr(f"grid.style.{style}")
    if scenario_style:
        return tr("grid.style.scenario", style=tr(f"grid.style.{scenario_style}"))
    return tr("grid.style.scenario", style="").strip("（）() ")


class TableGridModel(QAbstractTableModel):
    """The room's tables as rows: table, style, turn and phase, state, time in phase, seats.

    Args:
        seat_name: a seat's display name from its id (the console's names, current language).
        styles: {table: superior style} as the session was set up (None: the scenario's).
        scenario_style: the scenario's own superior style (named for tables without one).
    """

    def __init__(self, seat_name: Any = str, styles: dict[int, str] | None = None,
                 scenario_style: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.seat_name = seat_name
        self.styles = dict(styles or {})
        self.scenario_style = scenario_style
        self.status: StatusMessage | None = None
        self.seats: list[str] = []
        #: Seconds since the status arrived (the window's clock ticks it between statuses).
        self.age_s = 0.0

    # ----- feeding ----------------------------------------------------------------------------

    def set_status(self, status: StatusMessage) -> None:
        """Show the room as the host last reported it."""
        self.age_s = 0.0
        seats = [s.seat for s in status.tables[0].seats] if status.tables else []
        shape = (len(status.tables), seats)
        old = (len(self.status.tables), self.seats) if self.status is not None else None
        if shape != old:
            self.beginResetModel()
            self.status, self.seats = status, seats
            self.endResetModel()
            return
        self.status = status
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def tick(self, age_s: float) -> None:
        """The status is `age_s` seconds old: times in phase and timers move on."""
        self.age_s = age_s
        if self.rowCount():
            column = FIXED.index("grid.state")
            self.dataChanged.emit(self.index(0, column),
                                  self.index(self.rowCount() - 1, column))

    def retranslate(self) -> None:
        """The language changed: every cell and header again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def table_at(self, row: int) -> TableStatus | None:
        """The table on `row`, if any."""
        if self.status is None or not 0 <= row < len(self.status.tables):
            return None
        return self.status.tables[row]

    def seat_at(self, column: int) -> str | None:
        """The seat of a seat column, None for the fixed columns."""
        at = column - len(FIXED)
        return self.seats[at] if 0 <= at < len(self.seats) else None

    def seat_column(self, seat: str) -> int:
        """The column of a seat (-1 if none)."""
        return len(FIXED) + self.seats.index(seat) if seat in self.seats else -1

    # ----- the model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.status is None:
            return 0
        return len(self.status.tables)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED) + len(self.seats)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section < len(FIXED):
            return tr(FIXED[section])
        seat = self.seat_at(section)
        return self.seat_name(seat) if seat else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table_at(index.row()) if index.isValid() else None
        if table is None:
            return None
        seat_id = self.seat_at(index.column())
        seat = next((s for s in table.seats if s.seat == seat_id), None)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._seat_text(seat) if seat is not None else self._fixed_text(table,
                                                                                  index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(table, seat)
        if role == Qt.ItemDataRole.ForegroundRole and seat is not None:
            unjoined = seat.state == "disconnected" and not seat.joined
            return QBrush(QColor(SEAT_COLOURS["waiting" if unjoined else seat.state]))
        if role == Qt.ItemDataRole.BackgroundRole:
            if table.stuck:
                return QBrush(QColor(STUCK_TINT))
            if table.paused and not table.closed:
                return QBrush(QColor(PAUSED_TINT))
        if role == Qt.ItemDataRole.FontRole and (table.stuck or index.column() == 0):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _fixed_text(self, table: TableStatus, column: int) -> str:
        if column == 0:
            return (f"{tr('grid.table_n', n=table.table)}\n"
                    f"{style_name(self.styles.get(table.table), self.scenario_style)}")
        if column == 1:
            return tr("grid.turn_phase", turn=table.turn, turns=table.turns,
                      phase=phase_name(table.phase))
        live = not (table.paused or table.over or table.closed)
        age = self.age_s if live else 0.0
        time = clock(table.phase_s + age)
        if table.timer_left is not None:
            time = tr("grid.timer", time=time, left=clock(max(0.0, table.timer_left - age)))
        return f"{self._state(table)}\n{time}"

    def _state(self, table: TableStatus) -> str:
        if table.closed:
            return tr("grid.closed")
        if table.over:
            return tr("grid.over")
        words = tr("grid.paused") if table.paused else tr("grid.playing")
        if table.stuck:
            words = tr("grid.stuck", minutes=int(table.idle_s // 60))
        return words

    def _seat_text(self, seat: SeatStatus) -> str:
        """The state, then the participant's label on a line of its own."""
        unjoined = seat.state == "disconnected" and not seat.joined
        text = tr("grid.seat.unjoined" if unjoined else f"grid.seat.{seat.state}")
        if seat.returning:
            text += tr("grid.seat.returning")
        return f"{text}\n{seat.label}" if seat.label else text

    def _tooltip(self, table: TableStatus, seat: SeatStatus | None) -> str:
        if seat is not None:
            return f"{self.seat_name(seat.seat)}: {self._seat_text(seat)}".replace("\n", " · ")
        waiting = ("、" if language() == "zh" else ", ").join(
            self.seat_name(s) for s in table.waiting_for)
        return f"{tr('grid.table_n', n=table.table)} · {self._state(table)}" + (
            f" · {waiting}" if waiting else "")

    def cell_text(self, row: int, column: int) -> str:
        """A cell's text on one line (for tests and the accessible name)."""
        text = self.data(self.index(row, column))
        return str(text or "").replace("\n", " · ")
