"""The map's drawing pieces: unit and summary nodes, flow labels, the canvas and the legend.

Text on the map keeps a readable size on the screen when the map is zoomed out (at "Fit" a
county is drawn at 50-70%): a node's title grows in scene units as far as its box holds it,
its second line goes when there is no room for it, and a flow label breaks onto two lines.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from game.engine.knowledge import Flow
from game.ui.common.charts import chart_font
from game.ui.common.i18n import register, tr
from game.ui.common.lang import number

register({
    "map.done": ("完成 {n}", "done {n}"),
    "map.rep": ("上报 {n}", "rep. {n}"),
    "map.edge.tip": ("下达 {esc} → 协商 {neg} → {last}；信任 {trust}",
                     "passed {esc} → negotiated {neg} → {last}; trust {trust}"),
})


def _last(flow: Flow) -> str:
    if flow.delivered is not None:
        return tr("map.done", n=number(flow.delivered))
    return tr("map.rep", n=number(flow.reported))


def flow_text(flow: Flow) -> str:
    """A flow label: quota passed -> negotiated -> done (or reported where the truth is hid)."""
    return f"{number(flow.escalated)} → {number(flow.negotiated)} → {_last(flow)}"


def flow_tip(flow: Flow) -> str:
    """The same flow in words, with the trust of the relation."""
    trust = "—" if flow.trust is None else f"{100 * flow.trust:.0f}%"
    return tr("map.edge.tip", esc=number(flow.escalated), neg=number(flow.negotiated),
              last=_last(flow), trust=trust)

SLOT, ROW, NODE_W, NODE_H = 180.0, 150.0, 156.0, 58.0
#: The size (points on the screen) a node's title, its second line and a flow label keep
#: while zoomed out, as far as their boxes hold them; at 100% they are drawn at least this big.
TITLE_PT, SUBTITLE_PT, LABEL_PT = 9.5, 8.0, 8.5
#: Below this zoom a node's second line (its kind) is left out: the colour tells the kind.
SUBTITLE_LOD = 0.55
#: The tallest a flow label grows (scene units), upwards from just above its node.
LABEL_H = 64.0
KIND_FILL = {"province": "#e0e7ff", "city": "#e0e7ff", "county": "#dbeafe", "bureau": "#fef3c7",
             "township": "#dcfce7", "subdistrict": "#dcfce7", "village": "#f3f4f6"}
PLAYER_PEN, SELECTED_PEN = QColor("#d97706"), QColor("#2563eb")


class NodeItem(QGraphicsItem):
    """A unit, or (with `summary`) the folded units below one."""

    def __init__(self, key: str, title: str, subtitle: str, fill: str, summary: bool) -> None:
        super().__init__()
        self.key, self.title, self.subtitle, self.summary = key, title, subtitle, summary
        self.fill, self.player, self.selected, self.folded = QColor(fill), False, False, False
        self._layouts: dict[float, tuple[QFont, str, QFont | None]] = {}
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(f"{title}\n{subtitle}")
        self.setZValue(2)

    def boundingRect(self) -> QRectF:
        return QRectF(-NODE_W / 2 - 3, -NODE_H / 2 - 3, NODE_W + 6, NODE_H + 6)

    def border(self) -> QPen:
        """Gold and thick for the player's unit, blue for the one selected, dashed when folded."""
        if self.player:
            return QPen(PLAYER_PEN, 4.0)
        if self.selected:
            return QPen(SELECTED_PEN, 3.0)
        return QPen(QColor("#6b7280"), 1.2, Qt.PenStyle.DashLine if self.summary
                    else Qt.PenStyle.SolidLine)

    def text_layout(self, lod: float) -> tuple[QFont, list[str], QFont | None]:
        """At zoom `lod`: the title's font and lines (cut short only if nothing fits), and
        the second line's font (None when it is left out)."""
        lod = max(lod, 0.05)
        largest = max(TITLE_PT, TITLE_PT / lod)
        whole = QRectF(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H).adjusted(6, 3, -6, -3)
        if lod >= SUBTITLE_LOD:
            sub_font = chart_font(min(max(SUBTITLE_PT, SUBTITLE_PT / lod), 11.0))
            band = line_step(sub_font) + 2
            font, lines = fitted_lines(self.title, whole.adjusted(0, 0, 0, -band),
                                       not self.summary, largest)
            # A long name that would be unreadable beside its second line takes the box.
            if font.pointSizeF() * lod >= 0.8 * TITLE_PT or lod >= 1.0:
                return font, lines, sub_font
        font, lines = fitted_lines(self.title, whole, not self.summary, largest)
        return font, lines, None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,  # type: ignore[override]
              widget: QWidget | None = None) -> None:
        rect = QRectF(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H)
        painter.setPen(self.border())
        painter.setBrush(QBrush(self.fill))
        painter.drawRoundedRect(rect, 8, 8)
        lod = round(option.levelOfDetailFromTransform(painter.worldTransform()), 2)
        if lod not in self._layouts:  # fitting text is dear; a pan repaints at the same zoom
            self._layouts[lod] = self.text_layout(lod)
        font, lines, sub_font = self._layouts[lod]
        band = line_step(sub_font) + 2 if sub_font is not None else 0.0
        painter.setPen(QColor("#111827"))
        draw_lines(painter, rect.adjusted(6, 3, -6, -3 - band), font, lines)
        if sub_font is None:
            return
        painter.setFont(sub_font)
        painter.setPen(QColor("#4b5563"))
        line = rect.adjusted(6, NODE_H - 2 - band, -6, -2)
        subtitle = QFontMetricsF(sub_font).elidedText(
            self.subtitle + (" ▸" if self.folded else ""), Qt.TextElideMode.ElideMiddle,
            line.width())
        painter.drawText(line, int(Qt.AlignmentFlag.AlignCenter), subtitle)


