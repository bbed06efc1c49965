"""The editor's outline: the scenario's sections, the units as a tree, tasks, events, relations.

A QAbstractItemModel over the document. Selecting a node opens its form; dragging a unit
onto another asks the window to give it that parent (the window checks and applies it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from game.scenario.document import Path, ScenarioDocument
from game.ui.common.i18n import tr
from game.ui.editor.candidates import label_of
from game.ui.editor.schema_text import choice_label
from game.ui.editor.units import units

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
UNIT_MIME = "application/x-scenario-unit"
SECTIONS = ("meta", "hierarchy", "relations", "tasks", "events", "seats", "styles", "scoring")
ITEM_OF = {"relations": "relation", "tasks": "task", "events": "event"}


@dataclass(eq=False)
class OutlineNode:
    """One row of the outline: a section, a unit, a relation, a task or an event."""

    kind: str
    path: Path
    label: str
    parent: OutlineNode | None = None
    children: list[OutlineNode] = field(default_factory=list)
    unit_id: str = ""
    tip: str = ""

    @property
    def key(self) -> tuple[Any, ...]:
        """What stays the same across rebuilds: the section, or the item's path."""
        return (self.kind, self.path) if self.kind not in SECTIONS else (self.kind,)

    def add(self, child: OutlineNode) -> OutlineNode:
        child.parent = self
        self.children.append(child)
        return child

    def shape(self) -> tuple[Any, ...]:
        return (self.key, tuple(child.shape() for child in self.children))


def build_outline(doc: ScenarioDocument) -> list[OutlineNode]:
    """The outline's top-level nodes for the document."""
    paths = {"meta": (), "hierarchy": ("units",), "relations": ("relations",),
             "tasks": ("tasks",), "events": ("events",), "seats": ("seats",),
             "styles": ("styles",), "scoring": ("scoring",)}
    tops = [OutlineNode(name, paths[name], tr(f"editor.section.{name}")) for name in SECTIONS]
    if not doc.ok:
        return tops
    _add_units(tops[1], doc)
    for top in tops[2:5]:
        items = doc.get((top.kind,), []) or []
        for index, item in enumerate(items):
            kind = ITEM_OF[top.kind]
            top.add(OutlineNode(kind, (top.kind, index), _item_label(kind, item)))
    return tops


def _item_label(kind: str, item: Any) -> str:
    if not isinstance(item, dict):
        return "?"
    if kind == "relation":
        return f"{item.get('superior', '?')} → {item.get('subordinate', '?')}"
    return label_of(item)


def _add_units(section: OutlineNode, doc: ScenarioDocument) -> None:
    """Units under their parents; a unit whose parent is missing, or that sits in a loop of
    parents (the YAML allows it, the validator reports it), hangs at the top."""
    found = units(doc)
    nodes = []
    for index, unit in enumerate(found):
        kind = choice_label(str(unit.get("kind", "?")))
        nodes.append(OutlineNode("unit", ("units", index), label_of(unit),
                                 unit_id=str(unit.get("id")), tip=f"{label_of(unit)} · {kind}"))
    parents = parent_indexes(found)
    for index, node in enumerate(nodes):
        parent = parents[index]
        (nodes[parent] if parent is not None else section).add(node)


def parent_indexes(found: list[dict[str, Any]]) -> list[int | None]:
    """For each unit, the index of its parent (the first unit with that id), or None when it
    has none, names a missing unit or itself, or when its chain of parents loops."""
    first: dict[str, int] = {}
    for index, unit in enumerate(found):
        first.setdefault(str(unit.get("id")), index)
    direct = [first.get(str(u.get("parent"))) if u.get("parent") is not None else None
              for u in found]
    result: list[int | None] = []
    for index, parent in enumerate(direct):
        seen, step = {index}, parent
        while step is not None and step not in seen:
            seen.add(step)
            step = direct[step]
        result.append(parent if step is None else None)
    return result


class OutlineModel(QAbstractItemModel):
    """The outline as a tree model.

    Signals:
        reparent_requested(str, object): a unit was dropped on another unit (its id) or on
            the hierarchy section (None, the top).
    """

    reparent_requested = Signal(str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tops: list[OutlineNode] = []

    def rebuild(self, doc: ScenarioDocument) -> None:
        """Re-read the document; a reset only when the tree's shape changed."""
        tops = build_outline(doc)
        if [t.shape() for t in tops] == [t.shape() for t in self._tops]:
            self._relabel(self._tops, tops)
            return
        self.beginResetModel()
        self._tops = tops
        self.endResetModel()

    def _relabel(self, old: list[OutlineNode], new: list[OutlineNode]) -> None:
        for row, (mine, fresh) in enumerate(zip(old, new, strict=True)):
            mine.unit_id = fresh.unit_id  # a renamed unit keeps its row, not its old id
            if (mine.label, mine.tip) != (fresh.label, fresh.tip):
                mine.label, mine.tip = fresh.label, fresh.tip
                index = self.createIndex(row, 0, mine)
                self.dataChanged.emit(index, index)
            self._relabel(mine.children, fresh.children)

    def node(self, index: Index) -> OutlineNode | None:
        """The node of an index (None for the root)."""
        return index.internalPointer() if index.isValid() else None

    def find(self, key: tuple[Any, ...]) -> QModelIndex:
        """The index of the node with `key`, or an invalid index."""
        stack = [(row, node) for row, node in enumerate(self._tops)]
        while stack:
            row, node = stack.pop()
            if node.key == key:
                return self.createIndex(row, 0, node)
            stack += list(enumerate(node.children))
        return QModelIndex()

    def find_unit(self, unit_id: str) -> QModelIndex:
        """The index of a unit's node."""
        stack = list(enumerate(self._tops))
        while stack:
            row, node = stack.pop()
            if node.kind == "unit" and node.unit_id == unit_id:
                return self.createIndex(row, 0, node)
            stack += list(enumerate(node.children))
        return QModelIndex()

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        siblings = self._children(parent)
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        holder = node.parent
        siblings = holder.parent.children if holder.parent else self._tops
        return self.createIndex(siblings.index(holder), 0, holder)

    def _children(self, parent: Index) -> list[OutlineNode]:
        node = self.node(parent)
        return node.children if node is not None else self._tops

    def rowCount(self, parent: Index = ROOT) -> int:
        return len(self._children(parent)) if parent.column() <= 0 else 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tip or node.label
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        node = self.node(index)
        if node is not None and node.kind == "unit":
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        elif node is not None and node.kind == "hierarchy":
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [UNIT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        nodes = [self.node(i) for i in indexes]
        ids = [n.unit_id for n in nodes if n is not None and n.kind == "unit"]
        data.setData(UNIT_MIME, ",".join(ids).encode("utf-8"))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not data.hasFormat(UNIT_MIME):
            return False
        target = self.node(parent)
        if target is None or target.kind not in ("unit", "hierarchy"):
            return False
        for unit_id in bytes(data.data(UNIT_MIME).data()).decode("utf-8").split(","):
            if unit_id and unit_id != target.unit_id:
                self.reparent_requested.emit(unit_id, target.unit_id or None)
        return False  # the document changes; the rebuilt tree shows the move
