"""The debrief's fair comparisons side by side (see `game.headless.fair_comparisons`): your
game, the same game with your seat held by a computer official, and that same official under
the other superior style. They come in the seat's view (`SeatView.debrief.comparisons`) once
played: by the session that holds a local game, by the host for a remote table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from game.ui.common.i18n import language, register, tr
from game.ui.common.task_model import Index

register({
    "compare.col.indicator": ("指标", "Indicator"),
    "compare.col.yours": ("你（{style}）", "You ({style})"),
    "compare.col.yours.plain": ("你", "You"),
    "compare.col.computer": ("电脑官员（{style}）", "Computer official ({style})"),
    "compare.col.computer.plain": ("电脑官员", "Computer official"),
    "compare.col.other.plain": ("同一电脑官员（另一种风格）", "Same official (other style)"),
    "compare.col.added": ("你带来的差异", "What you added"),
    "compare.col.other": ("同一电脑官员（{style}）", "Same official ({style})"),
    "compare.col.style": ("风格带来的差异", "What the style does"),
    "compare.tip.added": ("你的对局减去电脑官员的对局：同一种子、同样的上级，"
                          "只有你这个席位的动作不同。",
                          "Your game minus the computer official's: same seed, same superiors, "
                          "only your seat's moves differ."),
    "compare.tip.style": ("另一种上级风格减去本局风格：两局都由同一电脑官员坐你的席位，"
                          "只有上级风格不同。",
                          "The other superior style minus this one: the same computer official "
                          "holds your seat in both, only the superiors' style differs."),
    "compare.better": ("更好", "better"),
    "compare.worse": ("更差", "worse"),
    "compare.same_style": ("两种上级风格下结果相同：在这个情景里，"
                           "你的席位之上没有会因风格而改变做法的上级"
                           "（你本身就是那个上级时，看第一项对比）。",
                           "Both superior styles give the same results: in this scenario no "
                           "superior above your seat acts differently by style (when your seat is "
                           "that superior, see the first comparison)."),
})
#: Columns: name, yours, computer, yours - computer, other style, other - computer.
COLUMNS = 6


class CompareModel(QAbstractTableModel):
    """Rows: the seat's score and parts, then the county's indicators; columns: your game, the
    computer official's, what you added, the other style's, what the style does."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: dict[str, Any] = {}
        self._added: list[dict[str, Any]] = []
        self._style: list[dict[str, Any]] = []
        self._styles: tuple[str | None, str | None] = (None, None)

    def set_result(self, result: dict[str, Any] | None) -> None:
        """Show a `fair_comparisons` result (none: the table empties, the headers stay)."""
        self.beginResetModel()
        self._result = result or {}
        self._added = self._result.get("yours_vs_computer", [])
        self._style = self._result.get("style_vs_style", [])
        self.endResetModel()

    def set_styles(self, style: str | None, other: str | None) -> None:
        """The game's superior style and the other one chosen, for the headers while no
        comparison is shown."""
        self._styles = (style, other)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def result(self) -> dict[str, Any]:
        """The comparison shown (empty before any)."""
        return self._result

    def keys(self) -> list[str]:
        """The row keys in order."""
        return [row["key"] for row in self._added]

    def difference(self, key: str, which: str = "added") -> float | None:
        """What you added (`added`) or what the style does (`style`) on one row."""
        rows = self._added if which == "added" else self._style
        return next((r["diff"] for r in rows if r["key"] == key), None)

    def style_changes_nothing(self) -> bool:
        """True when the other superior style changed no figure at all."""
        return bool(self._style) and not any(r["diff"] for r in self._style)

    def retranslate(self) -> None:
        """Texts follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._added:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._added) - 1, COLUMNS - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._added)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        added, style = self._added[index.row()], self._style[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(added, style, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{self._text(added, style, 0)}\n({added['key']})"
            if column in (3, 5):
                return tr("compare.tip.added" if column == 3 else "compare.tip.style")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (3, 5):
            better = (added if column == 3 else style)["better"]
            return None if better is None else QColor("#15803d" if better else "#b91c1c")
        if role == Qt.ItemDataRole.FontRole and (added["key"] == "seat_score" or
                                                 column in (3, 5) and
                                                 (added if column == 3 else style)["better"]
                                                 is not None):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, added: dict[str, Any], style: dict[str, Any], column: int) -> str:
        if column == 0:
            label = added["label"][language()]
            return f"   · {label}" if added["group"] == "seat" and \
                added["key"] != "seat_score" else label
        if column == 3:
            return _signed(added)
        if column == 5:
            return _signed(style)
        value = {1: added["second"], 2: added["first"], 4: style["second"]}[column]
        return format_figure(value, added["unit"])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return {3: tr("compare.tip.added"), 5: tr("compare.tip.style")}.get(section)
        style = self._result.get("style", self._styles[0])
        other = self._result.get("other_style", self._styles[1])
        return {0: tr("compare.col.indicator"), 1: _styled("compare.col.yours", style),
                2: _styled("compare.col.computer", style), 3: tr("compare.col.added"),
                4: _styled("compare.col.other", other), 5: tr("compare.col.style")}[section]


def _styled(key: str, style: str | None) -> str:
    """A column's header with its style in brackets; without brackets when none is known."""
    return tr(key, style=tr(f"style.{style}")) if style else tr(f"{key}.plain")


def format_figure(value: float | None, unit: str) -> str:
    """A figure as read: 72.0, 104.5%, 3; — when not applicable."""
    if value is None:
        return "—"
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "count":
        return f"{value:g}"
    return f"{value:.1f}"


def _signed(row: dict[str, Any]) -> str:
    diff = row["diff"]
    if diff is None:
        return "—"
    text = f"{diff:+g}" if row["unit"] == "count" else f"{diff:+.1f}"
    if row["better"] is None:
        return text
    return f"{text} ({tr('compare.better') if row['better'] else tr('compare.worse')})"
