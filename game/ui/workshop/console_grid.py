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

from game.ui.common.i18n import register, tr
from game.ui.common.vocab import phase_name
from game.workshop.protocol import SeatStatus, StatusMessage, TableStatus

Index = QModelIndex | QPersistentModelIndex

register({
    "grid.table": ("桌", "Table"),
    "grid.style": ("上级风格", "Superior style"),
    "grid.turn": ("回合 · 阶段", "Turn · phase"),
    "grid.state": ("状态", "State"),
    "grid.time": ("本阶段用时", "Time in phase"),
    "grid.table_n": ("第 {n} 桌", "Table {n}"),
    "grid.turn_phase": ("第 {turn}/{turns} 回合 · {phase}", "Turn {turn}/{turns} · {phase}"),
    "grid.playing": ("进行中", "Playing"),
    "grid.paused": ("⏸ 已暂停", "⏸ Paused"),
    "grid.over": ("已结束", "Game over"),
    "grid.closed": ("研讨已结束", "Session ended"),
    "grid.stuck": ("⚠ {minutes} 分钟无动作", "⚠ No act for {minutes} min"),
    "grid.timer": ("{time}（计时剩 {left}）", "{time} (timer: {left} left)"),
    "grid.seat.acting": ("✎ 在办", "✎ Acting"),
    "grid.seat.done": ("✓ 已结束本阶段", "✓ Done"),
    "grid.seat.waiting": ("… 等待", "… Waiting"),
    "grid.seat.disconnected": ("⚠ 掉线", "⚠ Disconnected"),
    "grid.seat.computer": ("⚙ 电脑代管", "⚙ Computer"),
    "grid.seat.returning": ("（下阶段交还）", " (back next phase)"),
    "grid.style.communicative": ("沟通型", "Communicative"),
    "grid.style.mixed": ("混合型", "Mixed"),
    "grid.style.pressure": ("压力型", "Pressure"),
    "grid.style.scenario": ("按情景", "Scenario's"),
})

#: The fixed columns before the seats'.
FIXED = ("grid.table", "grid.style", "grid.turn", "grid.state", "grid.time")
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


def style_name(style: str | None) -> str:
    """A superior style in words (None: the scenario's own)."""
    return tr(f"grid.style.{style}" if style else "grid.style.scenario")


class TableGridModel(QAbstractTableModel):
    """The room's tables as rows: table, style, turn and phase, state, time in phase, seats.

    Args:
        seat_name: a seat's display name from its id (the console's names, current language).
        styles: {table: superior style} as the session was set up (None: the scenario's).
    """

    def __init__(self, seat_name: Any = str, styles: dict[int, str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.seat_name = seat_name
        self.styles = dict(styles or {})
        self.status: StatusMessage | None = None
        self.seats: list[str] = []

    # ----- feeding ----------------------------------------------------------------------------

    def set_status(self, status: StatusMessage) -> None:
        """Show the room as the host last reported it."""
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
            return QBrush(QColor(SEAT_COLOURS[seat.state]))
        if role == Qt.ItemDataRole.BackgroundRole:
            if table.stuck:
                return QBrush(QColor(STUCK_TINT))
            if table.paused:
                return QBrush(QColor(PAUSED_TINT))
        if role == Qt.ItemDataRole.FontRole and (table.stuck or index.column() == 0):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _fixed_text(self, table: TableStatus, column: int) -> str:
        if column == 0:
            return tr("grid.table_n", n=table.table)
        if column == 1:
            return style_name(self.styles.get(table.table))
        if column == 2:
            return tr("grid.turn_phase", turn=table.turn, turns=table.turns,
                      phase=phase_name(table.phase))
        if column == 3:
            return self._state(table)
        time = clock(table.phase_s)
        if table.timer_left is not None:
            return tr("grid.timer", time=time, left=clock(table.timer_left))
        return time

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
        text = tr(f"grid.seat.{seat.state}")
        if seat.returning:
            text += tr("grid.seat.returning")
        return f"{text} · {seat.label}" if seat.label else text

    def _tooltip(self, table: TableStatus, seat: SeatStatus | None) -> str:
        if seat is not None:
            return f"{self.seat_name(seat.seat)}: {self._seat_text(seat)}"
        waiting = "、".join(self.seat_name(s) for s in table.waiting_for)
        return f"{tr('grid.table_n', n=table.table)} · {self._state(table)}" + (
            f" · {waiting}" if waiting else "")
