"""The YAML beside the forms: the author's own text, line numbers, problems underlined.

Typing here is an edit like any other: after a short pause the whole text goes to the
document (kept even when it does not parse). Text from the document is patched in (only the
changed middle is replaced) so the cursor and the scroll position stay where they were.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from game.scenario.loader import Problem
from game.ui.editor.field_editors import guard

#: Pause after the last keystroke before the YAML view's text becomes an edit (ms).
TYPING_PAUSE_MS = 60


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, end


class LineNumbers(QWidget):
    """The gutter with line numbers."""

    def __init__(self, view: YamlView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.view.gutter_width(), 0)

    def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        self.view.paint_gutter(self, event)


class YamlView(QPlainTextEdit):
    """The scenario's YAML text.

    Signals:
        text_committed(str): the author typed and paused; the whole new text.
    """

    text_committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Noto Sans CJK SC"])
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setUndoRedoEnabled(False)  # undo is the editor's, for every kind of edit
        self.setTabChangesFocus(True)
        guard(self)
        self._patching = False
        self._problems: list[Problem] = []
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._on_pause_timeout)
        self.textChanged.connect(self._on_text_changed)
        self.gutter = LineNumbers(self)
        self.blockCountChanged.connect(self._on_block_count_changed)
        self.updateRequest.connect(self._on_update_request)
        self._on_block_count_changed()

    # ----- text in and out -------------------------------------------------------------------

    def show_text(self, text: str) -> None:
        """Show the document's text, replacing only what differs."""
        old = self.toPlainText()
        if old == text:
            return
        start, end = _common_ends(old, text)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(len(old) - end, QTextCursor.MoveMode.KeepAnchor)
        self._patching = True
        try:
            cursor.insertText(text[start: len(text) - end])
        finally:
            self._patching = False
        self._pause.stop()

    def pending(self) -> bool:
        """Whether typed text is waiting to become an edit."""
        return self._pause.isActive()

    def flush(self) -> None:
        """Commit typed text now (before saving or closing)."""
        if self._pause.isActive():
            self._pause.stop()
            self._on_pause_timeout()

    def _on_text_changed(self) -> None:
        if not self._patching:
            self._pause.start()

    def _on_pause_timeout(self) -> None:
        self.text_committed.emit(self.toPlainText())

    def go_to(self, line: int, col: int = 1) -> None:
        """Put the cursor at (line, col), from 1, and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=max(0, min(col - 1,
                                                                         block.length() - 1)))
        self.setTextCursor(cursor)
        self.centerCursor()

    def cursor_line_col(self) -> tuple[int, int]:
        """The cursor's line and column, from 1."""
        cursor = self.textCursor()
        return cursor.blockNumber() + 1, cursor.positionInBlock() + 1

    # ----- problems --------------------------------------------------------------------------

    def set_problems(self, problems: list[Problem]) -> None:
        """Underline the lines that have problems (errors red, warnings amber)."""
        self._problems = problems
        selections = []
        for problem in problems:
            selection = QTextEdit.ExtraSelection()
            colour = QColor("#c62828" if problem.severity == "error" else "#e69500")
            selection.format.setUnderlineStyle(selection.format.UnderlineStyle.WaveUnderline)
            selection.format.setUnderlineColor(colour)
            selection.format.setBackground(QColor(colour.red(), colour.green(), colour.blue(), 28))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            block = self.document().findBlockByNumber(max(0, problem.line - 1))
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.setExtraSelections(selections)

    # ----- gutter ------------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _on_block_count_changed(self, *_: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)  # type: ignore[arg-type]
        rect = self.contentsRect()
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def paint_gutter(self, gutter: QWidget, event: object) -> None:
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), QColor("#f2f2f2"))  # type: ignore[attr-defined]
        bad = {p.line for p in self._problems}
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():  # type: ignore[attr-defined]
            number = block.blockNumber() + 1
            painter.setPen(QColor("#c62828") if number in bad else QColor("#888888"))
            painter.drawText(0, round(top), gutter.width() - 6, height,
                             Qt.AlignmentFlag.AlignRight, str(number))
            top += self.blockBoundingRect(block).height()
            block = block.next()
        painter.end()
