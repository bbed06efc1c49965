"""The debrief: the score report with its evidence, Figure 1, a replay under another superior
style side by side, and exports (PDF of the debrief, JSON of the log)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QShowEvent, QTextDocument
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

from game.engine.game import Game
from game.engine.outcome import outcome
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
from game.ui.common.task_model import TaskListModel
from game.ui.debrief.compare_model import CompareModel, ReplayJob
from game.ui.debrief.debrief_html import details_html, figure_bars, figure_summary, report_html
from game.ui.debrief.debrief_model import NODE_ROLE, SEQ_ROLE, EventDetailModel, ScoreTreeModel
from game.ui.debrief.debrief_pdf import DocumentFont
from game.ui.debrief.debrief_reveal import RevealPage

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
    "debrief.preview": ("预览：对局尚未结束，数字还会变化；隐藏的真相在结束后才显示。",
                        "Preview: the game is not over, figures will change; hidden truths show "
                        "once it ends."),
    "debrief.final": ("对局已结束：{title}", "The game is over: {title}"),
    "debrief.no_score": ("评分暂不可用：{error}", "The score is not available: {error}"),
    "debrief.export_pdf": ("导出复盘 PDF…", "Export debrief as PDF…"),
    "debrief.export_json": ("导出对局日志 JSON…", "Export game log as JSON…"),
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
    "debrief.compare_table": ("两局对比", "The two games compared"),
    "debrief.pdf_filter": ("PDF 文件 (*.pdf)", "PDF files (*.pdf)"),
    "debrief.json_filter": ("JSON 文件 (*.json)", "JSON files (*.json)"),
})

STYLES = ("communicative", "mixed", "pressure")
Scorer = Callable[[Game], dict[str, Any]]


def default_scorer(game: Game) -> dict[str, Any]:
    """The rule engine's score report (game.scoring.report.score_game)."""
    from game.scoring.report import score_game

    return score_game(game)


