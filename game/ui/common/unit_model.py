"""Units as the player may know them: the map's side panel and its list of shown units.

Names and kinds come from the seat view's `Directory`, figures from its map part
(`game.workshop.map_knowledge.MapKnowledge`); nothing here reads the game itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from game.engine.knowledge import SELF, SUBORDINATE, TaskKnowledge
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import number
from game.ui.common.task_model import Index
from game.ui.common.vocab import task_measure, task_name
from game.workshop.directory import Directory

if TYPE_CHECKING:
    from game.ui.common.vocab import Names
    from game.workshop.map_knowledge import MapKnowledge

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3

register({
    "map.standing.self": ("本单位（你）", "your unit"),
    "map.standing.superior": ("你的上级", "your superior"),
    "map.standing.subordinate": ("你的下级", "your subordinate"),
    "map.standing.other": ("其他单位", "another unit"),
    "map.col.item": ("项目", "Item"),
    "map.col.value": ("数值", "Value"),
    "map.fact.kind": ("类型", "Kind"),
    "map.fact.standing": ("与你的关系", "Standing"),
    "map.fact.task": ("任务：{task}", "Task: {task}"),
    "map.fact.superior": ("本任务的上级", "Superior on this task"),
    "map.fact.external": ("收到的指标（已加码）", "Quota received (escalated)"),
    "map.fact.target": ("协商后的目标", "Negotiated target"),
    "map.fact.reported": ("上报累计", "Reported so far"),
    "map.fact.delivered": ("实际完成", "Actually delivered"),
    "map.fact.estimate": ("你对其能力的估计", "Your estimate of its capacity"),
    "map.fact.estimate_subs": ("你对下级能力之和的估计", "Your estimate of your subordinates' "
                               "capacity"),
    "map.fact.capacity": ("真实能力（只有你知道）", "True capacity (only you know it)"),
    "map.fact.unknown": ("你看不到它在本任务上的数据", "You cannot see its figures on this task"),
    "map.fact.trust_down": ("你对它的信任", "Your trust in it"),
    "map.fact.trust_up": ("它对你的信任", "Its trust in you"),
    "map.fact.symmetry": ("信息对称程度", "Information symmetry"),
    "map.fact.familiarity": ("熟悉程度", "Familiarity"),
    "map.fact.cadre_time": ("每回合干部时间（人日）", "Cadre time per turn (cadre-days)"),
    "map.fact.time_left": ("本回合剩余时间（人日）", "Cadre time left this turn"),
    "map.fact.funds": ("可支配经费（万元）", "Funds (×10,000 yuan)"),
    "map.fact.morale": ("士气", "Morale"),
    "map.fact.overload": ("上回合负荷", "Workload last turn"),
    "map.fact.pressure": ("感受到的压力", "Felt pressure"),
    "map.fact.political": ("政治资本", "Standing (political capital)"),
    "map.fact.folded": ("下辖（已折叠）", "Folded below"),
    "map.fact.not_yet": ("尚未得知", "not known yet"),
    "map.count.province": ("{n}个省", "{n} provinces"),
    "map.count.city": ("{n}个市", "{n} cities"),
    "map.count.county": ("{n}个县", "{n} counties"),
    "map.count.bureau": ("{n}个部门", "{n} bureaus"),
    "map.count.township": ("{n}个乡镇", "{n} townships"),
    "map.count.subdistrict": ("{n}个街道", "{n} subdistricts"),
    "map.count.village": ("{n}个村", "{n} villages"),
    "map.count.one": ("1个{kind}", "1 {kind}"),
    "map.bureau.province": ("省直部门", "provincial bureau"),
    "map.bureau.city": ("市直部门", "city bureau"),
    "map.bureau.county": ("县直部门", "county bureau"),
})

_RESOURCES = (("cadre_time", "map.fact.cadre_time", False), ("time_left", "map.fact.time_left",
              False), ("funds", "map.fact.funds", False), ("morale", "map.fact.morale", True),
              ("overload", "map.fact.overload", True), ("pressure", "map.fact.pressure", True),
              ("standing", "map.fact.political", False))


def _directory(names: Names) -> Directory:
    """The directory to read names from: the seat view's.

    Raises:
        TypeError: `names` is not a Directory (issue 11, item 1: no screen reads a `Game`).
    """
    if not isinstance(names, Directory):
        raise TypeError(f"names come from the seat view's Directory, not {type(names).__name__}")
    return names


def unit_name(names: Names, unit: str) -> str:
    """A unit's name in the current language (the id itself for an unknown unit).

    Args:
        names: the seat view's `Directory` (a game is still taken while the other screens
            move onto the view, issue 11 item 1).
    """
    return _directory(names).unit_name(unit, language())


def kind_name(names: Names, unit: str) -> str:
    """The unit's kind in the current language (a bureau by the government it belongs to)."""
    directory = _directory(names)
    entry = directory.unit(unit)
    if entry is None:
        return ""
    parent = directory.unit(entry.parent) if entry.parent is not None else None
    if entry.kind == "bureau" and parent is not None:
        return tr(f"map.bureau.{parent.kind}")
    return tr(f"kind.{entry.kind}")


