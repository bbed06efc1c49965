"""Shared chart helpers on QtCharts: fonts that carry Chinese, series from a table model,
the Figure 1 chart of markup against bargaining, and chart pictures for the PDF."""

from __future__ import annotations

import math
from collections.abc import Sequence

import shiboken6
from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from game.ui.play.dashboard_model import SeriesTableModel

FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans", "DejaVu Sans"]
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#7f7f7f", "#bcbd22")
ROLE_COLOURS = {"original": "#6b7280", "escalated": "#dc2626", "negotiated": "#2563eb",
                "delivered": "#16a34a", "reported": "#9333ea"}


def chart_font(size: float = 9.0, bold: bool = False) -> QFont:
    """A font with Chinese glyphs (Noto CJK), so that no label turns into boxes."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def trust_colour(trust: float | None) -> QColor:
    """Red for no trust through amber to green for full trust; grey when not known."""
    if trust is None:
        return QColor("#9ca3af")
    hue = max(0.0, min(1.0, trust)) * 0.33
    return QColor.fromHsvF(hue, 0.85, 0.80)


def new_chart(title: str) -> QChart:
    """An empty chart in the house style: no animation, legend below, readable fonts."""
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(chart_font(11, bold=True))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(chart_font(7.5))
    chart.legend().setShowToolTips(True)  # a name the legend has to shorten shows whole on hover
    return chart


def new_chart_view(chart: QChart, name: str) -> QChartView:
    """A chart view with an accessible name and a size that keeps its labels whole."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumSize(QSize(340, 240))
    return view


def install_chart(view: QChartView, chart: QChart) -> None:
    """Show a freshly drawn chart and delete the old one (QtCharts leaves the items of removed
    axes in the scene, so charts are rebuilt whole rather than emptied)."""
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        shiboken6.delete(old)


