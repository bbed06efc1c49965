"""The code sheet as a PDF: eight cards to an A4 page, cut along the dashed lines.

Every card is in both languages (the room reads either), with its QR code drawn as vector
squares. The font is Noto Sans CJK cut to the sheet's characters (`DocumentFont`, as the
debrief's PDF), so the text of the PDF extracts as written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from game.ui.debrief.debrief_pdf import DocumentFont
from game.workshop.codesheet import SeatCard

COLUMNS, ROWS = 2, 4
DPI = 300
#: The join instructions printed on every card.
HOW_ZH = "打开游戏 ▸ 游戏 ▸ 加入工作坊，输入地址和加入码"
HOW_EN = "Open the game ▸ Game ▸ Join a workshop; type the address and the code"


def card_lines(card: SeatCard) -> list[tuple[str, float, bool]]:
    """The card's text lines: (text, size in points, bold)."""
    lines = [(f"第 {card.table} 桌 · Table {card.table}", 11.0, True),
             (f"{card.seat_zh} · {card.seat_en}", 10.0, True)]
    if card.label:
        lines.append((f"参与者 / Participant: {card.label}", 9.0, False))
    lines += [(card.spoken_code, 26.0, True),
              (f"地址 / Address: {card.address}", 9.0, False),
              (HOW_ZH, 7.5, False), (HOW_EN, 7.5, False)]
    return lines


def write_sheet(cards: list[SeatCard], path: Path, title: str) -> Path:
    """Write the cards to a PDF at `path` and return it.

    Raises:
        PdfFontError: no Noto Sans CJK font is installed.
        OSError: the file could not be written.
    """
    text = title + "".join(t for card in cards for t, _, _ in card_lines(card))
    with DocumentFont(text) as font:
        writer = QPdfWriter(str(path))
        writer.setResolution(DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        writer.setTitle(title)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"cannot write {path}")
        try:
            page = QRectF(writer.pageLayout().paintRectPixels(DPI))
            page.moveTo(0, 0)
            width, height = page.width() / COLUMNS, page.height() / ROWS
            for number, card in enumerate(cards):
                if number and number % (COLUMNS * ROWS) == 0:
                    writer.newPage()
                at = number % (COLUMNS * ROWS)
                box = QRectF((at % COLUMNS) * width, (at // COLUMNS) * height, width, height)
                _card(painter, box, card, font.family)
        finally:
            painter.end()
    if not path.is_file():
        raise OSError(f"cannot write {path}")
    return path


def _points(size: float) -> int:
    """A font size in points as pixels at the writer's resolution."""
    return round(size * DPI / 72)


def _card(painter: QPainter, box: QRectF, card: SeatCard, family: str) -> None:
    pen = QPen(QColor("#888888"))
    pen.setStyle(Qt.PenStyle.DashLine)
    pen.setWidthF(2)
    painter.setPen(pen)
    painter.drawRect(box)
    pad = _points(10)
    side = min(box.height() - 2 * pad, box.width() * 0.36)
    qr = QRectF(box.right() - pad - side, box.top() + pad, side, side)
    _qr(painter, qr, card.qr)
    painter.setPen(QColor("#000000"))
    y = box.top() + pad
    text_width = qr.left() - box.left() - 2 * pad
    for text, size, bold in card_lines(card):
        font = QFont(family)
        font.setPixelSize(_points(size))
        font.setBold(bold)
        painter.setFont(font)
        line = QRectF(box.left() + pad, y, text_width, _points(size) * 1.5)
        flags = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                 | Qt.TextFlag.TextWordWrap)
        used = painter.boundingRect(line, flags, text)
        painter.drawText(QRectF(line.left(), y, text_width, used.height()), flags, text)
        y += used.height() + _points(2)


def _qr(painter: QPainter, area: QRectF, modules: tuple[tuple[bool, ...], ...]) -> None:
    """The QR code's dark modules as squares filling `area` (with a quiet zone of 2)."""
    count = len(modules) + 4
    cell = area.width() / count
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#000000"))
    for row, line in enumerate(modules):
        for column, dark in enumerate(line):
            if dark:
                painter.drawRect(QRectF(area.left() + (column + 2) * cell,
                                        area.top() + (row + 2) * cell, cell * 1.02, cell * 1.02))
    painter.setBrush(Qt.BrushStyle.NoBrush)
