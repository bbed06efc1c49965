"""The county map: the hierarchy top-down, quota flows and trust on the task lines.

The map draws the seat's view only (`session.view`): the organisation and the task lines from
its `Directory`, every figure (side panel, edge labels, line widths and colours) from its map
part (`game.workshop.map_knowledge.MapKnowledge`), which holds no unit's hidden capacity. A
local game and a remote table draw alike. Far-away subtrees fold into summary nodes
(`game.ui.map.map_model`), so a province of 40,000 units opens as a few hundred items.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsPathItem,
    QGraphicsScene,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from game.engine.knowledge import Flow
from game.ui.common.charts import chart_font, trust_colour
from game.ui.common.fit import fit_combo
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language
from game.ui.common.unit_model import (
    UNIT_ID_ROLE,
    UnitFactsModel,
    UnitListModel,
    count_text,
    kind_name,
    unit_facts,
    unit_name,
)
from game.ui.map.map_items import (
    KIND_FILL,
    NODE_H,
    ROW,
    SLOT,
    FlowLabel,
    MapCanvas,
    NodeItem,
    flow_text,
    flow_tip,
)
from game.ui.map.map_legend import MapLegend
from game.ui.map.map_model import MapLayout, Placement
from game.ui.map.map_tasks import MapTaskModel
from game.workshop.directory import Directory
from game.workshop.map_knowledge import MapKnowledge

register({
    "map.task": ("任务：", "Task:"),
    "map.task.name": ("地图显示的任务", "Task shown on the map"),
    "map.goto": ("单位：", "Unit:"),
    "map.goto.name": ("转到单位", "Go to unit"),
    "map.zoom_in": ("放大", "Zoom in"),
    "map.zoom_out": ("缩小", "Zoom out"),
    "map.fit": ("全图", "Fit"),
    "map.canvas": ("县域地图", "County map"),
    "map.canvas.help": ("拖动或方向键平移；滚轮或 +/- 缩放；点击单位查看；回车展开或折叠。",
                        "Drag or arrow keys to pan; wheel or +/- to zoom; click a unit to see "
                        "it; Enter folds or unfolds."),
    "map.you": ("★ 你", "★ you"),
    "map.fold": ("折叠下级", "Fold its units"),
    "map.unfold": ("展开下级", "Unfold its units"),
    "map.facts": ("你所知道的情况", "What you know of it"),
    "map.summary.title": ("{unit} 下辖（已折叠）", "Under {unit} (folded)"),
    "map.edge.hidden": ("你看不到这条线上的数据", "You cannot see the figures on this line"),
})


class MapView(QWidget):
    """The hierarchy as a map, a task selector, a legend and a side panel.

    Args:
        session: the window's seat session (`view`, `bridge`; see
            `game.ui.play.session.SeatSession`).
    """

    def __init__(self, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.nodes: dict[str, NodeItem] = {}
        self.labels: dict[tuple[str, str], FlowLabel] = {}
        self.selected: str | None = None
        self._build()
        self.directory: Directory | None = None
        bridge = session.bridge  # type: ignore[attr-defined]
        bridge.state_changed.connect(self._on_state_changed)
        bridge.game_replaced.connect(self._on_game_replaced)
        follow_language(self, self._on_language_changed)
        self._on_game_replaced()

    # ----- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.tasks, self.units = MapTaskModel(self), UnitListModel(parent=self)
        self.task_combo, self.goto_combo = QComboBox(), QComboBox()
        self.task_combo.setModel(self.tasks)
        self.goto_combo.setModel(self.units)
        fit_combo(self.task_combo, 26)
        fit_combo(self.goto_combo, 26)
        self.task_combo.currentIndexChanged.connect(self._on_task_chosen)
        self.goto_combo.activated.connect(self._on_goto_chosen)
        self.task_label, self.goto_label = QLabel(), QLabel()
        self.task_label.setBuddy(self.task_combo)
        self.goto_label.setBuddy(self.goto_combo)
        self.zoom_in, self.zoom_out, self.fit = QPushButton(), QPushButton(), QPushButton()
        self.scene = QGraphicsScene(self)
        self.canvas = MapCanvas(self.scene)
        self.zoom_in.clicked.connect(self._on_zoom_in_clicked)
        self.zoom_out.clicked.connect(self._on_zoom_out_clicked)
        self.fit.clicked.connect(self.fit_all)
        self.canvas.clicked.connect(self._on_node_clicked)
        self.canvas.activated.connect(self._on_node_activated)
        top = QHBoxLayout()
        for widget in (self.task_label, self.task_combo, self.goto_label, self.goto_combo,
                       self.zoom_in, self.zoom_out, self.fit):
            top.addWidget(widget)
        top.addStretch(1)
        self.legend = MapLegend()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addWidget(self.legend)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._build_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        self.panel_title, self.facts_label = QLabel(), QLabel()
        self.panel_title.setWordWrap(True)
        self.panel_title.setFont(chart_font(12, bold=True))
        self.facts = UnitFactsModel(self)
        self.facts_table = QTableView()
        self.facts_table.setModel(self.facts)
        self.facts_table.verticalHeader().setVisible(False)
        header = self.facts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.facts_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.facts_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.facts_table.setWordWrap(True)
        self.facts_label.setBuddy(self.facts_table)
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._on_toggle_clicked)
        layout = QVBoxLayout(panel)
        for widget in (self.panel_title, self.facts_label, self.facts_table, self.toggle):
            layout.addWidget(widget)
        layout.setStretch(2, 1)
        panel.setMinimumWidth(340)
        return panel

    # ----- the bridge's signals -------------------------------------------------------------

    def _on_game_replaced(self) -> None:
        view = self.session.view  # type: ignore[attr-defined]
        # A remote host sends the directory once per connection; keep the last one seen.
        self.directory = view.directory or self.directory
        directory, seat = self._directory(), view.seat
        self.seat: str = seat
        self.layout_model = MapLayout(directory, seat)
        self.tasks.reset(directory, directory.tasks_of(seat))
        self.task_combo.setCurrentIndex(0 if self.tasks.rowCount() else -1)
        self.selected = seat
        self.redraw()
        self._retranslate()
        self._home_pending = True
        if self.isVisible():
            self.frame_home()

    def _on_state_changed(self) -> None:
        if self.isVisible():
            self.redraw()
        else:
            self._stale = True

    def _on_language_changed(self) -> None:
        self.tasks.retranslate()
        self.units.retranslate()
        self.redraw()
        self._retranslate()

    def _on_task_chosen(self, row: int) -> None:
        del row
        if hasattr(self, "layout_model"):
            self.redraw()

    def _on_goto_chosen(self, row: int) -> None:
        unit = self.units.index(row).data(UNIT_ID_ROLE)
        if unit:
            self.select(unit)
            self.centre_on(unit)

    def _on_zoom_in_clicked(self) -> None:
        self.canvas.zoom(1.25)

    def _on_zoom_out_clicked(self) -> None:
        self.canvas.zoom(0.8)

    def _on_toggle_clicked(self) -> None:
        self._on_node_activated(self.selected or "")

    def _on_node_clicked(self, key: str) -> None:
        if key.startswith("+"):
            self._on_node_activated(key)
        else:
            self.select(key)

    def _on_node_activated(self, key: str) -> None:
        unit = (key or self.selected or "").lstrip("+")
        if unit and self.layout_model.children.get(unit):
            self.layout_model.toggle(unit)
            self.select(unit)
            self.redraw()

    # ----- the seat's view ---------------------------------------------------------------------

    def _directory(self) -> Directory:
        if self.directory is None:
            raise RuntimeError("the seat's view has no directory yet")
        return self.directory

    def _part(self) -> MapKnowledge:
        """The map part of the seat's view now (empty if the view came without one)."""
        view = self.session.view  # type: ignore[attr-defined]
        if view.map is not None:
            return view.map  # type: ignore[no-any-return]
        return MapKnowledge(seat=view.seat, units=[], flows=[])

    # ----- drawing --------------------------------------------------------------------------

    def current_task(self) -> str | None:
        """The task whose flows the edges show."""
        return self.tasks.task_id(self.task_combo.currentIndex())

    def redraw(self) -> None:
        """Lay the shown units out again and draw them, their lines and flows."""
        self._stale = False
        directory = self._directory()
        placement = self.layout_model.place()
        self.scene.clear()
        self.nodes, self.labels = {}, {}
        for unit, (x, row) in placement.units.items():
            self._add_node(unit, unit_name(directory, unit), kind_name(directory, unit), x, row)
        for unit, (x, row) in placement.summaries.items():
            self._add_summary(unit, x, row)
        self._draw_org_lines(placement)
        task = self.current_task()
        if task is not None:
            self._draw_task_lines(task)
        self.scene.setSceneRect(QRectF(-SLOT, -ROW, (placement.width + 2) * SLOT,
                                       (placement.rows + 1) * ROW))
        self.units.set_units(directory, list(placement.units))
        self.select(self.selected if self.selected in self.nodes else self.seat)

    def _add_node(self, unit: str, title: str, subtitle: str, x: float, row: int) -> None:
        item = NodeItem(unit, title, subtitle, KIND_FILL[self.layout_model.kind(unit)],
                        summary=False)
        item.player = unit == self.seat
        item.folded = self.layout_model.folded(unit)
        if item.player:
            item.subtitle = f"{subtitle} · {tr('map.you')}"
        item.setPos(x * SLOT, row * ROW)
        self.scene.addItem(item)
        self.nodes[unit] = item

    def _add_summary(self, unit: str, x: float, row: int) -> None:
        counts = self.layout_model.summary(unit).counts
        title = " · ".join(count_text(kind, n) for kind, n in counts)
        item = NodeItem(f"+{unit}", f"+ {title}", tr("map.unfold"), "#f9fafb", summary=True)
        item.setPos(x * SLOT, row * ROW)
        self.scene.addItem(item)
        self.nodes[f"+{unit}"] = item

    def _draw_org_lines(self, placement: Placement) -> None:
        pen = QPen(QColor("#c7cbd1"), 1.2)
        for parent, children in self.layout_model.children.items():
            if parent not in placement.units or parent not in self.layout_model.expanded:
                if parent in placement.summaries:
                    self._line(self.nodes[parent], self.nodes[f"+{parent}"], pen, elbow=False)
                continue
            for child in children:
                bureau = self.layout_model.kind(child) == "bureau"
                self._line(self.nodes[parent], self.nodes[child], pen, elbow=not bureau)

    def _line(self, top: NodeItem, bottom: NodeItem, pen: QPen, elbow: bool) -> QGraphicsPathItem:
        start = top.pos() + QPointF(0, NODE_H / 2)
        end = bottom.pos() - QPointF(0, NODE_H / 2)
        path = QPainterPath(start)
        if elbow:
            bus = end.y() - 34
            path.lineTo(start.x(), bus)
            path.lineTo(end.x(), bus)
        path.lineTo(end)
        item = self.scene.addPath(path, pen)
        item.setZValue(0)
        return item

    def _draw_task_lines(self, task: str) -> None:
        flows = self._part().flows_of(task, self._directory())
        top = max((f.escalated or 0.0 for f in flows), default=0.0) or 1.0
        done: set[tuple[str, str]] = set()
        for flow in flows:
            upper, _ = self.layout_model.anchor(flow.superior)
            lower, shown = self.layout_model.anchor(flow.subordinate)
            upper_key = upper if upper in self.nodes else f"+{upper}"
            lower_key = lower if shown else f"+{lower}"
            if (upper_key, lower_key) in done or upper_key == lower_key:
                continue
            done.add((upper_key, lower_key))
            if upper_key in self.nodes and lower_key in self.nodes:
                self._draw_flow(flow, self.nodes[upper_key], self.nodes[lower_key], top, shown)

    def _draw_flow(self, flow: Flow, upper: NodeItem, lower: NodeItem, top: float,
                   shown: bool) -> None:
        known = flow.known and shown
        colour = trust_colour(flow.trust if known else None)
        width = 1.5 + 5.0 * (flow.escalated or 0.0) / top if known else 1.5
        pen = QPen(colour, width, Qt.PenStyle.SolidLine if known else Qt.PenStyle.DotLine)
        line = self._line(upper, lower, pen, elbow=False)
        line.setZValue(1)
        line.setToolTip(flow_tip(flow) if known else tr("map.edge.hidden"))
        if known:
            label = FlowLabel(flow_text(flow), colour)
            label.setPos(lower.pos() - QPointF(0, NODE_H / 2 + 5))
            label.setToolTip(line.toolTip())
            self.scene.addItem(label)
            self.labels[(flow.superior, flow.subordinate)] = label

    # ----- selection and view -----------------------------------------------------------------

    def select(self, key: str) -> None:
        """Show a unit (or a summary) in the side panel and mark it on the map."""
        self.selected = key
        for item in self.nodes.values():
            item.selected = item.key == key
            item.update()
        directory = self._directory()
        unit = key.lstrip("+")
        if key.startswith("+"):
            counts = self.layout_model.summary(unit).counts
            self.panel_title.setText(tr("map.summary.title", unit=unit_name(directory, unit)))
            self.facts.set_rows([(tr(f"kind.{k}"), count_text(k, n), False) for k, n in counts])
        else:
            self.panel_title.setText(unit_name(directory, unit))
            self.facts.set_rows(unit_facts(directory, self._part(), unit))
        has_children = bool(self.layout_model.children.get(unit))
        self.toggle.setEnabled(has_children)
        unfolded = unit in self.layout_model.expanded
        self.toggle.setText(tr("map.fold") if unfolded and has_children else tr("map.unfold"))
        self.goto_combo.setCurrentIndex(self.units.row_of(unit))

    def showEvent(self, event: QShowEvent) -> None:
        """A hidden map is redrawn when it is shown, not on every move (a province is big)."""
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.redraw()
        if getattr(self, "_home_pending", False):
            self.frame_home()

    def frame_home(self) -> None:
        """Frame the player's unit with its superiors and subordinates (at 35% to 100%)."""
        self._home_pending = False
        seat, directory = self.seat, self._directory()
        near = {seat, self.layout_model.parent(seat)}
        for task in directory.tasks_of(seat):
            near.add(directory.superior(seat, task))
            near.update(directory.subordinates(seat, task))
        rect = QRectF()
        for unit in near:
            if unit in self.nodes:
                rect = rect.united(self.nodes[unit].sceneBoundingRect())
        self.canvas.resetTransform()
        self.canvas.fitInView(rect.adjusted(-60, -60, 60, 60), Qt.AspectRatioMode.KeepAspectRatio)
        fit = self.canvas.transform().m11()
        scale = max(0.6, min(1.0, fit))
        self.canvas.resetTransform()
        self.canvas.scale(scale, scale)
        self.canvas.centerOn(rect.center() if fit >= 0.6 else self.nodes[seat].pos())

    def centre_on(self, unit: str) -> None:
        """Scroll the map so that the unit is in the middle."""
        if unit in self.nodes:
            self.canvas.centerOn(self.nodes[unit])

    def fit_all(self) -> None:
        """Zoom out until the whole map is in view (never above 100%)."""
        self.canvas.fitInView(self.scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.canvas.transform().m11() > 1.0:
            self.canvas.resetTransform()

    def _retranslate(self) -> None:
        self.task_label.setText(tr("map.task"))
        self.goto_label.setText(tr("map.goto"))
        self.task_combo.setAccessibleName(tr("map.task.name"))
        self.goto_combo.setAccessibleName(tr("map.goto.name"))
        for button, key in ((self.zoom_in, "map.zoom_in"), (self.zoom_out, "map.zoom_out"),
                            (self.fit, "map.fit")):
            button.setText(tr(key))
            button.setAccessibleName(tr(key))
        self.canvas.setAccessibleName(tr("map.canvas"))
        self.canvas.setAccessibleDescription(tr("map.canvas.help"))
        self.canvas.setToolTip(tr("map.canvas.help"))
        self.facts_label.setText(tr("map.facts"))
        self.facts_table.setAccessibleName(tr("map.facts"))
        self.toggle.setAccessibleName(self.toggle.text())
        self.legend.retranslate()
        if self.selected:
            self.select(self.selected)