def _value_axis(title: str, top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setTitleFont(chart_font(8))
    axis.setLabelsFont(chart_font(8))
    step = nice_step(top / 5)
    ticks = max(1, int(-(-top // step)))
    axis.setRange(0.0, step * ticks)
    axis.setTickCount(ticks + 1)
    axis.setLabelFormat("%.0f" if step >= 1 else "%.1f")
    return axis


def nice_step(value: float) -> float:
    """A round step at or above `value`: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for factor in (1, 2, 5, 10):
        if value <= factor * power * (1 + 1e-9):
            return factor * power
    return 10 * power


def series_chart(title: str, model: SeriesTableModel, left_title: str,
                 right_title: str = "", bottom_title: str = "") -> QChart:
    """A table's series as a chart: lines (solid or dashed) and stacked bars, turns below."""
    chart = new_chart(title)
    columns, turns = model.columns(), model.turns()
    if not turns:
        return chart
    x_axis = QBarCategoryAxis()
    x_axis.append([str(t) for t in turns])
    x_axis.setLabelsFont(chart_font(8))
    x_axis.setTitleText(bottom_title)
    x_axis.setTitleFont(chart_font(8))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    left = [i for i, c in enumerate(columns) if c.style != "right"]
    right = [i for i, c in enumerate(columns) if c.style == "right"]
    left_axis = _value_axis(left_title, _column_top(model, left, stacked=True))
    chart.addAxis(left_axis, Qt.AlignmentFlag.AlignLeft)
    _add_bars(chart, model, x_axis, left_axis)
    lines = [i for i in left if columns[i].style in ("line", "dashed")]
    for number, i in enumerate(lines):
        colour = columns[i].colour
        shade = number if colour is None else colour
        _add_line(chart, model, i, PALETTE[shade % len(PALETTE)], x_axis, left_axis)
    if right:
        right_axis = _value_axis(right_title, _column_top(model, right, stacked=False))
        chart.addAxis(right_axis, Qt.AlignmentFlag.AlignRight)
        for i in right:
            _add_line(chart, model, i, "#111827", x_axis, right_axis)
    shown = [m for m in chart.legend().markers() if m.isVisible()]
    # Past a handful of names the legend is cut to dots: the table below names every series.
    chart.legend().setVisible(len(shown) <= 8)
    return chart


def _column_top(model: SeriesTableModel, columns: list[int], stacked: bool) -> float:
    bars = [i for i in columns if model.columns()[i].style == "bar"] if stacked else []
    top = 0.0
    for row in range(model.rowCount()):
        values = [model.value(row, i) or 0.0 for i in columns]
        top = max(top, *values, sum(model.value(row, i) or 0.0 for i in bars))
    return top * 1.05


def _attach(chart: QChart, series: object, axes: Sequence[QAbstractAxis]) -> None:
    chart.addSeries(series)  # type: ignore[arg-type]
    for axis in axes:
        series.attachAxis(axis)  # type: ignore[attr-defined]


def _add_line(chart: QChart, model: SeriesTableModel, column: int, colour: str,
              x_axis: QAbstractAxis, y_axis: QAbstractAxis) -> None:
    spec = model.columns()[column]
    series = QLineSeries()
    series.setName(spec.label())
    pen = QPen(QColor(colour), 2.0)
    if spec.style == "dashed":
        pen.setStyle(Qt.PenStyle.DashLine)
    series.setPen(pen)
    series.setPointsVisible(True)
    for row in range(model.rowCount()):
        value = model.value(row, column)
        if value is not None:
            series.append(QPointF(row, value))
    _attach(chart, series, (x_axis, y_axis))
    if not spec.in_legend:
        for marker in chart.legend().markers(series):
            marker.setVisible(False)


def _add_bars(chart: QChart, model: SeriesTableModel, x_axis: QAbstractAxis,
              y_axis: QAbstractAxis) -> None:
    bars = [i for i, c in enumerate(model.columns()) if c.style == "bar"]
    if not bars:
        return
    series = QStackedBarSeries()
    for number, column in enumerate(bars):
        spec = model.columns()[column]
        bar_set = QBarSet(spec.label())
        shade = spec.colour if spec.colour is not None else number
        bar_set.setColor(QColor(PALETTE[shade % len(PALETTE)]).lighter(115))
        bar_set.append([model.value(row, column) or 0.0 for row in range(model.rowCount())])
        series.append(bar_set)
    _attach(chart, series, (x_axis, y_axis))


# ----- Figure 1 -------------------------------------------------------------------------------


def figure_one_chart(title: str, bars: list[tuple[str, float, str]],
                     role_names: dict[str, str], value_title: str) -> QChart:
    """Figure 1: one bar per (label, value, role), coloured by role, and a dashed line at the
    original target, so that the markup above it and the bargaining below show at once."""
    chart = new_chart(title)
    if not bars:
        return chart
    x_axis = QBarCategoryAxis()
    x_axis.append([f"<center>{label}<br><b>{value:,.0f}</b></center>"
                   for label, value, _ in bars])
    x_axis.setLabelsFont(chart_font(8))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    y_axis = _value_axis(value_title, max(v for _, v, _ in bars) * 1.08)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series = QStackedBarSeries()
    series.setBarWidth(0.6)
    for role, colour in ROLE_COLOURS.items():
        if any(r == role for _, _, r in bars):
            bar_set = QBarSet(role_names[role])
            bar_set.setColor(QColor(colour))
            bar_set.append([v if r == role else 0.0 for _, v, r in bars])
            series.append(bar_set)
    _attach(chart, series, (x_axis, y_axis))
    original = next((v for _, v, r in bars if r == "original"), None)
    if original is not None:
        line = QLineSeries()
        line.setName(role_names["original_line"])
        line.setPen(QPen(QColor(ROLE_COLOURS["original"]), 1.5, Qt.PenStyle.DashLine))
        line.append([QPointF(-0.5, original), QPointF(len(bars) - 0.5, original)])
        _attach(chart, line, (x_axis, y_axis))
    return chart


def bar_values(chart: QChart) -> dict[str, list[float]]:
    """Each bar set's values by its name (what a test reads back from a drawn chart)."""
    values: dict[str, list[float]] = {}
    for series in chart.series():
        if isinstance(series, QStackedBarSeries):
            for bar_set in series.barSets():
                values[bar_set.label()] = [bar_set.at(i) for i in range(bar_set.count())]
    return values


def chart_image(chart_view: QChartView, size: QSize) -> QImage:
    """A picture of a chart at a given size (for the PDF)."""
    chart_view.resize(size)
    return chart_view.grab().toImage()
