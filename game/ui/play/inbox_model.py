"""The seat's documents as a table model, and the filter that shows one folder or one turn."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from game.engine.views import Document
from game.ui.common.i18n import register, tr
from game.ui.common.vocab import unit_name
from game.ui.play import documents as paper
from game.ui.play.session import SeatSession

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("unread", "turn", "category", "title", "sender", "recipient")

register({
    "inbox.col.unread": ("未读", "New"),
    "inbox.col.turn": ("回合", "Turn"),
    "inbox.col.category": ("类别", "Folder"),
    "inbox.col.title": ("标题", "Title"),
    "inbox.col.sender": ("发文单位", "From"),
    "inbox.col.recipient": ("主送", "To"),
    "inbox.unread_mark": ("●", "●"),
    "inbox.everyone": ("各有关单位", "all concerned"),
    "inbox.on_file": ("本单位存档", "on file"),
})


class InboxModel(QAbstractTableModel):
    """One row per document of the seat's view, oldest first; remembers what was read.

    Documents are known by their `seq` (the number of the event they were made from, rising):
    after a change, the view's documents past the last one listed are appended.
    """

    DocumentRole = Qt.ItemDataRole.UserRole + 1
    UnreadRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, session: SeatSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._docs: list[Document] = []
        self._read: set[int] = set()
        self.reload()

    def reload(self) -> None:
        """Rebuild from the view's documents (a new or loaded game, or another seat); what was
        read is the session's record (empty for a new game, the saved one for a loaded game),
        and is kept there."""
        self.beginResetModel()
        self._docs = list(self.session.view.documents)
        self._read = self.session.read
        self.endResetModel()

    def append_new(self) -> None:
        """Add the view's documents newer than the last one listed (by `seq`)."""
        last = self._docs[-1].seq if self._docs else -1
        new = [d for d in self.session.view.documents if d.seq > last]
        if not new:
            return
        start = len(self._docs)
        self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
        self._docs.extend(new)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"inbox.col.{COLUMNS[section]}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self._docs[index.row()]
        unread = self._unread(doc)
        if role == self.DocumentRole:
            return doc
        if role == self.UnreadRole:
            return unread
        if role == Qt.ItemDataRole.FontRole and unread:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(doc, COLUMNS[index.column()], unread)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() < 2:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _text(self, doc: Document, column: str, unread: bool) -> str:
        view = self.session.view
        names = self.session.directory
        if column == "unread":
            return tr("inbox.unread_mark") if unread else ""
        if column == "turn":
            return str(doc.turn)
        if column == "category":
            return tr(f"category.{doc.category}")
        if column == "title":
            return paper.title(doc, view, names)
        if column == "sender":
            return unit_name(names, doc.sender)
        if doc.recipient:
            return unit_name(names, doc.recipient)
        return tr("inbox.on_file" if doc.category == "internal" else "inbox.everyone")

    def document(self, row: int) -> Document:
        """The document on `row`."""
        return self._docs[row]

    def row_of(self, seq: int) -> int | None:
        """The row of the document made from event `seq`, if it is here."""
        return next((row for row, d in enumerate(self._docs) if d.seq == seq), None)

    def _unread(self, doc: Document) -> bool:
        """What the seat itself sent was never news to it; the rest waits to be opened."""
        return doc.direction != "out" and doc.seq not in self._read

    def read_seqs(self) -> set[int]:
        """The event numbers of the documents read (what a save keeps)."""
        return set(self._read)

    def mark_read(self, row: int) -> None:
        """The player opened the document on `row`."""
        doc = self._docs[row]
        if not self._unread(doc):
            return
        self._read.add(doc.seq)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def mark_all_read(self) -> None:
        """Every document counts as read."""
        self._read.update(d.seq for d in self._docs)
        if self._docs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._docs) - 1,
                                                               len(COLUMNS) - 1))

    def unread_count(self) -> int:
        """How many documents are still unread."""
        return sum(1 for d in self._docs if self._unread(d))

    def turns(self) -> list[int]:
        """The turns that have documents."""
        return sorted({d.turn for d in self._docs})

    def retranslate(self) -> None:
        """Texts changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._docs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._docs) - 1,
                                                               len(COLUMNS) - 1))


class InboxFilter(QSortFilterProxyModel):
    """Shows one folder, one turn, or only the unread; newest first.

    With "unread only", a document the player opens stays listed until the filter changes:
    were it to vanish the moment it is read, the selection would slide onto the next row,
    open that one too, and mark it read in turn.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.category = ""
        self.turn = 0
        self.unread_only = False
        self.kept: set[int] = set()

    def set_filter(self, category: str, turn: int, unread_only: bool) -> None:
        """'' and 0 mean every folder and every turn."""
        self.beginFilterChange()
        self.category, self.turn, self.unread_only = category, turn, unread_only
        self.kept = set()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def keep(self, seq: int) -> None:
        """Keep the document made from event `seq` listed while this filter holds."""
        self.kept.add(seq)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        doc: Document = model.data(index, InboxModel.DocumentRole)
        if self.category and doc.category != self.category:
            return False
        if self.turn and doc.turn != self.turn:
            return False
        if not self.unread_only or doc.seq in self.kept:
            return True
        return bool(model.data(index, InboxModel.UnreadRole))

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        first = model.data(left, InboxModel.DocumentRole).seq
        second = model.data(right, InboxModel.DocumentRole).seq
        return bool(first > second)
