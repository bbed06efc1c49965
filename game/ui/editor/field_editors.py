"""One editor widget per kind of schema field: text pairs, choices, numbers, switches, windows.

Each editor shows a plain value (`show_value`) and emits `edited(value)` when the author
changes it (None removes the key). Editors hold no rules: what a value means is the
validator's business, so a wrong value is kept and reported, never refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.i18n import tr
from game.ui.common.numbers import LocaleDoubleSpinBox, LocaleSpinBox
from game.ui.editor.schema_fields import UNBOUNDED, FieldSpec
from game.ui.editor.schema_text import choice_label

Choices = Callable[[], list[tuple[str, str]]]


class UndoKeysToWindow(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the editor's undo stack instead of a field's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride:
            keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(event.matches(key) for key in keys):  # type: ignore[attr-defined]
                return True
        return False


UNDO_KEYS = UndoKeysToWindow()


def guard(*widgets: QWidget) -> None:
    """Route the undo keys of these widgets to the window."""
    for widget in widgets:
        widget.installEventFilter(UNDO_KEYS)


class FieldEditor(QWidget):
    """Base of the field editors."""

    edited = Signal(object)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._loading = False

    def show_value(self, value: Any) -> None:
        """Show `value` without emitting `edited`."""
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _emit(self, value: Any) -> None:
        if not self._loading:
            self.edited.emit(value)

    def focus_target(self) -> QWidget:
        """The widget that takes the keyboard focus (a label's buddy)."""
        return self

    def name_parts(self, name: str, help_text: str) -> None:
        """Give the inner widgets accessible names and help."""
        target = self.focus_target()
        target.setAccessibleName(name)
        target.setAccessibleDescription(help_text)
        target.setToolTip(help_text)


def narrow_combo(combo: QComboBox) -> QComboBox:
    """A combo box that does not widen its form to its longest item (the popup still does)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def _set_line(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    current = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
    if current != text:
        if isinstance(edit, QLineEdit):
            edit.setText(text)
        else:
            edit.setPlainText(text)


class StringEditor(FieldEditor):
    """A one-line string (ids, author, version, region).

    Signals:
        committed(str, str): the author finished a change (Enter or leaving the field): the
            value before the change and after it.
    """

    committed = Signal(str, str)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit(self)
        self._shown = ""
        self._before: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        guard(self.line)
        self.line.textEdited.connect(self._on_text_edited)
        self.line.editingFinished.connect(self._on_editing_finished)

    def _show(self, value: Any) -> None:
        self._shown = "" if value is None else str(value)
        _set_line(self.line, self._shown)

    def _on_text_edited(self, text: str) -> None:
        if self._before is None:
            self._before = self._shown
        self._emit(None if self.spec.optional and not text else text)

    def _on_editing_finished(self) -> None:
        before, self._before = self._before, None
        if before is not None and before != self.line.text():
            self.committed.emit(before, self.line.text())

    def focus_target(self) -> QWidget:
        return self.line


class TextEditor(FieldEditor):
    """A text in both languages: 简体中文 above, English below."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        paragraph = spec.kind == "paragraph"
        self.zh, self.en = (self._input(paragraph) for _ in range(2))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels = [QLabel(self), QLabel(self)]
        for row, (label, edit) in enumerate(zip(self.labels, (self.zh, self.en), strict=True)):
            label.setBuddy(edit)
            layout.addWidget(label, row, 0)
            layout.addWidget(edit, row, 1)
        layout.setColumnStretch(1, 1)
        self.retranslate()

    def _input(self, paragraph: bool) -> QLineEdit | QPlainTextEdit:
        edit: QLineEdit | QPlainTextEdit
        if paragraph:
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            edit.textChanged.connect(self._on_changed)
        else:
            edit = QLineEdit(self)
            edit.textEdited.connect(self._on_changed)
        guard(edit)
        return edit

    def retranslate(self) -> None:
        """Label the two languages in the window's language."""
        self.labels[0].setText(tr("editor.lang_zh"))
        self.labels[1].setText(tr("editor.lang_en"))

    def _text(self, edit: QLineEdit | QPlainTextEdit) -> str:
        return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        _set_line(self.zh, str(value.get("zh") or ""))
        _set_line(self.en, str(value.get("en") or ""))

    def _on_changed(self, *_: object) -> None:
        zh, en = self._text(self.zh), self._text(self.en)
        self._emit(None if self.spec.optional and not (zh or en) else {"zh": zh, "en": en})

    def focus_target(self) -> QWidget:
        return self.zh

    def name_parts(self, name: str, help_text: str) -> None:
        for edit, lang in ((self.zh, tr("editor.lang_zh")), (self.en, tr("editor.lang_en"))):
            edit.setAccessibleName(f"{name} · {lang}")
            edit.setAccessibleDescription(help_text)
            edit.setToolTip(help_text)


class ChoiceEditor(FieldEditor):
    """A choice among fixed values (an enum) or among ids (a reference)."""

    def __init__(self, spec: FieldSpec, choices: Choices | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = narrow_combo(QComboBox(self))
        self._choices = choices or (lambda: [(v, choice_label(v)) for v in spec.choices])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._on_activated)

    def _show(self, value: Any) -> None:
        self.combo.clear()
        if self.spec.optional:
            self.combo.addItem("—", None)
        for ident, label in self._choices():
            self.combo.addItem(label, ident)
        key = None if value is None else str(value)
        found = self.combo.findData(key) if key is not None else (0 if self.spec.optional else -1)
        if found < 0 and key is not None:
            self.combo.addItem(tr("editor.unknown_choice", value=key), key)
            found = self.combo.count() - 1
        self.combo.setCurrentIndex(found)

    def _on_activated(self, index: int) -> None:
        value = self.combo.itemData(index)
        if value is not None and self.spec.integer:
            value = int(value)
        self._emit(value)

    def focus_target(self) -> QWidget:
        return self.combo


class NumberEditor(FieldEditor):
    """A number within the schema's minimum and maximum; '—' for an empty optional one.

    Typed numbers are read in the UI language's locale; an ambiguous text is refused, with
    the reason beside the field (see numbers.py).
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.spin: LocaleSpinBox | LocaleDoubleSpinBox = (
            LocaleSpinBox(self) if spec.integer else LocaleDoubleSpinBox(self))
        low = spec.minimum if spec.minimum is not None else -UNBOUNDED
        high = spec.maximum if spec.maximum is not None else UNBOUNDED
        if isinstance(self.spin, LocaleDoubleSpinBox):
            self.spin.setDecimals(3 if high <= 2 else 2)
            self.spin.setSingleStep(0.05 if high <= 2 else 1.0)
        if spec.optional:
            low -= 1
            self.spin.setSpecialValueText("—")
        if isinstance(self.spin, QSpinBox):
            self.spin.setRange(int(max(low, -(2**31))), int(min(high, 2**31 - 1)))
        else:
            self.spin.setRange(low, high)
        self.spin.setKeyboardTracking(False)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.spin.setMinimumWidth(120)
        self.note = QLabel(self)
        self.note.setObjectName("FieldRefusal")
        self.note.setStyleSheet("color: #a33a2a;")
        self.note.setWordWrap(True)
        self.note.hide()
        row = QHBoxLayout()
        row.addWidget(self.spin)
        row.addStretch(1)
        layout = QVBoxLayout(self)  # the reason for a refused number under the field
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.note)
        guard(self.spin)
        self.spin.valueChanged.connect(self._on_value_changed)
        self.spin.refused.connect(self._on_refused)

    def retranslate(self) -> None:
        """Numbers in the UI language's locale."""
        self.spin.follow_language()
        self.note.hide()

    def _on_refused(self, why: str) -> None:
        self.note.setText(why)
        self.note.show()
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(why, 8000)

    def _show(self, value: Any) -> None:
        if value is None:
            value = self.spec.default if not self.spec.optional else None
        if not isinstance(value, int | float) or isinstance(value, bool):
            value = self.spin.minimum()
        self.spin.setValue(value)

    def _on_value_changed(self, value: float) -> None:
        self.note.hide()
        if self.spec.optional and value == self.spin.minimum():
            self._emit(None)
        else:
            self._emit(int(value) if self.spec.integer else float(value))

    def focus_target(self) -> QWidget:
        return self.spin


class BoolEditor(FieldEditor):
    """A yes / no switch."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.box.toggled.connect(self._emit)

    def _show(self, value: Any) -> None:
        self.box.setChecked(bool(self.spec.default if value is None else value))

    def focus_target(self) -> QWidget:
        return self.box


class PairEditor(FieldEditor):
    """A first and last turn (an event's window), or nothing."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.enabled = QCheckBox(self)
        self.first, self.last = LocaleSpinBox(self), LocaleSpinBox(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        for spin in (self.first, self.last):
            spin.setRange(1, 120)
            spin.setKeyboardTracking(False)
            guard(spin)
            layout.addWidget(spin)
            spin.valueChanged.connect(self._on_changed)
        layout.addStretch(1)
        self.enabled.toggled.connect(self._on_changed)

    def _show(self, value: Any) -> None:
        pair = value if isinstance(value, list | tuple) and len(value) == 2 else None
        self.enabled.setChecked(pair is not None)
        if pair is not None:
            self.first.setValue(int(pair[0]))
            self.last.setValue(int(pair[1]))
        self.first.setEnabled(pair is not None)
        self.last.setEnabled(pair is not None)

    def _on_changed(self, *_: object) -> None:
        on = self.enabled.isChecked()
        self.first.setEnabled(on)
        self.last.setEnabled(on)
        self._emit([self.first.value(), self.last.value()] if on else None)

    def focus_target(self) -> QWidget:
        return self.enabled

    def name_parts(self, name: str, help_text: str) -> None:
        parts = ((self.enabled, ""), (self.first, tr("editor.first")),
                 (self.last, tr("editor.last")))
        for widget, part in parts:
            widget.setAccessibleName(f"{name} {part}".strip())
            widget.setToolTip(help_text)