class DebriefView(QWidget):
    """The whole score report, Figure 1, a comparison and the exports.

    Args:
        session: the window's session (`game`, `seat`, `bridge`).
        scorer: makes the score report of a game (the rule engine's by default).
    """

    comparison_ready = Signal()

    def __init__(self, session: object, parent: QWidget | None = None, *,
                 scorer: Scorer | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scorer = scorer or default_scorer
        self.report: dict[str, Any] = {}
        self.error = ""
        self._dirty = True
        self._job = ReplayJob(self)
        self._job.finished.connect(self._on_replay_finished)
        self._job.failed.connect(self._on_replay_failed)
        self._build()
        bridge = session.bridge  # type: ignore[attr-defined]
        bridge.state_changed.connect(self._on_state_changed)
        bridge.game_replaced.connect(self._on_state_changed)
        follow_language(self, self._on_language_changed)
        self.refresh()

    @property
    def game(self) -> Game:
        """The session's current game."""
        return self.session.game  # type: ignore[attr-defined,no-any-return]

    # ----- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.pdf_button, self.json_button = QPushButton(), QPushButton()
        self.pdf_button.clicked.connect(self._on_export_pdf)
        self.json_button.clicked.connect(self._on_export_json)
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.json_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_report(), "")
        self.tabs.addTab(self._build_figure(), "")
        self.tabs.addTab(self._build_compare(), "")
        self.reveal = RevealPage()
        self.tabs.addTab(self.reveal, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _build_report(self) -> QWidget:
        self.tree_model = ScoreTreeModel(self.game, self)
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
        self.fig_tasks = TaskListModel(self.game, parent=self)
        self.fig_combo = QComboBox()
        self.fig_combo.setModel(self.fig_tasks)
        fit_combo(self.fig_combo)
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
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Score the game again and show the new report."""
        self._dirty = False
        try:
            self.report, self.error = self.scorer(self.game), ""
        except Exception as err:  # noqa: BLE001 - a scoring failure must not close the window
            self.error = f"{type(err).__name__}: {err}"
            self.report = {"schema": 1, "indicators": {}, "figure1": outcome(self.game)["tasks"]}
        self.tree_model.set_report(self.game, self.report, self.seat)
        self.tree.expandToDepth(0)
        self.tree.setCurrentIndex(self.tree_model.index(0, 0))  # the seat (or the first group)
        self.fig_tasks.reset(self.game, list(self.report.get("figure1", {})))
        self.fig_combo.setCurrentIndex(0 if self.fig_tasks.rowCount() else -1)
        self._retranslate()

    def _on_language_changed(self) -> None:
        self.tree_model.retranslate()
        self.fig_tasks.retranslate()
        self.compare.retranslate()
        self._retranslate()

    def _retranslate(self) -> None:
        for number, key in enumerate(("report", "figure", "compare")):
            self.tabs.setTabText(number, tr(f"debrief.tab.{key}"))
        self.tabs.setTabText(self.tabs.indexOf(self.reveal), tr("reveal.tab"))
        self.reveal.show_game(self.game, self.session.seat)  # type: ignore[attr-defined]
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
        self._draw_figure()
        self._on_entry_chosen(self.tree.currentIndex())

    def _banner_text(self) -> str:
        if self.error:
            return tr("debrief.no_score", error=self.error)
        if not self.game.over:
            return tr("debrief.preview")
        return tr("debrief.final", title=text_of(self.game.scenario.title))

    def _fill_styles(self) -> None:
        current = self.style_combo.currentData()
        others = [s for s in STYLES if s != self.game.superior_style]
        self.style_combo.clear()
        for style in others:
            self.style_combo.addItem(tr(f"style.{style}"), style)
        wanted = current if current in others else ("pressure" if "pressure" in others
                                                   else others[0])
        self.style_combo.setCurrentIndex(self.style_combo.findData(wanted))

    # ----- the report tree ------------------------------------------------------------------

    def _on_entry_chosen(self, current: QModelIndex, previous: QModelIndex | None = None) -> None:
        del previous
        node = self.tree_model.node(current.siblingAtColumn(0)) if current.isValid() else None
        if node is not None and current.data(NODE_ROLE) == "event":
            seq = current.siblingAtColumn(0).data(SEQ_ROLE)
            event = self.game.log[seq] if 0 <= seq < len(self.game.log) else None
            self.event_model.set_event(self.game, event)
            self.detail_stack.setCurrentWidget(self.event_table)
            return
        self.details.setHtml(details_html(node, self.report) if node is not None else "")
        self.detail_stack.setCurrentWidget(self.details)

    # ----- Figure 1 ------------------------------------------------------------------------

    def figure_task(self) -> str | None:
        """The task Figure 1 shows."""
        return self.fig_tasks.task_id(self.fig_combo.currentIndex())

    def _on_figure_task_chosen(self, row: int) -> None:
        del row
        self._draw_figure()

    def _draw_figure(self) -> None:
        task = self.figure_task()
        figures = self.report.get("figure1", {}).get(task) if task else None
        chart, summary = figure_chart(self.game, task, figures)
        install_chart(self.fig_view, chart)
        self.fig_view.setAccessibleName(chart.title())
        self.fig_summary.setText(summary)

    # ----- replay and comparison ------------------------------------------------------------

    def _on_replay_clicked(self) -> None:
        self.replay(self.style_combo.currentData())

    @property
    def seat(self) -> str:
        """The seat the person plays."""
        return self.session.seat  # type: ignore[attr-defined,no-any-return]

    def replay(self, style: str) -> None:
        """Run the two fair comparisons in the background (`game.headless.fair_comparisons`):
        the seat held by a computer official, and that official under `style`;
        `comparison_ready` fires when the three games stand side by side."""
        self.replay_button.setEnabled(False)
        self.status.setText(tr("debrief.replaying"))
        self._job.start(self.game, self.seat, style)

    def _on_replay_finished(self, result: dict[str, Any]) -> None:
        self.compare.set_result(result)
        self.replay_button.setEnabled(True)
        moves = result["seat_moves"]
        text = tr("debrief.replayed", seed=self.game.seed, yours=moves["yours"],
                  computer=moves["computer"])
        if self.compare.style_changes_nothing():
            text += " " + tr("compare.same_style")
        self.status.setText(text)
        self.comparison_ready.emit()

    def _on_replay_failed(self, error: str) -> None:
        self.replay_button.setEnabled(True)
        self.status.setText(tr("debrief.replay_failed", error=error))

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
        """Write the game's whole log as its canonical JSON."""
        path.write_text(self.game.log.to_json(), encoding="utf-8")
        return path

    def export_pdf(self, path: Path) -> Path:
        """Write the debrief (the seat's score, the county's report with every rule, Figure 1
        per task, the comparisons if made) as a PDF whose text extracts as written.

        Raises:
            game.ui.debrief.debrief_pdf.PdfFontError: no Noto Sans CJK font is installed.
        """
        images = {}
        for task, figures in self.report.get("figure1", {}).items():
            chart, summary = figure_chart(self.game, task, figures)
            view = new_chart_view(chart, task)
            view.resize(QSize(900, 420))
            images[task] = (view.grab().toImage(), summary)
        compare = self.compare if self.compare.rowCount() else None
        html = report_html(self.game, self.seat, self.report,
                           {t: s for t, (_, s) in images.items()}, compare)
        title = text_of(self.game.scenario.title)
        reading = QTextDocument()
        reading.setHtml(html)
        # A font cut to exactly this document's characters: its text extracts as written
        # (see game.ui.debrief.debrief_pdf for why Noto CJK itself does not).
        with DocumentFont(reading.toPlainText() + title) as font:
            document = QTextDocument()
            document.setDefaultFont(QFont(font.family, 9))
            for task, (image, _) in images.items():
                document.addResource(QTextDocument.ResourceType.ImageResource,
                                     QUrl(f"figure1://{task}"), image)
            document.setHtml(html)
            writer = QPdfWriter(str(path))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setTitle(title)
            document.print_(writer)
        return path


def figure_chart(game: Game, task: str | None, figures: dict[str, Any] | None) -> tuple[Any, str]:
    """Figure 1 of one task as a chart, and the sentence that reads it."""
    if task is None or figures is None:
        return new_chart(""), ""
    bars, roles = figure_bars(game, task, figures)
    title = tr("debrief.fig_chart", task=text_of(game.task_by_id[task].name))
    measure = text_of(game.task_by_id[task].unit_label)
    return figure_one_chart(title, bars, roles, measure), figure_summary(figures)