def count_text(kind: str, n: int) -> str:
    """A count of units of a kind: 12 villages / 12个村, and 1 village."""
    if n == 1:
        return tr("map.count.one", kind=tr(f"kind.{kind}"))
    return tr(f"map.count.{kind}", n=number(n, 0))


def percent(value: float | None) -> str:
    """A 0-1 share as a percentage, a note when not known yet."""
    return tr("map.fact.not_yet") if value is None else f"{100 * value:.0f}%"


def unit_facts(directory: Directory, part: MapKnowledge, unit: str) -> list[tuple[str, str, bool]]:
    """(label, value, is_header) rows of what the seat may know of `unit`.

    Args:
        directory: the seat view's directory (names, kinds, task lines).
        part: the seat view's map part (the figures the seat may know).
    """
    known = part.unit(unit, directory)
    rows = [(tr("map.fact.kind"), kind_name(directory, unit), False),
            (tr("map.fact.standing"), tr(f"map.standing.{known.standing}"), False)]
    for task in known.tasks:
        rows.extend(_task_rows(directory, task, known.standing))
    for relation in known.relations:
        key = "map.fact.trust_down" if relation.superior == part.seat else "map.fact.trust_up"
        rows += [(tr(key), percent(relation.trust), False),
                 (tr("map.fact.symmetry"), percent(relation.symmetry), False),
                 (tr("map.fact.familiarity"), percent(relation.familiarity), False)]
    for field, key, share in _RESOURCES if known.resources else ():
        value = known.resources[field] if known.resources else None
        rows.append((tr(key), percent(value) if share else number(value), False))
    return rows


def _task_rows(directory: Directory, task: TaskKnowledge,
               standing: str) -> list[tuple[str, str, bool]]:
    rows = [(tr("map.fact.task", task=task_name(directory, task.task)), "", True)]
    if task.superior is not None:
        rows.append((tr("map.fact.superior"), unit_name(directory, task.superior), False))
    if standing not in (SELF, SUBORDINATE):
        return [*rows, (tr("map.fact.unknown"), "", False)]
    measure = task_measure(directory, task.task)
    figures = (("map.fact.external", task.external), ("map.fact.target", task.target),
               ("map.fact.reported", task.reported), ("map.fact.delivered", task.delivered),
               ("map.fact.capacity", task.capacity))
    for key, value in figures:
        if value is not None:
            rows.append((tr(key), f"{number(value)} {measure}", False))
    if task.estimate is not None:
        key = "map.fact.estimate" if standing == SUBORDINATE else "map.fact.estimate_subs"
        rows.append((tr(key), f"{number(task.estimate)} {measure}", False))
    return rows


class UnitFactsModel(QAbstractTableModel):
    """Two columns (item, value) of what the seat may know of one unit or one folded subtree."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, bool]] = []

    def set_rows(self, rows: list[tuple[str, str, bool]]) -> None:
        """Show other rows (a unit's facts or a summary's counts)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        label, value, header = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return label if index.column() == 0 else value
        if role == Qt.ItemDataRole.FontRole and header:
            font = QFont()
            font.setBold(True)
            return font
        if role == HEADER_ROLE:
            return header
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("map.col.item") if section == 0 else tr("map.col.value")
        return None


class UnitListModel(QAbstractListModel):
    """The units the map shows, by name, for the keyboard's "go to unit" list."""

    def __init__(self, directory: Directory | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._ids: list[str] = []

    def set_units(self, directory: Directory, ids: list[str]) -> None:
        """Show these units (in map order), named from the seat view's directory."""
        self.beginResetModel()
        self._directory, self._ids = directory, list(ids)
        self.endResetModel()

    def retranslate(self) -> None:
        """Names follow the language."""
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def row_of(self, unit: str) -> int:
        """The row of a unit (-1 when not shown)."""
        return self._ids.index(unit) if unit in self._ids else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        unit = self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if self._directory is None:
                return unit
            return f"{unit_name(self._directory, unit)} · {kind_name(self._directory, unit)}"
        if role == UNIT_ID_ROLE:
            return unit
        return None
