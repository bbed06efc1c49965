"""The hierarchy as a layered graph: a column per level, each unit beside its parent.

Click a unit to select it; drag it onto another to change its parent; the arrow keys walk the
tree (left: parent, right: first child, up and down: the same level), Delete removes, and the
context menu (right click, Menu key or Shift+F10) adds, moves and removes units. The view only
asks: the window checks and applies every change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyle,
    QWidget,
)

from game.scenario.document import ScenarioDocument
from game.ui.common.i18n import language
from game.ui.editor.outline_model import UNIT_MIME, parent_indexes
from game.ui.editor.schema_text import choice_label
from game.ui.editor.units import units

NODE_W, NODE_H, GAP_X, GAP_Y = 136.0, 42.0, 28.0, 8.0
MIN_SCALE = 0.6
COLOURS = {"province": "#d8c3e8", "city": "#c9d7f2", "county": "#f4d6a8", "bureau": "#cfe8cf",
           "township": "#f7e7a6", "subdistrict": "#f2d0c4", "village": "#e3e3e3"}


class UnitBox(QGraphicsRectItem):
    """One unit: a box with its name and kind."""

    def __init__(self, unit: dict[str, Any]) -> None:
        super().__init__(0, 0, NODE_W, NODE_H)
        self.unit_id = str(unit.get("id"))
        self.parent_id = unit.get("parent")
        kind = str(unit.get("kind", ""))
        self.setBrush(QBrush(QColor(COLOURS.get(kind, "#ffffff"))))
        self.setPen(QPen(QColor("#666666"), 1))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        name = unit.get("name")
        name = name if isinstance(name, dict) else {}
        title = str(name.get(language()) or name.get("zh") or self.unit_id)
        self._text(title, 4, bold=True)
        self._text(f"{choice_label(kind)} · {self.unit_id}", 24, bold=False)
        self.setToolTip(f"{title}\n{self.unit_id}")

    def _text(self, text: str, y: float, bold: bool) -> None:
        item = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(9.0)
        font.setBold(bold)
        item.setFont(font)
        metrics_width = item.boundingRect().width
        item.setText(text)
        while metrics_width() > NODE_W - 10 and len(text) > 2:
            text = text[:-2] + "…"
            item.setText(text)
        item.setPos(6, y)

    def paint(self, painter: QPainter, option: Any, widget: QWidget | None = None) -> None:
        if self.isSelected():
            self.setPen(QPen(QColor("#1f4e79"), 3))
        else:
            self.setPen(QPen(QColor("#666666"), 1))
        option.state &= ~QStyle.StateFlag.State_Selected  # the pen shows the selection
        super().paint(painter, option, widget)


def _layers(found: list[dict[str, Any]]) -> tuple[dict[str, list[str]], list[str]]:
    """Children of each unit and the roots, in file order (loops of parents become roots)."""
    children: dict[str, list[str]] = {str(u.get("id")): [] for u in found}
    roots = []
    for unit, parent in zip(found, parent_indexes(found), strict=True):
        ident = str(unit.get("id"))
        if parent is None:
            roots.append(ident)
        else:
            children[str(found[parent].get("id"))].append(ident)
    return children, roots


def layout_positions(found: list[dict[str, Any]]) -> dict[str, QPointF]:
    """Where each unit's box goes: a column per level, leaves one under another, each parent
    level with the middle of its children."""
    children, roots = _layers(found)
    positions: dict[str, QPointF] = {}
    next_y = [0.0]

    def place(ident: str, depth: int, seen: frozenset[str]) -> float:
        kids = [k for k in children[ident] if k not in seen]
        if kids:
            ys = [place(k, depth + 1, seen | {ident}) for k in kids]
            y = (ys[0] + ys[-1]) / 2
        else:
            y = next_y[0]
            next_y[0] += NODE_H + GAP_Y
        positions[ident] = QPointF(depth * (NODE_W + GAP_X), y)
        return y

    for root in roots:
        place(root, 0, frozenset())
    return positions


class HierarchyGraph(QGraphicsView):
    """The units as a layered graph.

    Signals:
        unit_selected(str): a unit was selected here.
        reparent_requested(str, object): a unit was dropped on another (its id).
        remove_requested(str): Delete was pressed on a unit.
        menu_requested(str, QPoint): the context menu for a unit, at a global position.
    """

    unit_selected = Signal(str)
    reparent_requested = Signal(str, object)
    remove_requested = Signal(str)
    menu_requested = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.boxes: dict[str, UnitBox] = {}
        self._press: tuple[str, QPoint] | None = None
        self.scene().selectionChanged.connect(self._on_selection_changed)

    def show_document(self, doc: ScenarioDocument) -> None:
        """Draw the document's units (keeps the selected unit selected)."""
        current = self.selected_unit()
        scene = self.scene()
        scene.blockSignals(True)
        scene.clear()
        self.boxes = {}
        found = units(doc) if doc.ok else []
        positions = layout_positions(found)
        for unit in found:
            box = UnitBox(unit)
            box.setPos(positions.get(box.unit_id, QPointF()))
            scene.addItem(box)
            self.boxes[box.unit_id] = box
        self._edges()
        if current in self.boxes:
            self.boxes[current].setSelected(True)
        scene.blockSignals(False)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))
        self._fit()

    def _fit(self) -> None:
        """Show the whole graph when it fits at a readable size, else as much as can be read."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        view = self.viewport().size()
        scale = min(1.0, view.width() / rect.width(), view.height() / rect.height())
        self.resetTransform()
        self.scale(max(MIN_SCALE, scale), max(MIN_SCALE, scale))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _edges(self) -> None:
        pen = QPen(QColor("#888888"), 1.4)
        for box in self.boxes.values():
            parent = self.boxes.get(str(box.parent_id)) if box.parent_id else None
            if parent is None or parent is box:
                continue
            start = parent.pos() + QPointF(NODE_W, NODE_H / 2)
            end = box.pos() + QPointF(0, NODE_H / 2)
            line = self.scene().addLine(start.x(), start.y(), end.x(), end.y(), pen)
            line.setZValue(-1)

    def selected_unit(self) -> str | None:
        """The id of the selected unit."""
        for box in self.boxes.values():
            if box.isSelected():
                return box.unit_id
        return None

    def select_unit(self, unit_id: str | None) -> None:
        """Select (and show) a unit without telling anyone."""
        scene = self.scene()
        scene.blockSignals(True)
        scene.clearSelection()
        box = self.boxes.get(unit_id or "")
        if box is not None:
            box.setSelected(True)
            self.ensureVisible(box)
        scene.blockSignals(False)
        scene.update()

    def _on_selection_changed(self) -> None:
        unit_id = self.selected_unit()
        if unit_id is not None:
            self.unit_selected.emit(unit_id)

    def _box_at(self, pos: QPoint) -> UnitBox | None:
        for item in self.items(pos):
            while item is not None and not isinstance(item, UnitBox):
                item = item.parentItem()
            if isinstance(item, UnitBox):
                return item
        return None

    # ----- mouse: select, drag a unit onto its new parent ---------------------------------------

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().mousePressEvent(event)
        box = self._box_at(event.position().toPoint())
        self._press = (box.unit_id, event.position().toPoint()) if box else None

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if self._press and (event.position().toPoint() - self._press[1]).manhattanLength() > 12:
            data = QMimeData()
            data.setData(UNIT_MIME, self._press[0].encode("utf-8"))
            self._press = None
            drag = QDrag(self)
            drag.setMimeData(data)
            drag.exec(Qt.DropAction.MoveAction)
            return
        super().mouseMoveEvent(event)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasFormat(UNIT_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        target = self._box_at(event.position().toPoint())
        unit_id = bytes(event.mimeData().data(UNIT_MIME).data()).decode("utf-8")
        if target is not None and target.unit_id != unit_id:
            self.reparent_requested.emit(unit_id, target.unit_id)
        event.acceptProposedAction()

    # ----- keyboard ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        current = self.selected_unit()
        key = event.key()
        if current and key == Qt.Key.Key_Delete:
            self.remove_requested.emit(current)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._walk(current, key)
        elif current and key == Qt.Key.Key_Menu:
            self._menu_at(current)
        else:
            super().keyPressEvent(event)

    def _walk(self, current: str | None, key: int) -> None:
        if current is None:
            target = next(iter(self.boxes), None)
        elif key == Qt.Key.Key_Left:
            target = self.boxes[current].parent_id
        elif key == Qt.Key.Key_Right:
            target = next((b.unit_id for b in self.boxes.values() if b.parent_id == current), None)
        else:
            column = sorted((b for b in self.boxes.values()
                             if b.x() == self.boxes[current].x()), key=lambda b: b.y())
            place = [b.unit_id for b in column].index(current) + (1 if key == Qt.Key.Key_Down
                                                                  else -1)
            target = column[place].unit_id if 0 <= place < len(column) else None
        if target in self.boxes:
            self.scene().clearSelection()
            self.boxes[str(target)].setSelected(True)
            self.ensureVisible(self.boxes[str(target)])

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        box = self._box_at(event.pos()) or self.boxes.get(self.selected_unit() or "")
        if box is not None:
            box.setSelected(True)
            self._menu_at(box.unit_id, event.globalPos())

    def _menu_at(self, unit_id: str, where: QPoint | None = None) -> None:
        if where is None:
            box = self.boxes[unit_id]
            centre = self.mapFromScene(box.sceneBoundingRect().center())
            where = self.viewport().mapToGlobal(centre)
        self.menu_requested.emit(unit_id, where)