def line_step(font: QFont) -> float:
    """The distance between two lines of map text: 1.2 em (the CJK font's own line spacing,
    about 1.45 em, leaves too little room in a node's box)."""
    return 1.2 * QFontMetricsF(font).horizontalAdvance("中")


def wrapped(text: str, font: QFont, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` (at words, or anywhere in a long word
    and between Chinese characters)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return [line for line in lines if line]


def fitted_lines(text: str, rect: QRectF, bold: bool,
                 largest: float = TITLE_PT) -> tuple[QFont, list[str]]:
    """The largest font (from `largest` points down to 7.5) at which `text` fits `rect` on
    wrapped lines; failing that, the smallest font and the lines that fit, the last one cut
    short with an ellipsis."""
    sizes = [largest * 0.92 ** i for i in range(40) if largest * 0.92 ** i > 7.5] + [7.5]
    for size in sizes:
        font = chart_font(size, bold)
        lines = wrapped(text, font, rect.width())
        if len(lines) * line_step(font) <= rect.height():
            return font, lines
    room = max(1, int(rect.height() // line_step(font)))
    kept = lines[:room]
    kept[-1] = QFontMetricsF(font).elidedText(" ".join(lines[room - 1:]),
                                              Qt.TextElideMode.ElideRight, rect.width())
    return font, kept


def draw_lines(painter: QPainter, rect: QRectF, font: QFont, lines: list[str]) -> None:
    """Draw lines of text centred in `rect`, `line_step` apart."""
    painter.setFont(font)
    step = line_step(font)
    top = rect.center().y() - step * len(lines) / 2
    for i, line in enumerate(lines):
        painter.drawText(QRectF(rect.left(), top + i * step, rect.width(), step),
                         int(Qt.AlignmentFlag.AlignCenter), line)


class FlowLabel(QGraphicsItem):
    """The quota flow just above a subordinate: passed -> negotiated -> done or reported.

    Its origin is the middle of its bottom edge (place it just above the node); zoomed out it
    grows upwards onto two lines rather than shrink on the screen.
    """

    WIDTH = SLOT - 12

    def __init__(self, text: str, colour: QColor) -> None:
        super().__init__()
        self.text, self.colour = text, colour
        self._layouts: dict[float, tuple[QFont, list[str]]] = {}
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(3)

    def boundingRect(self) -> QRectF:
        return QRectF(-self.WIDTH / 2, -LABEL_H, self.WIDTH, LABEL_H)

    def text_layout(self, lod: float) -> tuple[QFont, list[str]]:
        """At zoom `lod`: the font and the lines (one, or two split before the last arrow)."""
        wanted = max(LABEL_PT, LABEL_PT / max(lod, 0.05))
        room = self.WIDTH - 8
        head, arrow, tail = self.text.rpartition(" → ")
        for size in [wanted * 0.94 ** i for i in range(40) if wanted * 0.94 ** i > 8] + [8.0]:
            metrics = QFontMetricsF(chart_font(size))
            if metrics.horizontalAdvance(self.text) <= room:
                return chart_font(size), [self.text]
            lines = [head, f"{arrow.strip()} {tail}"] if arrow else [self.text]
            fits = all(metrics.horizontalAdvance(line) <= room for line in lines)
            if fits and len(lines) * line_step(chart_font(size)) + 6 <= LABEL_H:
                return chart_font(size), lines
        return chart_font(8.0), [self.text]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,  # type: ignore[override]
              widget: QWidget | None = None) -> None:
        lod = round(option.levelOfDetailFromTransform(painter.worldTransform()), 2)
        if lod not in self._layouts:
            self._layouts[lod] = self.text_layout(lod)
        font, lines = self._layouts[lod]
        height = max(18.0, len(lines) * line_step(font) + 6)
        box = QRectF(-self.WIDTH / 2, -height, self.WIDTH, height)
        painter.setPen(QPen(self.colour, 1.0))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("#111827"))
        draw_lines(painter, box, font, lines)


class MapCanvas(QGraphicsView):
    """The map's view: wheel and +/- zoom, drag and arrow keys pan, click selects."""

    clicked = Signal(str)
    activated = Signal(str)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor("#fafafa"))
        self._press = QPointF()

    def zoom(self, factor: float) -> None:
        """Scale the view by `factor`, kept between 5% and 400%."""
        scale = self.transform().m11()
        factor = max(0.05 / scale, min(4.0 / scale, factor))
        self.scale(factor, factor)

    def pan(self, dx: int, dy: int) -> None:
        """Scroll by (dx, dy) pixels."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def wheelEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.zoom(1.15 ** (event.angleDelta().y() / 120))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, step = event.key(), 60
        moves = {Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
                 Qt.Key.Key_Up: (0, -step), Qt.Key.Key_Down: (0, step)}
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(0.8)
        elif key in moves:
            self.pan(*moves[key])  # type: ignore[index]
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit("")
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if (event.position() - self._press).manhattanLength() < 5:
            item = self._node_at(event.position())
            if item is not None:
                self.clicked.emit(item.key)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self._node_at(event.position())
        if item is not None:
            self.activated.emit(item.key)

    def _node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos.toPoint()):
            if isinstance(item, NodeItem):
                return item
        return None
