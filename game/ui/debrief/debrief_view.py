"""The debrief: the score report with its evidence, Figure 1, the fair comparisons side by
side, the reveal, and exports (PDF of the debrief, JSON of the log entries it links to).

It draws the seat's part of the debrief (`session.view.debrief`, see
`game.workshop.debrief_part.DebriefPart`) and names things from the seat's directory, so a
local game and a remote table show the same debrief; the comparisons are asked of the session
(`session.compare`), which plays them (a local game) or receives them from the host."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSize, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.charts import (
    chart_font,
    figure_one_chart,
    install_chart,
    new_chart,
    new_chart_view,
)
from game.ui.common.fit import fit_combo
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, text_of
from game.ui.common.vocab import task_measure, task_name
from game.ui.debrief.compare_model import CompareModel
from game.ui.debrief.debrief_html import details_html, figure_bars, figure_summary, report_html
from game.ui.debrief.debrief_model import (
    NODE_ROLE,
    SEQ_ROLE,
    EventDetailModel,
    FigureTaskModel,
    ScoreTreeModel,
)
from game.ui.debrief.debrief_pdf import write_pdf
from game.ui.debrief.debrief_reveal import RevealPage

if TYPE_CHECKING:
    from game.workshop.debrief_part import DebriefPart
    from game.workshop.directory import Directory
    from game.workshop.seat_view import SeatView

register({
    "debrief.tab.report": ("评分报告", "Score report"),
    "debrief.tab.figure": ("图1：加码与协商", "Figure 1: markup and bargaining"),
    "debrief.tab.compare": ("公平对比", "Fair comparisons"),
    "debrief.compare_intro": (
        "两项对比，种子相同：① 你的席位交给电脑官员（同样的上级风格，其他席位照旧），"
        "差异就是你的操作带来的；② 同一电脑官员坐你的席位，只换上级风格，差异就是风格带来的。",
        "Two comparisons, same seed: (1) your seat held by a computer official (same superior "
        "style, every other seat as it was) — the difference is what your moves added; (2) the "
        "same computer official in your seat under another superior style — the difference is "
        "what the style does."),
    "debrief.tree": ("评分报告：指标、规则与证据", "Score report: indicators, rules, evidence"),
    "debrief.details": ("所选条目的详情", "Details of the selected entry"),
    "debrief.event_table": ("证据事件详情", "Evidence event details"),
    "debrief.preview": ("对局尚未结束：复盘（评分、图1、对比和真相揭晓）在对局结束后打开。",
                        "The game is not over: the debrief (scores, Figure 1, comparisons and "
                        "the reveal) opens when it ends."),
    "debrief.final": ("对局已结束：{title}", "The game is over: {title}"),
    "debrief.no_score": ("评分暂不可用：{error}", "The score is not available: {error}"),
    "debrief.export_pdf": ("导出复盘 PDF…", "Export debrief as PDF…"),
    "debrief.export_json": ("导出复盘所引日志 JSON…", "Export the debrief's log as JSON…"),
    "debrief.saved": ("已保存：{path}", "Saved: {path}"),
    "debrief.fig_task": ("任务：", "Task:"),
    "debrief.fig_task.name": ("图1所示的任务", "Task shown in Figure 1"),
    "debrief.fig_chart": ("图1：{task}", "Figure 1: {task}"),
    "debrief.style": ("另一种上级风格：", "Other superior style:"),
    "debrief.style.name": ("第二项对比中电脑上级的风格",
                           "Style of the computer superiors in the second comparison"),
    "debrief.replay": ("进行两项对比", "Run both comparisons"),
    "debrief.replaying": ("正在对比……", "Comparing…"),
    "debrief.replayed": ("对比完成（种子 {seed}）：你的席位有 {yours} 个动作，"
                         "电脑官员有 {computer} 个。",
                         "Compared (seed {seed}). Moves made in your seat — by you: {yours}; by "
                         "the computer official: {computer}."),
    "debrief.replay_failed": ("重演失败：{error}", "The replay failed: {error}"),
    "debrief.not_compared": ("尚未对比：选择另一种上级风格，然后点击“进行两项对比”（需要几秒钟）。",
                             "Not compared yet: choose the other superior style, then run both "
                             "comparisons (it takes a few seconds)."),
    "debrief.host_compares": ("主持端正在进行两项对比，完成后显示在这里。",
                              "The host is running both comparisons; they appear here when "
                              "done."),
    "debrief.compare_table": ("两局对比", "The two games compared"),
    "debrief.pdf_filter": ("PDF 文件 (*.pdf)", "PDF files (*.pdf)"),
    "debrief.json_filter": ("JSON 文件 (*.json)", "JSON files (*.json)"),
})

STYLES = ("communicative", "mixed", "pressure")


class DebriefView(QWidget):
    """The seat's debrief: the score report, Figure 1, the comparisons, the reveal, exports.

    Args:
        session: the window's seat session (`view`, `seat`, `bridge`, `compare`).
    """

    comparison_ready = Signal()

    def __init__(self, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._dirty = True
        self._asked = False  # comparisons asked of the session and not yet in the view
        self._shown_result: object = None
        self._build()
        bridge = session.bridge  # type: ignore[attr-defined]
        bridge.state_changed.connect(self._on_state_changed)
        bridge.game_replaced.connect(self._on_state_changed)
        follow_language(self, self._on_language_changed)
        self.refresh()

    @property
    def view(self) -> SeatView:
        """The seat's view now."""
        return self.session.view  # type: ignore[attr-defined,no-any-return]

    @property
    def _local(self) -> bool:
        """Whether the game runs here (the session plays the comparisons when asked)."""
        return bool(getattr(self.session, "local", True))

    @property
    def part(self) -> DebriefPart | None:
        """The seat's part of the debrief (None while the game goes on)."""
        return self.view.debrief

    @property
    def names(self) -> Directory | None:
        """The seat's directory (names of units and tasks)."""
        return self.view.directory

    @property
    def seat(self) -> str:
        """The seat the person plays."""
        return self.view.seat

    # ----- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = _Banner()
        self.banner.setWordWrap(True)
        self.pdf_button, self.json_button = QPushButton(), QPushButton()
        self.pdf_button.clicked.connect(self._on_export_pdf)
        self.json_button.clicked.connect(self._on_export_json)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.banner, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.json_button)
        self.tabs = _Tabs()
        self.tabs.addTab(self._build_report(), "")
        self.tabs.addTab(self._build_figure(), "")
        self.tabs.addTab(self._build_compare(), "")
        self.reveal = RevealPage()
        self.tabs.addTab(self.reveal, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _build_report(self) -> QWidget:
        self.tree_model = ScoreTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._on_entry_chosen)
        self.details = QTextBrowser()
        self.event_model = EventDetailModel(self)
        self.event_table = QTableView()
        self.event_table.setModel(self.event_model)
        self.event_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.event_table.verticalHeader().setVisible(False)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.details)
        self.detail_stack.addWidget(self.event_table)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail_stack)
        splitter.setSizes([620, 420])
        return splitter

    def _build_figure(self) -> QWidget:
        self.fig_tasks = FigureTaskModel(self)
        self.fig_combo = QComboBox()
        self.fig_combo.setModel(self.fig_tasks)
        fit_combo(self.fig_combo, 36)  # a whole task name: the row has room
        self.fig_combo.currentIndexChanged.connect(self._on_figure_task_chosen)
        self.fig_label, self.fig_summary = QLabel(), QLabel()
        self.fig_label.setBuddy(self.fig_combo)
        self.fig_summary.setWordWrap(True)
        self.fig_summary.setFont(chart_font(10))
        self.fig_view = new_chart_view(new_chart(""), "figure1")
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.fig_label)
        row.addWidget(self.fig_combo)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.fig_summary)  # the reading first: above the fold at 1024x640
        layout.addWidget(self.fig_view, 1)
        return page

    def _build_compare(self) -> QWidget:
        self.style_label, self.status = QLabel(), QLabel()
        self.compare_intro = QLabel()
        self.compare_intro.setWordWrap(True)
        self.status.setWordWrap(True)
        self.style_combo = fit_combo(QComboBox(), 12)
        self.style_combo.currentIndexChanged.connect(self._on_style_chosen)
        self.style_label.setBuddy(self.style_combo)
        self.replay_button = QPushButton()
        self.replay_button.clicked.connect(self._on_replay_clicked)
        self.compare = CompareModel(self)
        self.compare_table = QTableView()
        self.compare_table.setModel(self.compare)
        header = self.compare_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.compare_table.verticalHeader().setVisible(False)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.compare_intro)
        row = QHBoxLayout()
        for widget in (self.style_label, self.style_combo, self.replay_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.compare_table, 1)
        return page

    # ----- refreshing ---------------------------------------------------------------------

    def _on_state_changed(self) -> None:
        self._dirty = True
        # Hidden, only the comparisons are taken up now (whoever asked waits for them); the
        # rest redraws when shown.
        QTimer.singleShot(0, self.refresh if self.isVisible() else self._take_comparisons)

    def _take_comparisons(self) -> None:
        self._show_comparisons()
        self.status.setText(self._status_text())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Draw the seat's part of the debrief as the view now has it."""
        self._dirty = False
        view, part = self.view, self.part
        self.tree_model.set_part(view.directory, part, view.seat)
        self.tree.expandToDepth(0)
        self.tree.setCurrentIndex(self.tree_model.index(0, 0))  # the seat (or the first group)
        self.fig_tasks.reset(view.directory, list(part.figure1) if part is not None else [])
        self.fig_combo.setCurrentIndex(0 if self.fig_tasks.rowCount() else -1)
        self.pdf_button.setEnabled(part is not None)
        self.json_button.setEnabled(part is not None)
        for widget in (self.replay_button, self.style_combo):  # a host picks a remote's style
            widget.setEnabled(part is not None and self._local)
        self._show_comparisons()
        self._retranslate()

    def _show_comparisons(self) -> None:
        """Show the comparisons the view carries (or why there are none yet)."""
        part = self.part
        result = part.comparisons if part is not None else None
        failed = part.comparisons_error if part is not None else None
        if result is not None or failed is not None:
            self._asked = False
        if result is self._shown_result or (result is not None and result == self._shown_result):
            return
        self._shown_result = result
        self.compare.set_result(result)
        if result is not None:
            self.comparison_ready.emit()

    def _on_language_changed(self) -> None:
        self.tree_model.retranslate()
        self.fig_tasks.retranslate()
        self.compare.retranslate()
        self._retranslate()

    def _retranslate(self) -> None:
        for number, key in enumerate(("report", "figure", "compare")):
            self.tabs.setTabText(number, tr(f"debrief.tab.{key}"))
        self.tabs.setTabText(self.tabs.indexOf(self.reveal), tr("reveal.tab"))
        self.reveal.show_view(self.view)
        self.banner.setText(self._banner_text())
        for widget, key in ((self.pdf_button, "debrief.export_pdf"),
                            (self.json_button, "debrief.export_json"),
                            (self.replay_button, "debrief.replay")):
            widget.setText(tr(key))
            widget.setAccessibleName(tr(key))
        self.tree.setAccessibleName(tr("debrief.tree"))
        self.details.setAccessibleName(tr("debrief.details"))
        self.event_table.setAccessibleName(tr("debrief.event_table"))
        self.fig_label.setText(tr("debrief.fig_task"))
        self.fig_combo.setAccessibleName(tr("debrief.fig_task.name"))
        self.style_label.setText(tr("debrief.style"))
        self.compare_intro.setText(tr("debrief.compare_intro"))
        self.style_combo.setAccessibleName(tr("debrief.style.name"))
        self.compare_table.setAccessibleName(tr("debrief.compare_table"))
        self._fill_styles()
        self.status.setText(self._status_text())
        self._draw_figure()
        self._on_entry_chosen(self.tree.currentIndex())

    def _banner_text(self) -> str:
        part, names = self.part, self.names
        if part is None:
            return tr("debrief.preview")
        if part.error:
            return tr("debrief.no_score", error=part.error)
        return tr("debrief.final", title=text_of(names.title) if names is not None else "")

    def _status_text(self) -> str:
        part = self.part
        if part is None:
            return ""
        if part.comparisons_error is not None:
            return tr("debrief.replay_failed", error=part.comparisons_error)
        result = part.comparisons
        if result is None and not self._local:
            return tr("debrief.host_compares")
        if result is None:
            return tr("debrief.replaying") if self._asked else tr("debrief.not_compared")
        moves = result["seat_moves"]
        text = tr("debrief.replayed", seed=result.get("seed", part.seed), yours=moves["yours"],
                  computer=moves["computer"])
        if self.compare.style_changes_nothing():
            text += " " + tr("compare.same_style")
        return text

    def _fill_styles(self) -> None:
        part = self.part
        ours = part.superior_style if part is not None else None
        shown = part.comparisons.get("other_style") if part and part.comparisons else None
        current = shown or self.style_combo.currentData()
        others = [s for s in STYLES if s != ours]
        self.style_combo.blockSignals(True)
        self.style_combo.clear()
        for style in others:
            self.style_combo.addItem(tr(f"style.{style}"), style)
        wanted = current if current in others else ("pressure" if "pressure" in others
                                                   else others[0])
        self.style_combo.setCurrentIndex(self.style_combo.findData(wanted))
        self.style_combo.blockSignals(False)
        self.compare.set_styles(ours, wanted)

    def _on_style_chosen(self, row: int) -> None:
        del row
        part = self.part
        self.compare.set_styles(part.superior_style if part is not None else None,
                                self.style_combo.currentData())

    # ----- the report tree ------------------------------------------------------------------

    def _on_entry_chosen(self, current: QModelIndex, previous: QModelIndex | None = None) -> None:
        del previous
        node = self.tree_model.node(current.siblingAtColumn(0)) if current.isValid() else None
        part = self.part
        if node is not None and part is not None and current.data(NODE_ROLE) == "event":
            seq = current.siblingAtColumn(0).data(SEQ_ROLE)
            self.event_model.set_event(self.names, part.event(seq))
            self.detail_stack.setCurrentWidget(self.event_table)
            return
        html = details_html(node, part, self.names) if node is not None and part else ""
        self.details.setHtml(html)
        self.detail_stack.setCurrentWidget(self.details)

    # ----- Figure 1 ------------------------------------------------------------------------

    def figure_task(self) -> str | None:
        """The task Figure 1 shows."""
        return self.fig_tasks.task_id(self.fig_combo.currentIndex())

    def _on_figure_task_chosen(self, row: int) -> None:
        del row
        self._draw_figure()

    def _draw_figure(self) -> None:
        task, part = self.figure_task(), self.part
        figures = part.figure1.get(task) if task and part is not None else None
        chart, summary = figure_chart(self.names, task, figures)
        install_chart(self.fig_view, chart)
        self.fig_view.setAccessibleName(chart.title())
        self.fig_summary.setText(summary)

    # ----- the comparisons ------------------------------------------------------------------

    def _on_replay_clicked(self) -> None:
        self.replay(self.style_combo.currentData())

    def replay(self, style: str) -> None:
        """Ask the session for the two fair comparisons against the superior `style`
        (`game.headless.fair_comparisons`): the seat held by a computer official, and that
        official under `style`; `comparison_ready` fires when the view carries them. A remote
        table's host plays them itself (once, at game over)."""
        asked = bool(self.session.compare(style))  # type: ignore[attr-defined]
        self._asked = asked
        self.status.setText(tr("debrief.replaying") if asked else tr("debrief.host_compares"))

    # ----- exports -------------------------------------------------------------------------

    def _on_export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("debrief.export_pdf"), "debrief-report.pdf",
                                              tr("debrief.pdf_filter"))
        if path:
            self.status.setText(tr("debrief.saved", path=self.export_pdf(Path(path))))

    def _on_export_json(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("debrief.export_json"), "game-log.json",
                                              tr("debrief.json_filter"))
        if path:
            self.status.setText(tr("debrief.saved", path=self.export_json(Path(path))))

    def export_json(self, path: Path) -> Path:
        """Write the log entries the debrief links to, in the log's canonical JSON (a list of
        events as `EventLog.to_json` writes them, their hidden part included)."""
        part = self.part
        events = [e.to_dict() for e in part.events] if part is not None else []
        path.write_text(json.dumps(events, ensure_ascii=False, sort_keys=True, indent=None),
                        encoding="utf-8")
        return path

    def export_pdf(self, path: Path) -> Path:
        """Write the debrief (the seat's score, the county's report with every rule, Figure 1
        per task, the comparisons if made, the reveal) as a PDF whose text extracts as written.

        Raises:
            game.ui.debrief.debrief_pdf.PdfFontError: no Noto Sans CJK font is installed.
        """
        view, part = self.view, self.part
        images = {}
        for task, figures in (part.figure1 if part is not None else {}).items():
            chart, summary = figure_chart(view.directory, task, figures)
            chart_view = new_chart_view(chart, task)
            chart_view.resize(QSize(900, 420))
            images[task] = (chart_view.grab().toImage(), summary)
        compare = self.compare if self.compare.rowCount() else None
        html = report_html(view, {t: s for t, (_, s) in images.items()}, compare)
        title = text_of(view.directory.title) if view.directory is not None else ""
        return write_pdf(path, html, title, {t: image for t, (image, _) in images.items()})


class _Tabs(QTabWidget):
    """The debrief's tabs, telling the page around them they have no height-for-width.

    Word-wrapped texts (the banner, the pages' notes) would otherwise make the game page's
    scroll area size the whole debrief to its preferred height for the width (about 690 px),
    not its minimum (about 410 px): an outer scroll bar at 1024x640. Each page still wraps
    its own texts inside the height it gets."""

    def hasHeightForWidth(self) -> bool:
        return False


class _Banner(QLabel):
    """The debrief's banner: wraps, but asks no height-for-width of the page (see `_Tabs`)."""

    def hasHeightForWidth(self) -> bool:
        return False


def figure_chart(names: Directory | None, task: str | None,
                 figures: dict[str, Any] | None) -> tuple[Any, str]:
    """Figure 1 of one task as a chart, and the sentence that reads it."""
    if names is None or task is None or figures is None:
        return new_chart(""), ""
    bars, roles = figure_bars(names, task, figures)
    title = tr("debrief.fig_chart", task=task_name(names, task))
    return figure_one_chart(title, bars, roles, task_measure(names, task)), \
        figure_summary(figures)
