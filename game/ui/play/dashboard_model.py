"""The dashboard's tables: turns down, one column per series, from what the seat may see
(the series of the seat's view, `SeatView.history.series`; names from its directory).

Each chart of the dashboard is drawn from one `SeriesTableModel`; the same model feeds the
table a keyboard or screen-reader user reads instead of the chart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from game.engine.state import TIME_CATEGORIES
from game.ui.common.i18n import register, tr
from game.ui.common.task_model import Index
from game.ui.common.vocab import unit_name
from game.workshop.directory import Directory
from game.workshop.seat_history import SeatSeries

register({
    "dash.col.turn": ("回合", "Turn"),
    "dash.col.target": ("目标", "target"),
    "dash.col.reported": ("上报累计", "reported"),
    "dash.col.delivered": ("实际完成", "delivered"),
    "dash.col.sub_reported": ("{unit}", "{unit}"),
    "dash.col.sub_target": ("{unit} 目标", "{unit} target"),
    "dash.col.cadre_time": ("可用干部时间", "cadre time available"),
    "dash.col.overload": ("负荷（%）", "workload (%)"),
    "dash.col.funds": ("经费（万元）", "funds (×10,000 yuan)"),
    "dash.col.trust_down": ("你→{unit}", "you → {unit}"),
    "dash.col.trust_up": ("{unit}→你", "{unit} → you"),
    "dash.cat.reports": ("报表", "reports"),
    "dash.cat.rework": ("返工迎检", "rework"),
    "dash.cat.meetings": ("会议调研", "meetings"),
    "dash.cat.talk": ("沟通汇报", "talk"),
    "dash.cat.work": ("实际工作", "real work"),
    "dash.cat.paper": ("纸面工作", "paper work"),
    "dash.cat.local": ("群众诉求", "villagers' needs"),
    "dash.cat.outside": ("突发事务", "outside problems"),
})

CATEGORIES = (*TIME_CATEGORIES, "outside")
#: Palette places for time categories: real work green, paperwork grey, rework red.
CATEGORY_COLOURS = {"reports": 3, "rework": 1, "meetings": 4, "talk": 0, "work": 2, "paper": 7,
                    "local": 9, "outside": 5}


@dataclass(frozen=True)
class Column:
    """One series: a stable key, its label (in the current language) and turn -> value."""

    key: str
    label: Callable[[], str]
    values: dict[int, float]
    style: str = "line"
    colour: int | None = None
    in_legend: bool = True


class SeriesTableModel(QAbstractTableModel):
    """Turns down, series across (column 0 is the turn); a series holds its last value on
    between the turns it was seen, and is empty before it was first seen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column] = []
        self._turns: list[int] = []
        self._cells: list[list[float | None]] = []

    def set_columns(self, columns: list[Column]) -> None:
        """Show other series."""
        self.beginResetModel()
        self._columns = list(columns)
        seen = sorted({t for c in self._columns for t in c.values})
        self._turns = list(range(seen[0], seen[-1] + 1)) if seen else []
        self._cells = [_carried(c.values, self._turns) for c in self._columns]
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns))

    def columns(self) -> list[Column]:
        """The series shown."""
        return list(self._columns)

    def turns(self) -> list[int]:
        """The turns down the table."""
        return list(self._turns)

    def value(self, row: int, column: int) -> float | None:
        """The value of series `column` (0 = first series) at `row`."""
        return self._cells[column][row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._turns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.EditRole):
            return None
        if index.column() == 0:
            return self._turns[index.row()]
        value = self._cells[index.column() - 1][index.row()]
        return None if value is None else round(value, 1)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return None
        return tr("dash.col.turn") if section == 0 else self._columns[section - 1].label()


def _carried(values: dict[int, float], turns: list[int]) -> list[float | None]:
    out: list[float | None] = []
    last: float | None = None
    for turn in turns:
        last = values.get(turn, last)
        out.append(last)
    return out


def _label(key: str, **values: object) -> Callable[[], str]:
    return lambda: tr(key, **values)


def _unit_label(key: str, names: Directory, unit: str) -> Callable[[], str]:
    return lambda: tr(key, unit=unit_name(names, unit))


# ----- the dashboard's five tables ------------------------------------------------------------


def progress_columns(series: SeatSeries, task: str) -> list[Column]:
    """The seat's own target, reported and (for a carrier) delivered on a task."""
    progress = series.progress.get(task, {})
    styles = {"target": "line", "reported": "line", "delivered": "dashed"}
    return [Column(key, _label(f"dash.col.{key}"), progress[key], styles[key], colour=number)
            for number, key in enumerate(("target", "reported", "delivered"))
            if progress.get(key)]


def subordinate_columns(names: Directory, series: SeatSeries, task: str) -> list[Column]:
    """Each subordinate's reported figure (solid) and target (dashed) on a task."""
    columns: list[Column] = []
    for number, (sub, figures) in enumerate(series.subordinates.get(task, {}).items()):
        columns.append(Column(f"{sub}.reported", _unit_label("dash.col.sub_reported", names, sub),
                              figures.get("reported", {}), colour=number))
        columns.append(Column(f"{sub}.target", _unit_label("dash.col.sub_target", names, sub),
                              figures.get("target", {}), style="dashed", colour=number,
                              in_legend=False))
    return columns


def time_columns(series: SeatSeries) -> list[Column]:
    """Cadre-days spent by category (bars), cadre time available and workload (lines)."""
    time = series.time
    columns = [Column(c, _label(f"dash.cat.{c}"), time[c], style="bar",
                      colour=CATEGORY_COLOURS[c])
               for c in CATEGORIES if any(v > 0 for v in time.get(c, {}).values())]
    if time.get("cadre_time"):
        columns.append(Column("cadre_time", _label("dash.col.cadre_time"), time["cadre_time"],
                              style="dashed", colour=8))
    if time.get("overload"):
        columns.append(Column("overload", _label("dash.col.overload"),
                              {t: 100 * v for t, v in time["overload"].items()}, style="right"))
    return columns


def funds_columns(series: SeatSeries) -> list[Column]:
    """The seat's funds after each turn."""
    funds = series.time.get("funds")
    return [Column("funds", _label("dash.col.funds"), funds)] if funds else []


def trust_columns(names: Directory, series: SeatSeries, seat: str) -> list[Column]:
    """Trust in each relation the seat stands in (the superior's trust in the subordinate)."""
    columns: list[Column] = []
    for line in series.trust:
        down = line.superior == seat
        other = line.subordinate if down else line.superior
        key = "dash.col.trust_down" if down else "dash.col.trust_up"
        columns.append(Column(f"{line.superior}->{line.subordinate}",
                              _unit_label(key, names, other),
                              {t: 100 * v for t, v in line.values.items()}))
    return columns
