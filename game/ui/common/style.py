"""The window's look: a font list that renders Chinese, and the style sheet in assets/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

STYLE_SHEET = Path(__file__).resolve().parents[3] / "assets" / "style.qss"

#: Chinese-capable families first, so that Han characters never fall back to boxes.
FONT_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans",
    "DejaVu Sans",
]


def apply_style(app: QApplication) -> None:
    """Set the application font and style sheet."""
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    if STYLE_SHEET.is_file():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
