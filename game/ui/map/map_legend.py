"""The map's legend: what its colours, line widths, labels and frames mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from game.ui.common.charts import chart_font, trust_colour
from game.ui.common.i18n import register, tr
from game.ui.map.map_items import PLAYER_PEN

register({
    "map.legend.name": ("图例", "Legend"),
    "map.legend.trust": ("线色：上级对下级的信任", "Line colour: the superior's trust"),
    "map.legend.low": ("低", "low"),
    "map.legend.high": ("高", "high"),
    "map.legend.width": ("线宽：下达的指标", "Line width: quota passed down"),
    "map.legend.hidden": ("虚点线：你看不到的数据", "Dotted: figures you cannot see"),
    "map.legend.flow": ("标签：下达 → 协商后 → 完成（或上报）",
                        "Label: passed → negotiated → done (or reported)"),
    "map.legend.you": ("金框：你的单位", "Gold frame: your unit"),
    "map.legend.folded": ("虚线框：已折叠，点击展开", "Dashed box: folded, click to unfold"),
})


class MapLegend(QWidget):
    """What the colours, widths and labels of the map mean; its items flow onto as many rows
    as the width needs (nothing is cut at 1024 pixels or in a longer language)."""

    ROW = 26
    GAP = 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts follow the language (the whole legend is also the accessible description)."""
        self.setAccessibleName(tr("map.legend.name"))
        self.setAccessibleDescription("; ".join(tr(f"map.legend.{k}") for k in (
            "trust", "width", "hidden", "flow", "you", "folded")))
        self.updateGeometry()
        self.update()

    def _widths_of_items(self) -> list[float]:
        metrics = QFontMetrics(chart_font(8))
        advance = metrics.horizontalAdvance
        return [advance(tr("map.legend.trust")) + 8 + advance(tr("map.legend.low")) + 4 + 94
                + advance(tr("map.legend.high")),
                84 + advance(tr("map.legend.width")),
                36 + advance(tr("map.legend.hidden")),
                advance(tr("map.legend.flow")),
                32 + advance(tr("map.legend.you")),
                32 + advance(tr("map.legend.folded"))]

    def _places(self, width: float) -> list[tuple[float, float]]:
        """(x, top) of each item, wrapping when the row is full."""
        places: list[tuple[float, float]] = []
        x, top = 8.0, 4.0
        for item in self._widths_of_items():
            if x > 8.0 and x + item > width - 8:
                x, top = 8.0, top + self.ROW
            places.append((x, top))
            x += item + self.GAP
        return places

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(self._places(float(width))[-1][1] + self.ROW + 4)

    def sizeHint(self) -> QSize:
        return QSize(900, self.heightForWidth(900))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(200, self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = self.heightForWidth(self.width())
        if self.minimumHeight() != wanted:
            self.setMinimumHeight(wanted)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(chart_font(8))
        places = self._places(float(self.width()))
        self._trust_scale(painter, *places[0])
        self._widths(painter, *places[1])
        self._sample(painter, *places[2], QPen(trust_colour(None), 1.5, Qt.PenStyle.DotLine),
                     tr("map.legend.hidden"))
        painter.setPen(QColor("#111827"))
        painter.drawText(QPointF(places[3][0], places[3][1] + 14), tr("map.legend.flow"))
        self._box(painter, *places[4], QPen(PLAYER_PEN, 3.0), tr("map.legend.you"))
        self._box(painter, *places[5], QPen(QColor("#6b7280"), 1.2, Qt.PenStyle.DashLine),
                  tr("map.legend.folded"))

    def _trust_scale(self, painter: QPainter, x: float, top: float) -> None:
        painter.setPen(QColor("#111827"))
        text = tr("map.legend.trust")
        painter.drawText(QPointF(x, top + 14), text)
        x += painter.fontMetrics().horizontalAdvance(text) + 8
        painter.drawText(QPointF(x, top + 14), tr("map.legend.low"))
        x += painter.fontMetrics().horizontalAdvance(tr("map.legend.low")) + 4
        gradient = QLinearGradient(x, 0, x + 90, 0)
        for stop in (0.0, 0.5, 1.0):
            gradient.setColorAt(stop, trust_colour(stop))
        painter.fillRect(QRectF(x, top + 4, 90, 12), QBrush(gradient))
        painter.drawText(QPointF(x + 94, top + 14), tr("map.legend.high"))

    def _widths(self, painter: QPainter, x: float, top: float) -> None:
        for width in (1.5, 3.5, 6.5):
            painter.setPen(QPen(QColor("#6b7280"), width))
            painter.drawLine(QPointF(x, top + 10), QPointF(x + 22, top + 10))
            x += 28
        painter.setPen(QColor("#111827"))
        painter.drawText(QPointF(x, top + 14), tr("map.legend.width"))

    def _sample(self, painter: QPainter, x: float, top: float, pen: QPen, text: str) -> None:
        painter.setPen(pen)
        painter.drawLine(QPointF(x, top + 10), QPointF(x + 30, top + 10))
        painter.setPen(QColor("#111827"))
        painter.drawText(QPointF(x + 36, top + 14), text)

    def _box(self, painter: QPainter, x: float, top: float, pen: QPen, text: str) -> None:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(x, top + 3, 26, 14), 3, 3)
        painter.setPen(QColor("#111827"))
        painter.drawText(QPointF(x + 32, top + 14), text)
