"""Figure 1 at every table in one chart: for each bar of the figure (the original target, the
quota at each level, negotiated, delivered, reported) one bar per table, so the room sees at a
glance where the tables' markups and bargains differed."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen

from game.ui.common.charts import PALETTE, ROLE_COLOURS, chart_font, new_chart, nice_step
from game.ui.common.i18n import language, register, tr
from game.ui.debrief.tables_html import figure_bars, table_title
from game.workshop.compare import TableComparison

register({
    "tables.figure.chart": ("图1：{task}（各桌并列）", "Figure 1: {task} (the tables side by "
                            "side)"),
})


def _value_axis(top: float) -> QValueAxis:
    """A value axis from 0 with round ticks (1, 2 or 5 times a power of ten)."""
    step = nice_step(top / 5)
    ticks = max(1, int(-(-top // step)))
    axis = QValueAxis()
    axis.setRange(0.0, step * ticks)
    axis.setTickCount(ticks + 1)
    axis.setLabelFormat("%.0f" if step >= 1 else "%.1f")
    return axis


def _rounded(value: float) -> float:
    return round(value) if abs(value) >= 100 else round(value, 1)


def tables_figure_chart(comparison: TableComparison, task: str, points: float = 12.0) -> QChart:
    """One chart of Figure 1 for `task`: categories are the figure's bars, one bar set per
    table (in the palette's colours, named by table and style); a dashed line at the original
    target. Fonts in proportion to `points`."""
    name = comparison.directory.task_name(task, language())
    chart = new_chart(tr("tables.figure.chart", task=name))
    chart.setTitleFont(chart_font(points * 0.85, bold=True))
    chart.legend().setFont(chart_font(points * 0.7))
    labels: list[str] = []
    values: dict[int, dict[str, float]] = {}
    for summary in comparison.tables:
        figures = summary.figure1.get(task)
        if figures is None:
            continue
        bars, _ = figure_bars(comparison.directory, task, figures)
        values[summary.number] = {label: value for label, value, _ in bars}
        labels += [label for label, _, _ in bars if label not in labels]
    if not labels:
        return chart
    series = QBarSeries()
    for place, summary in enumerate(comparison.tables):
        if summary.number not in values:
            continue
        bar_set = QBarSet(table_title(summary))
        bar_set.setColor(QColor(PALETTE[place % len(PALETTE)]))
        bar_set.setLabelColor(QColor("#111827"))
        bar_set.setLabelFont(chart_font(points * 0.5))
        bar_set.append([_rounded(values[summary.number].get(label, 0.0)) for label in labels])
        series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(labels)
    x_axis.setLabelsFont(chart_font(points * 0.65))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x_axis)
    y_axis = _value_axis(max(v for table in values.values() for v in table.values()) * 1.12)
    y_axis.setTitleText(comparison.directory.task_measure(task, language()))
    y_axis.setLabelsFont(chart_font(points * 0.6))
    y_axis.setTitleFont(chart_font(points * 0.6))
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y_axis)
    original = next(iter(values.values())).get(tr("fig1.original"))
    if original is not None:
        line = QLineSeries()
        line.setName(tr("fig1.role.original_line"))
        line.setPen(QPen(QColor(ROLE_COLOURS["original"]), 2, Qt.PenStyle.DashLine))
        line.append([QPointF(-0.5, original), QPointF(len(labels) - 0.5, original)])
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
    return chart


__all__ = ["tables_figure_chart"]
