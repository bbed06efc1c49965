"""The dashboard: targets against progress, cadre time, funds and trust, turn by turn.

Every figure comes from the seat's view (`SeatView.history.series`, built from the events the
seat may see by `game.engine.knowledge.seat_series`; names from `SeatView.directory`), so a
local game and a remote table draw the same charts. Each chart is drawn from a table model, and
the same model can be read as a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.charts import install_chart, new_chart, new_chart_view, series_chart
from game.ui.common.fit import fit_combo
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language
from game.ui.common.task_model import TaskListModel
from game.ui.common.vocab import task_measure, task_name
from game.ui.play.dashboard_model import (
    SeriesTableModel,
    funds_columns,
    progress_columns,
    subordinate_columns,
    time_columns,
    trust_columns,
)
from game.ui.play.session import SeatSession
from game.workshop.directory import Directory
from game.workshop.seat_history import SeatSeries

register({
    "dash.task": ("任务：", "Task:"),
    "dash.task.name": ("选择任务", "Choose the task"),
    "dash.table": ("以表格查看：", "Read as a table:"),
    "dash.table.name": ("选择以表格查看的图表", "Choose the chart to read as a table"),
    "dash.table.view": ("图表数据", "Chart data"),
    "dash.chart.progress": ("目标与进度", "Target and progress"),
    "dash.chart.subordinates": ("下级上报", "Subordinates' reports"),
    "dash.chart.named": ("{chart}：{task}", "{chart}: {task}"),
    "dash.chart.time": ("干部时间与负荷", "Cadre time and workload"),
    "dash.chart.funds": ("经费", "Funds"),
    "dash.chart.trust": ("信任", "Trust"),
    "dash.axis.days": ("人日", "cadre-days"),
    "dash.axis.turn": ("回合", "turn"),
    "dash.axis.sub_turn": ("回合（实线：上报累计；虚线：目标）", "turn (solid: reported; dashed: "
                           "target)"),
    "dash.axis.percent": ("%", "%"),
    "dash.axis.funds": ("万元", "×10,000 yuan"),
    "dash.empty": ("（暂无数据）", "(no data yet)"),
    "dash.none": ("本任务没有下级", "No subordinates on this task"),
})

CHARTS = ("progress", "subordinates", "time", "funds", "trust")
CHART_MIN_WIDTH, CHART_MIN_HEIGHT = 280, 210
#: Rows of the table always in view below the charts.
TABLE_ROWS = 4


@dataclass
class _Panel:
    key: str
    model: SeriesTableModel
    view: QChartView
    shown: bool = True


class DashboardView(QWidget):
    """Charts of the seat's turns, refreshed on the bridge's signals.

    Args:
        session: the window's seat session (`view`, `seat`, `bridge`).
    """

    def __init__(self, session: SeatSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.panels: dict[str, _Panel] = {}
        self._stale = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        bridge = session.bridge
        bridge.state_changed.connect(self._on_state_changed)
        bridge.game_replaced.connect(self._on_game_replaced)
        follow_language(self, self._on_language_changed)
        self._on_game_replaced()

    # ----- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.task_label, self.table_label = QLabel(), QLabel()
        self.task_combo = QComboBox()
        self.tasks = TaskListModel(self._names(), only=(), parent=self)
        self.task_combo.setModel(self.tasks)
        self.task_combo.currentIndexChanged.connect(self._on_task_chosen)
        self.task_label.setBuddy(self.task_combo)
        self.table_combo = QComboBox()
        fit_combo(self.task_combo)
        fit_combo(self.table_combo, 24)
        self.table_combo.currentIndexChanged.connect(self._on_table_chosen)
        self.table_label.setBuddy(self.table_combo)
        top = QHBoxLayout()
        for widget in (self.task_label, self.task_combo, self.table_label, self.table_combo):
            top.addWidget(widget)
        top.addStretch(1)
        charts = QWidget(self)
        self.grid = QGridLayout(charts)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for key in CHARTS:
            view = new_chart_view(new_chart(""), key)
            # A child from the start: a chart shown while it had no parent would open as a
            # window of its own for a moment (and take the focus from the window in front).
            view.setParent(charts)
            # Three charts a row fit at 1024 wide; 210 high keeps the axis labels whole (at 640
            # high the page scrolls to the table rather than squeezing the charts).
            view.setMinimumSize(QSize(CHART_MIN_WIDTH, CHART_MIN_HEIGHT))
            self.panels[key] = _Panel(key, SeriesTableModel(self), view)
        self.table = QTableView()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(TABLE_ROWS * rows + self.table.horizontalHeader()
                                    .sizeHint().height() + 4)
        # Charts above, the table below: the player drags the handle to read more rows.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(charts)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def _arrange(self) -> None:
        """Three charts a row, cadre time (the most series) last and as wide as the row has
        room for, the table below."""
        while self.grid.count():
            self.grid.takeAt(0)
        for panel in self.panels.values():
            panel.view.setVisible(panel.shown)
        order = [k for k in ("progress", "subordinates", "funds", "trust", "time")
                 if self.panels[k].shown]
        cell = 0
        for key in order:
            span = 3 - cell % 3 if key == "time" else 1
            self.grid.addWidget(self.panels[key].view, cell // 3, cell % 3, 1, span)
            cell += span
        for row in range(-(-cell // 3)):
            self.grid.setRowStretch(row, 1)

    # ----- the bridge's signals -------------------------------------------------------------

    def _on_state_changed(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """A hidden dashboard catches up when it is shown, not on every move."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_game_replaced(self) -> None:
        names = self._names()
        self.tasks.reset(names, names.tasks_of(self.session.view.seat))
        self.task_combo.setCurrentIndex(0 if self.tasks.rowCount() else -1)
        self.refresh()

    def _on_task_chosen(self, row: int) -> None:
        del row
        self.refresh()

    def _on_table_chosen(self, row: int) -> None:
        key = self.table_combo.itemData(row)
        if key in self.panels:
            self.table.setModel(self.panels[key].model)

    def _on_language_changed(self) -> None:
        self.tasks.retranslate()
        self.refresh()

    # ----- refreshing ---------------------------------------------------------------------

    def _names(self) -> Directory:
        """The public names and structure of the game, from the seat's view."""
        return self.session.directory

    def current_task(self) -> str | None:
        """The task the progress charts show."""
        return self.tasks.task_id(self.task_combo.currentIndex())

    def refresh(self) -> None:
        """Rebuild every table and chart from the seat's view."""
        self._refresh_timer.stop()
        self._stale = False
        view, names = self.session.view, self._names()
        series = view.history.series if view.history is not None else SeatSeries()
        task = self.current_task()
        columns = {
            "progress": progress_columns(series, task) if task else [],
            "subordinates": subordinate_columns(names, series, task) if task else [],
            "time": time_columns(series),
            "funds": funds_columns(series),
            "trust": trust_columns(names, series, view.seat),
        }
        for key, panel in self.panels.items():
            panel.model.set_columns(columns[key])
        has_subs = bool(task and names.subordinates(view.seat, task))
        self.panels["subordinates"].shown = has_subs
        self._draw(task)
        self._retranslate()
        self._arrange()

    def _axis_titles(self, task: str | None) -> dict[str, tuple[str, str, str]]:
        measure = task_measure(self._names(), task) if task else ""
        turn = tr("dash.axis.turn")
        return {"progress": (measure, "", turn), "subordinates": (measure, "",
                                                                   tr("dash.axis.sub_turn")),
                "time": (tr("dash.axis.days"), tr("dash.axis.percent"), turn),
                "funds": (tr("dash.axis.funds"), "", turn),
                "trust": (tr("dash.axis.percent"), "", turn)}

    def _title(self, key: str, task: str | None) -> str:
        """The chart's title (the task is in the selector above); its accessible name says
        the task too."""
        return tr(f"dash.chart.{key}")

    def _name(self, key: str, task: str | None) -> str:
        if key not in ("progress", "subordinates") or task is None:
            return self._title(key, task)
        name = task_name(self._names(), task)
        return tr("dash.chart.named", chart=self._title(key, task), task=name)

    def _draw(self, task: str | None) -> None:
        for key, (left, right, bottom) in self._axis_titles(task).items():
            panel = self.panels[key]
            title = self._title(key, task)
            empty = "" if panel.model.rowCount() else " " + tr("dash.empty")
            install_chart(panel.view, series_chart(title + empty, panel.model, left, right,
                                                      bottom))
            panel.view.setAccessibleName(self._name(key, task))

    def _retranslate(self) -> None:
        self.task_label.setText(tr("dash.task"))
        self.task_combo.setAccessibleName(tr("dash.task.name"))
        self.table_label.setText(tr("dash.table"))
        self.table_combo.setAccessibleName(tr("dash.table.name"))
        self.table.setAccessibleName(tr("dash.table.view"))
        for panel in self.panels.values():
            panel.model.retranslate()
        self._fill_table_combo()

    def _fill_table_combo(self) -> None:
        current = self.table_combo.currentData() or "progress"
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        for key, panel in self.panels.items():
            if panel.shown:
                self.table_combo.addItem(panel.view.accessibleName(), key)
        self.table_combo.setCurrentIndex(max(0, self.table_combo.findData(current)))
        self.table_combo.blockSignals(False)
        self.table_combo.setToolTip(self.table_combo.currentText())
        self._on_table_chosen(self.table_combo.currentIndex())
