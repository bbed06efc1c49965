"""The projector view of the tables compared: big type, zh/en, driven from the keyboard (or a
presenter's clicker, which sends Page Down / Page Up).

Four pages: the scores side by side, Figure 1 at each table, where the tables parted (with the
events that did it) and the paper's predictions beside what happened. Keys: Page Down / Page
Up the next / previous page, Ctrl+= and Ctrl+- the type larger / smaller, Ctrl+L the other
language, Ctrl+P the PDF for the room, F11 full screen (Esc leaves it).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.ui.common import i18n
from game.ui.common.charts import install_chart, new_chart_view
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language
from game.ui.debrief.tables_figure import tables_figure_chart
from game.ui.debrief.tables_html import (
    figure_reading,
    parted_html,
    predictions_html,
    table_title,
)
from game.ui.debrief.tables_model import TablesScoreModel
from game.workshop.compare import TableComparison

register({
    "tables.window": ("各桌对比", "The tables compared"),
    "tables.tab.scores": ("评分并列(&S)", "&Scores"),
    "tables.tab.figure": ("图1(&F)", "&Figure 1"),
    "tables.tab.parted": ("分化(&W)", "&Where they parted"),
    "tables.tab.predictions": ("论文预测(&P)", "The &paper's predictions"),
    "tables.other_language": ("English", "中文"),
    "tables.other_language.tip": ("切换到英文（Ctrl+L）", "Switch to Chinese (Ctrl+L)"),
    "tables.smaller": ("A−", "A−"),
    "tables.smaller.tip": ("字号缩小（Ctrl+-）", "Smaller type (Ctrl+-)"),
    "tables.larger": ("A+", "A+"),
    "tables.larger.tip": ("字号放大（Ctrl+=）", "Larger type (Ctrl+=)"),
    "tables.pdf": ("保存 PDF(&D)…", "Save P&DF…"),
    "tables.pdf_filter": ("PDF 文件 (*.pdf)", "PDF files (*.pdf)"),
    "tables.saved": ("已保存：{path}", "Saved: {path}"),
    "tables.not_saved": ("无法保存：{error}", "Could not save: {error}"),
    "tables.task": ("任务(&T)：", "&Task:"),
    "tables.keys": ("PgDn / PgUp 翻页 · Ctrl+= / Ctrl+- 字号 · Ctrl+L 语言 · F11 全屏",
                    "PgDn / PgUp page · Ctrl+= / Ctrl+- type size · Ctrl+L language · "
                    "F11 full screen"),
})

#: The type size (points) the view opens at, and its bounds.
BASE_POINTS, MIN_POINTS, MAX_POINTS = 16.0, 10.0, 30.0
PAGES = ("scores", "figure", "parted", "predictions")


class TablesView(QWidget):
    """The tables compared, for a room.

    Args:
        comparison: what to show (`game.workshop.compare.compare_tables`).
        set_language: switches the application's language (the main window's, which also
            remembers it); default `i18n.set_language`.
    """

    def __init__(self, comparison: TableComparison, parent: QWidget | None = None, *,
                 set_language: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("TablesView")
        self.comparison = comparison
        self.points = BASE_POINTS
        self._set_language = set_language or i18n.set_language
        self._build()
        self._keys()
        follow_language(self, self.retranslate)
        self.retranslate()
        self.resize(1280, 720)

    # ----- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(objectName="TablesTitle")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)  # a small projector (1024 wide) must not widen the window
        self.language_button = QPushButton(clicked=self.toggle_language)
        self.smaller_button = QPushButton(clicked=lambda: self.set_points(self.points - 2))
        self.larger_button = QPushButton(clicked=lambda: self.set_points(self.points + 2))
        self.pdf_button = QPushButton(clicked=self._on_pdf_clicked)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.meta)
        top.addLayout(heading, 1)
        for button in (self.language_button, self.smaller_button, self.larger_button,
                       self.pdf_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.model = TablesScoreModel(self)
        self.model.set_comparison(self.comparison)
        self.scores = QTableView()
        self.scores.setModel(self.model)
        self.scores.setAlternatingRowColors(True)
        self.scores.verticalHeader().setVisible(False)
        header = self.scores.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.parted = QTextBrowser()
        self.predictions = QTextBrowser()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scores, "")
        self.tabs.addTab(self._build_figures(), "")
        self.tabs.addTab(self.parted, "")
        self.tabs.addTab(self.predictions, "")
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def _build_figures(self) -> QWidget:
        page = QWidget()
        self.task_label = QLabel()
        self.task_combo = QComboBox()
        self.task_label.setBuddy(self.task_combo)
        self.task_combo.currentIndexChanged.connect(lambda _: self._draw_figures())
        chooser = QHBoxLayout()
        chooser.addWidget(self.task_label)
        chooser.addWidget(self.task_combo, 1)
        self.chart = new_chart_view(QChart(), "Figure 1")
        self.chart.setMinimumSize(400, 220)
        self.readings = QTextBrowser()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(chooser)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.readings, 1)
        return page

    def _keys(self) -> None:
        bindings: list[tuple[list[str], Callable[[], object]]] = [
            (["PgDown"], lambda: self.turn_page(1)),
            (["PgUp"], lambda: self.turn_page(-1)),
            (["Ctrl+=", "Ctrl++"], lambda: self.set_points(self.points + 2)),
            (["Ctrl+-"], lambda: self.set_points(self.points - 2)),
            (["Ctrl+L"], self.toggle_language),
            (["Ctrl+P"], self._on_pdf_clicked),
            (["F11"], self.toggle_full_screen),
            (["Esc"], self.showNormal),
        ]
        self.shortcuts: list[QShortcut] = []
        for keys, slot in bindings:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
                self.shortcuts.append(shortcut)

    # ----- acting -----------------------------------------------------------------------

    def turn_page(self, step: int) -> None:
        """The next (1) or previous (-1) page, wrapping round."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_page(self, name: str) -> None:
        """Show one page: "scores", "figure", "parted" or "predictions"."""
        self.tabs.setCurrentIndex(PAGES.index(name))

    def set_points(self, points: float) -> None:
        """The type size in points (bounded), for the whole view and its charts."""
        self.points = max(MIN_POINTS, min(MAX_POINTS, points))
        self._apply_size()

    def toggle_language(self) -> None:
        """Chinese to English and back (the whole application follows)."""
        self._set_language("en" if language() == "zh" else "zh")

    def toggle_full_screen(self) -> None:
        """Full screen on a projector, and back."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def export_pdf(self, path: Path) -> Path:
        """The comparison as a PDF for the room, in the current language.

        Raises:
            game.ui.debrief.debrief_pdf.PdfFontError: no Noto Sans CJK font is installed.
            OSError: the file cannot be written.
        """
        from game.ui.debrief.tables_pdf import write_pdf

        return write_pdf(self.comparison, path)

    def _on_pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("tables.pdf").replace("&", ""),
                                              "tables-compared.pdf", tr("tables.pdf_filter"))
        if not path:
            return
        try:
            self.status.setText(tr("tables.saved", path=self.export_pdf(Path(path))))
        except (OSError, RuntimeError) as err:
            self.status.setText(tr("tables.not_saved", error=str(err)))

    # ----- drawing ----------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the current language."""
        comparison = self.comparison
        self.setWindowTitle(tr("tables.window"))
        self.title.setText(tr("tables.title",
                              title=comparison.title.get(language(), comparison.scenario_id)))
        self.meta.setText(tr("tables.meta", n=len(comparison.tables), seed=comparison.seed,
                             turns=comparison.turns) + "   ·   " + tr("tables.keys"))
        for index, page in enumerate(PAGES):
            self.tabs.setTabText(index, tr(f"tables.tab.{page}"))
        self.language_button.setText(tr("tables.other_language"))
        self.language_button.setToolTip(tr("tables.other_language.tip"))
        self.smaller_button.setText(tr("tables.smaller"))
        self.smaller_button.setToolTip(tr("tables.smaller.tip"))
        self.larger_button.setText(tr("tables.larger"))
        self.larger_button.setToolTip(tr("tables.larger.tip"))
        self.pdf_button.setText(tr("tables.pdf"))
        self.task_label.setText(tr("tables.task"))
        self._fill_tasks()
        self.model.retranslate()
        self.parted.setHtml(parted_html(comparison))
        self.predictions.setHtml(predictions_html(comparison))
        self._apply_size()

    def _fill_tasks(self) -> None:
        current = self.task_combo.currentData()
        tasks = list(dict.fromkeys(t for s in self.comparison.tables for t in s.figure1))
        self.task_combo.blockSignals(True)
        self.task_combo.clear()
        for task in tasks:
            self.task_combo.addItem(self.comparison.directory.task_name(task, language()), task)
        found = self.task_combo.findData(current)
        self.task_combo.setCurrentIndex(max(0, found))
        self.task_combo.blockSignals(False)
        # One task: nothing to choose (the chart's title names it).
        self.task_label.setVisible(len(tasks) > 1)
        self.task_combo.setVisible(len(tasks) > 1)

    def figure_task(self) -> str | None:
        """The task Figure 1 shows."""
        data = self.task_combo.currentData()
        return str(data) if data is not None else None

    def _draw_figures(self) -> None:
        task = self.figure_task()
        if task is None:
            install_chart(self.chart, QChart())
            self.readings.setHtml("")
            return
        install_chart(self.chart, tables_figure_chart(self.comparison, task, self.points))
        colon = "：" if language() == "zh" else ": "
        self.readings.setHtml("".join(
            f"<p><b>{escape(table_title(summary))}</b>{colon}"
            f"{escape(figure_reading(summary.figure1[task]))}</p>"
            for summary in self.comparison.tables if task in summary.figure1))

    def _apply_size(self) -> None:
        points = self.points
        self.setStyleSheet(f"#TablesView, #TablesView QWidget {{ font-size: {points:.0f}pt; }}"
                           f"#TablesView QLabel#TablesTitle {{ font-size: {points * 1.3:.0f}pt;"
                           " font-weight: bold; }")
        for browser in (self.parted, self.predictions, self.readings):
            font = browser.font()
            font.setPointSizeF(points)
            browser.document().setDefaultFont(font)
        self.meta.setStyleSheet(f"font-size: {points * 0.7:.0f}pt; color: #555;")
        self._draw_figures()


__all__ = ["BASE_POINTS", "PAGES", "TablesView"]
