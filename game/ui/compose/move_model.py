"""Qt models over what the seat may do now: the actions by direction, and the moves made."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from game.engine.moves import MOVE_ADAPTER
from game.engine.views import MoveOption, PendingRequest
from game.ui.common.i18n import register, tr
from game.ui.common.lang import number
from game.ui.common.vocab import task_measure, task_name, unit_name
from game.ui.play.session import SeatSession

Index = QModelIndex | QPersistentModelIndex
GROUPS = ("up", "down", "inside", "pathology")

register({
    "moves.col.action": ("动作", "Action"),
    "moves.col.cost": ("耗费", "Cost"),
    "moves.days": ("{days} 人日", "{days} cadre-days"),
    "moves.free": ("不耗时间", "no time"),
    "moves.made_item": ("{action}{details}", "{action}{details}"),
    "moves.answered": ("答复 {sender} 的{kind}：{verdict}{target}",
                       "Answered {sender}'s {kind}: {verdict}{target}"),
    "moves.agreed": ("同意", "agreed"),
    "moves.refused": ("不同意", "refused"),
    "moves.answer_target": ("，目标 {target} {measure}", ", target {target} {measure}"),
})


def figure(value: float) -> str:
    """A target as written on paper: whole numbers without decimals (0, not 0.0)."""
    return number(value, 0) if float(value).is_integer() else number(value)


def cost_text(option: MoveOption) -> str:
    """The action's price in cadre-days, short."""
    if not option.cadre_days:
        return tr("moves.free")
    return tr("moves.days", days=number(option.cadre_days))


class MoveOptionsModel(QAbstractItemModel):
    """A two-level tree: direction groups, and under each the actions open now."""

    OptionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, session: SeatSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._groups: list[tuple[str, list[MoveOption]]] = []
        self.reload()

    def reload(self) -> None:
        """Read again from the seat's view what it may do (after every change)."""
        self.beginResetModel()
        options = self.session.view.options
        self._groups = [(g, [o for o in options if o.group == g]) for g in GROUPS]
        self._groups = [(g, items) for g, items in self._groups if items]
        self.endResetModel()

    def options(self) -> list[MoveOption]:
        """Every action listed."""
        return [o for _, items in self._groups for o in items]

    def index_of(self, action: str) -> QModelIndex:
        """The index of an action, or an invalid index."""
        for g, (_, items) in enumerate(self._groups):
            for r, option in enumerate(items):
                if option.action == action:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("moves.col.action" if section == 0 else "moves.col.cost")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self._groups[index.row()][0]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return tr(f"group.{group}")
            return None
        option = self._groups[index.internalId() - 1][1][index.row()]
        if role == self.OptionRole:
            return option
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(f"action.{option.action}") if index.column() == 0 else cost_text(option)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(f"help.{option.action}")
        return None

    def retranslate(self) -> None:
        """Names changed language."""
        self.reload()


class MovesMadeModel(QAbstractListModel):
    """The seat's accepted moves in this phase, newest last."""

    def __init__(self, session: SeatSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._moves: list[dict[str, Any]] = []
        self.reload()

    def reload(self) -> None:
        """Read the moves made again (from the seat's view)."""
        self.beginResetModel()
        self._moves = list(self.session.view.moves_made)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._moves)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.describe(self._moves[index.row()])

    def describe(self, move: dict[str, Any]) -> str:
        """One line: the action and what it was about (an answer: to whom, what, and how)."""
        names = self.session.directory
        if move.get("kind") == "answer" and isinstance(move.get("request"), int):
            answered = self._answered(move)
            if answered:
                return answered
        action = "falsify_report" if move.get("overstate") else move["kind"]
        parts = [task_name(names, move["task"]) if move.get("task") else "",
                 unit_name(names, move["subordinate"]) if move.get("subordinate") else ""]
        details = " · ".join(p for p in parts if p)
        return tr("moves.made_item", action=tr(f"action.{action}"),
                  details=f" — {details}" if details else "")

    def _answered(self, move: dict[str, Any]) -> str:
        names = self.session.directory
        request = answered_request(self.session, move["request"])
        if request is None:
            return ""
        target = ""
        if move.get("accept") and move.get("target") is not None:
            target = tr("moves.answer_target", target=figure(float(move["target"])),
                        measure=task_measure(names, request.task))
        return tr("moves.answered", sender=unit_name(names, request.sender),
                  kind=tr(f"request.{request.kind}"),
                  verdict=tr("moves.agreed" if move.get("accept") else "moves.refused"),
                  target=target)

    def contains(self, move: dict[str, Any]) -> bool:
        """Whether this very move was already made in this phase."""
        try:
            full = MOVE_ADAPTER.validate_python(move).model_dump(mode="json")
        except ValidationError:
            return False
        return any(_same(full, made) for made in self._moves)


#: The request each kind of document sent up opens (the answer's own reply names it too).
REQUEST_OF = {"explain_shortfall": "explanation", "request_coordination": "coordination",
              "propose_target": "proposal", "cite_rule": "rule", "request_policy": "policy",
              "collude": "collusion", "falsification_detected": "discrepancy"}


def answered_request(session: SeatSession, number: int) -> PendingRequest | None:
    """A request sent up to the seat, pending or answered, as the seat's view knows it: from
    its pending requests, else from the reply the seat sent (`request_answered`) or the
    document that brought the request; None when the view has no trace of it."""
    view = session.view
    found = next((r for r in view.pending if r.id == number), None)
    if found is not None:
        return found
    for doc in reversed(view.documents):
        if doc.data.get("request") != number:
            continue
        if doc.kind == "request_answered":
            kind, sender = str(doc.data.get("request_kind", "")), doc.recipient
        elif doc.kind in REQUEST_OF:
            kind, sender = REQUEST_OF[doc.kind], doc.sender
            if doc.kind == "falsification_detected":  # the finding names the unit found out
                sender = doc.recipient
        else:
            continue
        return PendingRequest(number, doc.turn, kind, sender, doc.task, {}, False)
    return None


def _same(move: dict[str, Any], made: dict[str, Any]) -> bool:
    keys = set(move) | set(made)
    return all(_norm(move.get(k)) == _norm(made.get(k)) for k in keys)


def _norm(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value
